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
 * Finds codes in attributes: string values that are exactly a code, numbers under a close-code key
 * ({@code websocket.close.code=1011}), and, for the exception keys given, the codes anywhere in their text.
 * Structured log bodies and {@code Value} attributes are read the same way as attributes: their values that are
 * exactly a code, their numbers under a close-code key, through nested maps and lists up to {@value #MAX_DEPTH}
 * levels and {@value #MAX_VALUES} values. Names no SDK constant newer than 1.42 ({@code AttributeType.VALUE} came
 * with 1.59). Visits with {@link Attributes#forEach} so that no list of entries is built. Reusable within one span
 * or record; not thread-safe.
 */
final class AttributeScan implements BiConsumer<AttributeKey<?>, Object> {
    static final String EXCEPTION_MESSAGE = "exception.message";
    static final String EXCEPTION_TYPE = "exception.type";
    static final String EXCEPTION_STACKTRACE = "exception.stacktrace";

    /** Which attributes are read as free text rather than as one value. */
    enum TextKeys {
        NONE,
        /** {@code exception.message} and {@code exception.type}. */
        EXCEPTION,
        /** {@code exception.message}, {@code exception.type} and {@code exception.stacktrace}. */
        EXCEPTION_AND_STACKTRACE
    }

    static final int MAX_DEPTH = 8;
    static final int MAX_VALUES = 256;

    private final Detector detector;
    private TextKeys textKeys;
    private Detection found;

    AttributeScan(Detector detector) {
        this.detector = detector;
    }

    /** {@code soFar} with the codes of {@code attributes} added after its own; itself when none are new. */
    Detection scan(Attributes attributes, TextKeys textKeys, Detection soFar) {
        this.found = soFar;
        if (!attributes.isEmpty()) {
            this.textKeys = textKeys;
            attributes.forEach(this);
        }
        return found;
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
        if (type == ValueType.STRING) {
            add(detector.valueCode(key, (String) value.getValue()));
        } else if (type == ValueType.LONG) {
            if (key != null) {
                add(detector.valueCode(key, ((Long) value.getValue()).longValue()));
            }
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
        AttributeType type = key.getType();
        if (type == AttributeType.STRING) {
            String name = key.getKey();
            String text = (String) value;
            if (isText(name)) {
                found = detector.scan(text, found);
            } else {
                add(detector.valueCode(name, text));
            }
        } else if (type == AttributeType.LONG) {
            add(detector.valueCode(key.getKey(), ((Long) value).longValue()));
        } else if (value instanceof Value) {
            // AttributeType.VALUE, which SDKs before 1.59 lack: naming the constant fails there, on any attribute
            // that is neither a string nor a long.
            value(key.getKey(), (Value<?>) value, 0, MAX_VALUES);
        }
    }

    private boolean isText(String name) {
        if (textKeys == TextKeys.NONE) {
            return false;
        }
        return EXCEPTION_MESSAGE.equals(name) || EXCEPTION_TYPE.equals(name)
                || (textKeys == TextKeys.EXCEPTION_AND_STACKTRACE && EXCEPTION_STACKTRACE.equals(name));
    }

    private void add(HumeCode code) {
        if (code != null) {
            found = Detection.merge(found, Detection.of(code));
        }
    }
}
