package io.github.humecodes.otel;

import io.github.humecodes.Detection;
import io.github.humecodes.Detector;
import io.github.humecodes.HumeCode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import java.util.function.BiConsumer;

/**
 * Finds codes in attributes: string values that are exactly a code, numbers under a close-code key
 * ({@code websocket.close.code=1011}), and, for the exception keys given, the codes anywhere in their text.
 * Visits with {@link Attributes#forEach} so that no list of entries is built. Reusable within one span or
 * record; not thread-safe.
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
        }
    }

    private boolean isText(String name) {
        switch (textKeys) {
            case EXCEPTION_AND_STACKTRACE:
                if (EXCEPTION_STACKTRACE.equals(name)) {
                    return true;
                }
                // fall through
            case EXCEPTION:
                return EXCEPTION_MESSAGE.equals(name) || EXCEPTION_TYPE.equals(name);
            default:
                return false;
        }
    }

    private void add(HumeCode code) {
        if (code != null) {
            found = Detection.merge(found, Detection.of(code));
        }
    }
}
