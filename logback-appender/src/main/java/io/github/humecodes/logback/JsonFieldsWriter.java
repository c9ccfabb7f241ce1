package io.github.humecodes.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.humecodes.Detection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiConsumer;
import net.logstash.logback.pattern.NodeWriter;

/**
 * Writes the Hume fields of an event for {@link HumeJsonProvider}, through whichever Jackson the encoder uses:
 * logstash-logback-encoder 9.x hands it a Jackson 3 generator ({@code tools.jackson}), 8.x a Jackson 2 one
 * ({@code com.fasterxml.jackson}). One class carries both {@code write} methods; the JVM binds the encoder's
 * call to the one whose descriptor matches and never loads the other Jackson (the verifier needs no class for
 * a value passed on as the type it was declared with). Only this class may mention a Jackson type: Logback's
 * configurator reads every public method of the classes it configures, and a missing Jackson there would end
 * the whole configuration. Immutable and thread-safe.
 */
final class JsonFieldsWriter implements NodeWriter<ILoggingEvent> {
    static final String JACKSON_3_GENERATOR = "tools.jackson.core.JsonGenerator";
    static final String JACKSON_2_GENERATOR = "com.fasterxml.jackson.core.JsonGenerator";

    private final EventScanner scanner;
    private final EventFields fields;
    /** The object the fields are nested under, or null: flat. */
    private final String nest;

    JsonFieldsWriter(EventScanner scanner, EventFields fields, String nest) {
        this.scanner = scanner;
        this.fields = fields;
        this.nest = nest;
    }

    /** True when a generator of this class (its name) is one of the two this writer writes through. */
    static boolean supports(String generatorType) {
        return JACKSON_3_GENERATOR.equals(generatorType) || JACKSON_2_GENERATOR.equals(generatorType);
    }

    /** logstash-logback-encoder 9.x. */
    @Override
    public void write(tools.jackson.core.JsonGenerator generator, ILoggingEvent event) {
        Detection found = detect(event);
        if (found != null) {
            write(found, event, new Jackson3(generator));
        }
    }

    /** logstash-logback-encoder 8.x: its {@code NodeWriter.write(JsonGenerator, Event)}, erased. */
    public void write(com.fasterxml.jackson.core.JsonGenerator generator, Object event) throws IOException {
        ILoggingEvent e = (ILoggingEvent) event;
        Detection found = detect(e);
        if (found != null) {
            try {
                write(found, e, new Jackson2(generator));
            } catch (UncheckedIOException x) {
                throw x.getCause();
            }
        }
    }

    private Detection detect(ILoggingEvent event) {
        try {
            return scanner.scan(event);
        } catch (RuntimeException | LinkageError e) {
            return null; // an event whose getters throw is written without the fields
        }
    }

    private void write(Detection found, ILoggingEvent event, Out out) {
        if (nest == null) {
            fields.write(found, event, out);
        } else if (!EventFields.has(event, nest)) {
            out.startObject(nest);
            fields.write(found, null, out);
            out.endObject();
        }
    }

    /**
     * The few writes the fields need, on one Jackson's generator; as a sink, it takes a field: a String, a
     * Boolean, or a List written as an array of strings.
     */
    private interface Out extends BiConsumer<String, Object> {
        void startObject(String name);

        void endObject();
    }

    private static final class Jackson3 implements Out {
        private final tools.jackson.core.JsonGenerator generator;

        Jackson3(tools.jackson.core.JsonGenerator generator) {
            this.generator = generator;
        }

        @Override
        public void startObject(String name) {
            generator.writeObjectPropertyStart(name);
        }

        @Override
        public void accept(String name, Object value) {
            if (value instanceof Boolean) {
                generator.writeBooleanProperty(name, (Boolean) value);
            } else if (value instanceof List) {
                generator.writeArrayPropertyStart(name);
                for (Object o : (List<?>) value) {
                    generator.writeString(String.valueOf(o));
                }
                generator.writeEndArray();
            } else {
                generator.writeStringProperty(name, String.valueOf(value));
            }
        }

        @Override
        public void endObject() {
            generator.writeEndObject();
        }
    }

    /** Jackson 2 throws IOException: carried out as UncheckedIOException, thrown again as it was. */
    private static final class Jackson2 implements Out {
        private final com.fasterxml.jackson.core.JsonGenerator generator;

        Jackson2(com.fasterxml.jackson.core.JsonGenerator generator) {
            this.generator = generator;
        }

        @Override
        public void startObject(String name) {
            try {
                generator.writeObjectFieldStart(name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void accept(String name, Object value) {
            try {
                if (value instanceof Boolean) {
                    generator.writeBooleanField(name, (Boolean) value);
                } else if (value instanceof List) {
                    generator.writeArrayFieldStart(name);
                    for (Object o : (List<?>) value) {
                        generator.writeString(String.valueOf(o));
                    }
                    generator.writeEndArray();
                } else {
                    generator.writeStringField(name, String.valueOf(value));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void endObject() {
            try {
                generator.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
