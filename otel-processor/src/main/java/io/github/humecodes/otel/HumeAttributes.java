package io.github.humecodes.otel;

import io.github.humecodes.Detection;
import io.github.humecodes.internal.HumeFields;
import io.github.humecodes.internal.HumeFields.Field;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import java.util.List;

/**
 * The {@code hume.*} attribute keys, one per field of {@link HumeFields} under its default prefix, and how a
 * detection becomes attributes of a span or log record. The values are the strings a code's catalog entry already
 * holds, so enriching allocates little: the {@code hume.codes} list, only when more than one code was found.
 * Stateless and thread-safe.
 */
final class HumeAttributes {
    private static final HumeFields FIELDS = HumeFields.DEFAULT;
    /** The fields in table order; an array, so that the loops below allocate no iterator. */
    private static final Field[] ALL = HumeFields.ALL.toArray(new Field[0]);
    /** The key of each field, by {@link Field#ordinal()}. */
    private static final AttributeKey<?>[] KEYS = new AttributeKey<?>[ALL.length];
    /** Bit n set when a field's name is n characters long: most names are told apart by their length alone. */
    private static final long NAME_LENGTHS;

    static {
        long lengths = 0;
        for (Field f : ALL) {
            String name = FIELDS.name(f);
            KEYS[f.ordinal()] = f == Field.RETRYABLE
                    ? AttributeKey.booleanKey(name)
                    : f == Field.CODES ? AttributeKey.stringArrayKey(name) : AttributeKey.stringKey(name);
            lengths |= 1L << name.length(); // the default names are shorter than 64
        }
        NAME_LENGTHS = lengths;
    }

    static final AttributeKey<String> CODE = stringKey(Field.CODE);
    static final AttributeKey<String> CATEGORY = stringKey(Field.CATEGORY);
    static final AttributeKey<String> SEVERITY = stringKey(Field.SEVERITY);
    static final AttributeKey<String> DESCRIPTION = stringKey(Field.DESCRIPTION);

    @SuppressWarnings("unchecked")
    static final AttributeKey<Boolean> RETRYABLE = (AttributeKey<Boolean>) KEYS[Field.RETRYABLE.ordinal()];

    @SuppressWarnings("unchecked")
    static final AttributeKey<List<String>> CODES = (AttributeKey<List<String>>) KEYS[Field.CODES.ordinal()];

    private HumeAttributes() {}

    @SuppressWarnings("unchecked")
    private static AttributeKey<String> stringKey(Field f) {
        return (AttributeKey<String>) KEYS[f.ordinal()];
    }

    /**
     * The bit of the field that an attribute named {@code name} would hold, or 0: the SDK keeps one value per name
     * whatever its type, so a name already present is never written (setting {@code hume.category} as a string
     * would replace an application's boolean {@code hume.category}).
     */
    static int presentBit(String name) {
        int length = name.length();
        if (length >= Long.SIZE || (NAME_LENGTHS & (1L << length)) == 0 || !name.startsWith(FIELDS.prefix())) {
            return 0; // every attribute of every item comes here: most leave at the first test
        }
        for (Field f : ALL) {
            if (FIELDS.name(f).equals(name)) {
                return 1 << f.ordinal();
            }
        }
        return 0;
    }

    /** Adds the attributes of {@code found} whose bits are not in {@code present} (see {@link #presentBit}). */
    static void addTo(ReadWriteSpan span, int present, Detection found) {
        write(span, null, present, found);
    }

    /** Adds the attributes of {@code found} whose bits are not in {@code present} (see {@link #presentBit}). */
    static void addTo(ReadWriteLogRecord record, int present, Detection found) {
        write(null, record, present, found);
    }

    private static void write(ReadWriteSpan span, ReadWriteLogRecord record, int present, Detection found) {
        for (Field f : ALL) {
            if ((present & (1 << f.ordinal())) == 0) {
                Object value = f.value(found); // null for hume.codes unless several codes were found
                if (value != null) {
                    put(span, record, KEYS[f.ordinal()], value);
                }
            }
        }
    }

    /**
     * Sets one attribute of {@code span} or, when it is null, of {@code record}: spans and log records share no
     * interface for it, and which one is given is known, not tested (a type test against an interface can cost
     * tens of nanoseconds on JDK 17). {@code value} must be of {@code key}'s type.
     */
    @SuppressWarnings("unchecked")
    static void put(ReadWriteSpan span, ReadWriteLogRecord record, AttributeKey<?> key, Object value) {
        if (span != null) {
            span.setAttribute((AttributeKey<Object>) key, value);
        } else {
            record.setAttribute((AttributeKey<Object>) key, value);
        }
    }
}
