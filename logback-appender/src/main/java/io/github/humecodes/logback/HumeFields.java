package io.github.humecodes.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.humecodes.Detection;
import io.github.humecodes.HumeCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.BiConsumer;
import org.slf4j.event.KeyValuePair;

/**
 * The enrichment fields, their names under one prefix and their values: written once here for the appender's
 * key-value pairs, the provider's JSON and the serialized form of a decorated event. Immutable and thread-safe.
 */
final class HumeFields {
    /** One enrichment field: its name after the prefix and its value for a detection. */
    enum Field {
        CODE("code"),
        CATEGORY("category"),
        SEVERITY("severity"),
        DESCRIPTION("description"),
        RETRYABLE("retryable"),
        CODES("codes");

        final String id;

        Field(String id) {
            this.id = id;
        }

        /**
         * The value of this field: a String, a Boolean for {@code retryable}, a List of Strings for
         * {@code codes} (null unless more than one code was found).
         */
        Object value(Detection d) {
            HumeCode p = d.primary();
            switch (this) {
                case CODE:
                    return p.code();
                case CATEGORY:
                    return p.category();
                case SEVERITY:
                    return p.severity().id();
                case DESCRIPTION:
                    return p.description();
                case RETRYABLE:
                    return Boolean.valueOf(p.retryable());
                default:
                    return d.size() > 1 ? codes(d) : null;
            }
        }

        /** The field named {@code id} (any case), or null. */
        static Field named(String id) {
            for (Field f : values()) {
                if (f.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            return null;
        }
    }

    private static final Field[] FIELDS = Field.values();
    private static final HumeFields DEFAULT = new HumeFields(ScanSettings.DEFAULT_FIELD_PREFIX);
    private static final HumeFields BARE = new HumeFields("");

    private final String prefix;
    private final String[] names = new String[FIELDS.length];

    private HumeFields(String prefix) {
        this.prefix = prefix;
        for (Field f : FIELDS) {
            names[f.ordinal()] = prefix + f.id;
        }
    }

    static HumeFields withPrefix(String prefix) {
        return prefix.equals(DEFAULT.prefix) ? DEFAULT : prefix.isEmpty() ? BARE : new HumeFields(prefix);
    }

    String prefix() {
        return prefix;
    }

    String name(Field f) {
        return names[f.ordinal()];
    }

    /**
     * Hands each field of {@code d} to {@code sink} as (name, value), in table order, leaving out fields
     * without a value and, when {@code existing} is not null, names that event already has as a key-value
     * pair or MDC entry: fields already on an event are never overwritten.
     */
    void write(Detection d, ILoggingEvent existing, BiConsumer<String, Object> sink) {
        for (Field f : FIELDS) {
            String name = names[f.ordinal()];
            Object value = f.value(d);
            if (value != null && (existing == null || !has(existing, name))) {
                sink.accept(name, value);
            }
        }
    }

    /** The fields of {@code d} as key-value pairs, leaving out those {@code event} already has. */
    List<KeyValuePair> pairs(Detection d, ILoggingEvent event) {
        List<KeyValuePair> pairs = new ArrayList<>(FIELDS.length);
        write(d, event, (name, value) -> pairs.add(new KeyValuePair(name, value)));
        return pairs;
    }

    /** True when {@code event} has a key-value pair or an MDC entry named {@code name}. */
    static boolean has(ILoggingEvent event, String name) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (int i = 0, n = pairs.size(); i < n; i++) {
                KeyValuePair pair = pairs.get(i);
                if (pair != null && name.equals(pair.key)) {
                    return true;
                }
            }
        }
        Map<String, String> mdc = event.getMDCPropertyMap();
        return mdc != null && mdc.containsKey(name);
    }

    /** A value as text, for string-only maps and patterns: lists are joined with commas. */
    static String text(Object value) {
        if (value instanceof List) {
            StringJoiner joined = new StringJoiner(",");
            for (Object o : (List<?>) value) {
                joined.add(String.valueOf(o));
            }
            return joined.toString();
        }
        return String.valueOf(value);
    }

    /** Every code of {@code d}, even a single one. */
    static List<String> codes(Detection d) {
        String[] codes = new String[d.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = d.code(i).code();
        }
        return List.of(codes);
    }
}
