package io.github.humecodes.logback;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import net.logstash.logback.composite.AbstractPatternJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventPatternJsonProvider;
import net.logstash.logback.pattern.NodeWriter;

/**
 * A logstash-logback-encoder provider (8.x with Jackson 2, or 9.x with Jackson 3) that writes the Hume fields
 * of an event, for those who keep their encoder and do not want {@link HumeEnrichingAppender} in front of it.
 *
 * <pre>{@code
 * <encoder class="net.logstash.logback.encoder.LogstashEncoder">
 *   <provider class="io.github.humecodes.logback.HumeJsonProvider"/>
 * </encoder>
 * }</pre>
 *
 * <p>Flat by default ({@code "hume.code":"E0300", "hume.category":"billing", ...}); with {@code fieldName} set,
 * nested under that object with bare names ({@code "hume":{"code":"E0300", ...}}), and {@code fieldPrefix} is
 * then not used. A field the event already has as a key-value pair or MDC entry (the user's own, or one added
 * by {@link HumeEnrichingAppender}, which the encoder writes itself) is not written again; an event that went
 * through {@link HumeEnrichingAppender} is not scanned again.
 *
 * <p>Why it extends the encoder's pattern provider: 8.x and 9.x call providers with different Jackson generator
 * types, and Logback's configurator reads every public method of the classes it configures, so a provider
 * declaring a method for each type would end the whole configuration wherever one Jackson is missing. This
 * class names no Jackson type: it inherits a {@code writeTo} of the right type, which writes through the
 * pattern provider's node writer, and {@link #start()} sets that to a {@link JsonFieldsWriter}, which carries
 * a method for each Jackson. An encoder it does not fit is reported once at start, and no field is written.
 *
 * <p>Properties: {@code fieldPrefix} (default {@code hume.}), {@code fieldName} (default none: flat),
 * {@code catalog}, {@code maxScanChars}, {@code scanMdc}. Thread-safe once started.
 */
public class HumeJsonProvider extends LoggingEventPatternJsonProvider {
    private static final String LABEL = "HumeJsonProvider";
    private static final String NEEDS = LABEL + " needs logstash-logback-encoder 8.x (Jackson 2) or 9.x (Jackson 3)";

    private final CommonProperties settings = new CommonProperties();
    private boolean prefixSet;
    private String fieldName;

    public void setFieldPrefix(String fieldPrefix) {
        settings.fieldPrefix(fieldPrefix);
        prefixSet = true;
    }

    public String getFieldPrefix() {
        return settings.fieldPrefix();
    }

    /** The object to nest the fields under, with bare names; none (default) writes them flat. */
    public void setFieldName(String fieldName) {
        this.fieldName = fieldName;
    }

    public String getFieldName() {
        return fieldName;
    }

    public void setCatalog(String catalog) {
        settings.catalog(catalog);
    }

    public String getCatalog() {
        return settings.catalog();
    }

    public void setMaxScanChars(int maxScanChars) {
        settings.maxScanChars(maxScanChars);
    }

    public int getMaxScanChars() {
        return settings.maxScanChars();
    }

    public void setScanMdc(boolean scanMdc) {
        settings.scanMdc(scanMdc);
    }

    public boolean isScanMdc() {
        return settings.scanMdc();
    }

    @Override
    public void start() {
        EventScanner scanner = settings.scanner(this, LABEL);
        String nest = fieldName;
        if (nest != null && nest.isBlank()) {
            addError(LABEL + ": fieldName must not be blank; writing the fields flat");
            fieldName = null;
            nest = null;
        }
        EventFields fields;
        if (nest != null) {
            if (prefixSet) {
                addWarn(LABEL + ": fieldPrefix is not used when fieldName is set (fields nested under " + nest
                        + " have bare names)");
            }
            fields = EventFields.withPrefix("");
        } else {
            fields = settings.fields(this, LABEL);
        }
        if (getPattern() != null) {
            addWarn(LABEL + ": pattern is not used (the provider writes the Hume fields only)");
            setPattern(null);
        }
        Field nodeWriter = nodeWriterField();
        if (nodeWriter == null) {
            return;
        }
        try {
            super.start(); // with no pattern its node writer is null: it writes nothing until set below
        } catch (RuntimeException e) {
            addError(
                    LABEL + " must be inside a logstash-logback-encoder encoder or layout (" + e.getMessage()
                            + "); writing no fields",
                    e);
            return;
        }
        try {
            nodeWriter.set(this, new JsonFieldsWriter(scanner, fields, nest));
        } catch (IllegalAccessException | RuntimeException e) {
            addError(NEEDS + ": its pattern provider cannot be given a writer (" + e + "); writing no fields", e);
        }
    }

    /**
     * The pattern provider's node writer, ready to set, or null (reported) when this encoder's is not one
     * {@link JsonFieldsWriter} can stand in for. It is a private field, the same in 8.x and 9.x: the encoder has
     * no public way to hand a provider its own writer; the tests of both lines cover it.
     */
    private Field nodeWriterField() {
        String generator = null;
        try {
            for (Method m : NodeWriter.class.getMethods()) {
                if (m.getName().equals("write") && m.getParameterCount() == 2) {
                    generator = m.getParameterTypes()[0].getName();
                }
            }
            if (!JsonFieldsWriter.supports(generator)) {
                addError(NEEDS + "; the one here writes through " + generator + "; writing no fields");
                return null;
            }
            Field f = AbstractPatternJsonProvider.class.getDeclaredField("nodeWriter");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            addError(NEEDS + "; the one here does not fit (" + e + "); writing no fields", e);
            return null;
        }
    }
}
