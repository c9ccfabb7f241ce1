package io.github.humecodes.otel;

import io.github.humecodes.Detection;
import io.github.humecodes.Detector;
import io.github.humecodes.HumeCode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.common.ValueType;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Finds codes in attributes, by the core's one rule for structured values ({@link Detector#scanValue}): a string
 * is read like message text (a code anywhere in it counts), a number under a close-code key
 * ({@code websocket.close.code=1011}) is a close code, and arrays are read element by element. Structured log
 * bodies and {@code Value} attributes are read the same way, through nested maps and lists up to
 * {@value #MAX_DEPTH} levels and {@value #MAX_VALUES} values.
 * Names no SDK constant newer than 1.42 ({@code AttributeType.VALUE} came with 1.59), and switches over no SDK
 * enum. Visits with {@link Attributes#forEach} so that no list of entries is built. Reusable within one span or
 * record; not thread-safe.
 */
final class AttributeScan implements BiConsumer<AttributeKey<?>, Object> {
    static final String EXCEPTION_STACKTRACE = "exception.stacktrace";

    static final int MAX_DEPTH = Detector.MAX_VALUE_DEPTH;
    static final int MAX_VALUES = Detector.MAX_VALUES;

    private final Detector detector;
    /** Whether {@code exception.stacktrace} is skipped: an exception event's throwable holds what it prints. */
    private boolean skipStacktrace;
    /** Whether the attributes read are the span's or record's own, not an event's. */
    private boolean own;
    /** The bits ({@link HumeAttributes#presentBit}) of the {@code hume.*} names the item's own attributes hold. */
    private int present;
    private Detection found;

    AttributeScan(Detector detector) {
        this.detector = detector;
    }

    /**
     * {@code soFar} with the codes of {@code attributes} added after its own; itself when none are new. With
     * {@code skipStacktrace}, the {@code exception.stacktrace} attribute (long, and made of the class names and
     * messages of a throwable already read) is not read again.
     */
    Detection scan(Attributes attributes, boolean skipStacktrace, Detection soFar) {
        this.found = soFar;
        if (!attributes.isEmpty()) {
            this.skipStacktrace = skipStacktrace;
            this.own = false;
            attributes.forEach(this);
        }
        return found;
    }

    /**
     * {@code soFar} with the codes of the span's or record's own {@code attributes} added; notes on the way which
     * {@code hume.*} names they hold ({@link #present()}).
     */
    Detection scanOwn(Attributes attributes, Detection soFar) {
        this.found = soFar;
        if (!attributes.isEmpty()) {
            this.skipStacktrace = false;
            this.own = true;
            attributes.forEach(this);
        }
        return found;
    }

    /** The bits of the {@code hume.*} names that the attributes given to {@link #scanOwn} hold. */
    int present() {
        return present;
    }

    /**
     * {@code soFar} with the codes of a structured (map or list) log body added; a string body is free text
     * and is the caller's to scan.
     */
    Detection scanBody(Value<?> body, Detection soFar) {
        this.found = soFar;
        value(null, body, 0, MAX_VALUES);
        return found;
    }

    /**
     * Reads one value of a structured body or attribute, and what it holds; returns how many values may still
     * be read ({@code budget} less those read). A budget rather than a field: this object stays small.
     */
    private int value(String key, Value<?> value, int depth, int budget) {
        if (value == null || budget <= 0) {
            return budget;
        }
        budget--;
        // Comparisons, not a switch: a switch on the SDK's enum compiles to a lookup class built from its constants.
        ValueType type = value.getType();
        if (type == ValueType.STRING || type == ValueType.LONG) {
            found = detector.scanValue(key, value.getValue(), found);
        } else if (type == ValueType.ARRAY) {
            if (depth < MAX_DEPTH) {
                for (Object element : (List<?>) value.getValue()) {
                    budget = value(key, (Value<?>) element, depth + 1, budget); // [1011] keeps its key
                }
            }
        } else if (type == ValueType.KEY_VALUE_LIST) {
            if (depth < MAX_DEPTH) {
                for (Object entry : (List<?>) value.getValue()) {
                    KeyValue kv = (KeyValue) entry;
                    budget = value(kv.getKey(), kv.getValue(), depth + 1, budget);
                }
            }
        } // booleans, doubles and bytes hold no code
        return budget;
    }

    @Override
    public void accept(AttributeKey<?> key, Object value) {
        String name = key.getKey();
        if (own) {
            present |= HumeAttributes.presentBit(name);
        } else if (skipStacktrace && name.equals(EXCEPTION_STACKTRACE)) {
            return;
        }
        if (value instanceof Value) {
            value(name, (Value<?>) value, 0, MAX_VALUES);
        } else {
            // Strings, longs and their arrays; booleans and doubles hold no code.
            found = detector.scanValue(name, value, found);
        }
    }
}
