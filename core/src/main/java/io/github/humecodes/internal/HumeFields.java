package io.github.humecodes.internal;

import io.github.humecodes.Detection;
import io.github.humecodes.HumeCode;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The enrichment fields and the {@code hume.codes} metric's names, defined once for every integration: Logback's
 * key-value pairs and JSON, OpenTelemetry's attributes and counter, the Spring Boot starter's Micrometer counter
 * and the command line's JSON. For internal use only. Immutable and thread-safe.
 */
public final class HumeFields {
    /** The prefix of the field names unless configured otherwise ({@code fieldPrefix}). */
    public static final String DEFAULT_PREFIX = "hume.";

    /** The counter of coded events, spans and log records (Prometheus: {@code hume_codes_total}). */
    public static final String METRIC_NAME = "hume.codes";

    public static final String METRIC_UNIT = "{code}";
    public static final String METRIC_DESCRIPTION =
            "Log events, spans and log records carrying a Hume code, by their primary code";
    /** Metric attribute names: fixed, whatever the field prefix, so that shipped rules and dashboards work. */
    public static final String METRIC_CODE = "hume.code";

    public static final String METRIC_CATEGORY = "hume.category";
    public static final String METRIC_SEVERITY = "hume.severity";
    /** Which signal was counted: {@link #SIGNAL_LOG} or {@link #SIGNAL_SPAN}. */
    public static final String METRIC_SIGNAL = "hume.signal";

    public static final String SIGNAL_LOG = "log";
    public static final String SIGNAL_SPAN = "span";
    /** The metric's {@code hume.code} for codes the catalog lacks: the number of series stays bounded. */
    public static final String UNKNOWN_CODE = "unknown";

    /** One enrichment field: its name after the prefix, and its value for a detection. */
    public enum Field {
        CODE("code"),
        CATEGORY("category"),
        SEVERITY("severity"),
        DESCRIPTION("description"),
        RETRYABLE("retryable"),
        /** Every code found, in order of first appearance; a field only when there are several. */
        CODES("codes");

        private final String id;

        Field(String id) {
            this.id = id;
        }

        /** The name after the prefix: {@code code}, {@code category}, ... */
        public String id() {
            return id;
        }

        /**
         * The value of this field for {@code d}: a String, a Boolean for {@code retryable}, a List of Strings for
         * {@code codes} (null unless more than one code was found).
         */
        public Object value(Detection d) {
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

        /** The field named {@code id} (any case, spaces aside), or null. */
        public static Field named(String id) {
            String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
            for (Field f : FIELDS) {
                if (f.id.equals(wanted)) {
                    return f;
                }
            }
            return null;
        }
    }

    private static final Field[] FIELDS = Field.values();
    /** The fields under the default prefix. */
    public static final HumeFields DEFAULT = new HumeFields(DEFAULT_PREFIX);

    private static final HumeFields BARE = new HumeFields("");

    private final String prefix;
    private final String[] names = new String[FIELDS.length];

    private HumeFields(String prefix) {
        this.prefix = prefix;
        for (Field f : FIELDS) {
            names[f.ordinal()] = prefix + f.id;
        }
    }

    /**
     * The fields under {@code prefix}, which must be {@linkplain #prefixProblem valid}. An empty prefix gives the
     * bare names ({@code code}, {@code category}, ...).
     */
    public static HumeFields withPrefix(String prefix) {
        if (prefixProblem(prefix) != null) {
            throw new IllegalArgumentException("fieldPrefix " + prefixProblem(prefix));
        }
        return prefix.equals(DEFAULT_PREFIX) ? DEFAULT : prefix.isEmpty() ? BARE : new HumeFields(prefix);
    }

    /**
     * What is wrong with {@code prefix}, or null when it can be used. Whitespace, control characters, quotes and
     * {@code =} would break {@code key=value} and line-based formats ({@code %kvp}, logfmt).
     */
    public static String prefixProblem(String prefix) {
        if (prefix == null) {
            return "must not be null";
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || Character.isISOControl(c)
                    || c == '"'
                    || c == '\''
                    || c == '=') {
                return "must not contain whitespace, control characters, quotes or '='";
            }
        }
        return null;
    }

    /** Every field, in table order. */
    public static final List<Field> ALL = List.of(FIELDS);

    public String prefix() {
        return prefix;
    }

    /** The full name of {@code f}: the prefix and the field's id. */
    public String name(Field f) {
        return names[f.ordinal()];
    }

    /** Every code of {@code d} in order of first appearance, even a single one. */
    public static List<String> codes(Detection d) {
        String[] codes = new String[d.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = d.code(i).code();
        }
        return List.of(codes);
    }

    /** A value as text, for string-only maps and patterns: lists are joined with commas. */
    public static String text(Object value) {
        if (value instanceof List) {
            StringJoiner joined = new StringJoiner(",");
            for (Object o : (List<?>) value) {
                joined.add(String.valueOf(o));
            }
            return joined.toString();
        }
        return String.valueOf(value);
    }
}
