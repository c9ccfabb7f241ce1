package io.github.humecodes.otel;

import io.github.humecodes.Detection;
import io.github.humecodes.Detector;
import io.github.humecodes.internal.Credentials;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.common.ValueType;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The one visit of a span's or log record's texts and attributes. It finds codes, by the core's one rule for
 * structured values ({@link Detector#scanValue}): a string is read like message text (a code anywhere in it
 * counts), a number under a close-code key ({@code websocket.close.code=1011}) is a close code, and arrays are read
 * element by element; structured log bodies and {@code Value} attributes the same way, through nested maps and
 * lists up to {@value #MAX_DEPTH} levels and {@value #MAX_VALUES} values. On the item's own attributes it also
 * notes which {@code hume.*} names are present, and, when credentials are redacted, the {@link Credentials#flags}
 * of each string and whether a key names a credential, so that a span or record with no credential costs this
 * visit and nothing more ({@link #mayHoldCredentials()}).
 *
 * <p>Names no SDK constant newer than 1.42 ({@code AttributeType.VALUE} came with 1.59), and switches over no SDK
 * enum. Visits with {@link Attributes#forEach} so that no list of entries is built. One per span or record; not
 * thread-safe.
 */
final class AttributeScan implements BiConsumer<AttributeKey<?>, Object> {
    static final String EXCEPTION_STACKTRACE = "exception.stacktrace";

    static final int MAX_DEPTH = Detector.MAX_VALUE_DEPTH;
    static final int MAX_VALUES = Detector.MAX_VALUES;

    /** {@link #mode}: credentials are looked for. */
    private static final int REDACT = 1;
    /** {@link #mode}: the attributes visited are the item's own, not an event's. */
    private static final int OWN = 2;
    /** {@link #mode}: {@code exception.stacktrace} is skipped, an exception event's throwable holds what it prints. */
    private static final int SKIP_STACKTRACE = 4;
    /** {@link #credentials}: a key that names a credential only Hume uses ({@code x-hume-api-key}). */
    private static final int HUME_KEY = 2;

    private final Detector detector;
    private int mode;
    /** The bits ({@link HumeAttributes#presentBit}) of the {@code hume.*} names the item's own attributes hold. */
    private int present;
    /** {@link Credentials#MAY_HOLD} as seen on any text or key, and {@link #HUME_KEY}. */
    private int credentials;

    private Detection found;

    /** {@code redact}: whether credentials are looked for as well as codes. */
    AttributeScan(Detector detector, boolean redact) {
        this.detector = detector;
        this.mode = redact ? REDACT : 0;
    }

    /**
     * {@code soFar} with the codes of an event's {@code attributes} added after its own; itself when none are new.
     * With {@code skipStacktrace}, the {@code exception.stacktrace} attribute (long, and made of the class names and
     * messages of a throwable already read) is not read again.
     */
    Detection scan(Attributes attributes, boolean skipStacktrace, Detection soFar) {
        return visit(attributes, skipStacktrace ? SKIP_STACKTRACE : 0, soFar);
    }

    /**
     * {@code soFar} with the codes of the span's or record's own {@code attributes} added; notes on the way which
     * {@code hume.*} names they hold and whether they may hold credentials.
     */
    Detection scanOwn(Attributes attributes, Detection soFar) {
        return visit(attributes, OWN, soFar);
    }

    private Detection visit(Attributes attributes, int what, Detection soFar) {
        this.found = soFar;
        if (!attributes.isEmpty()) {
            mode = (mode & REDACT) | what;
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

    /** Notes whether {@code text}, one of the item's own (a status description, a name, a body), may hold one. */
    void noteText(String text) {
        if ((mode & REDACT) != 0 && text != null) {
            credentials |= Credentials.flags(text);
        }
    }

    /** The bits of the {@code hume.*} names that the attributes given to {@link #scanOwn} hold. */
    int present() {
        return present;
    }

    /**
     * Whether a text noted may hold a credential, or a key names one: only then is it worth looking for
     * credentials to redact.
     */
    boolean mayHoldCredentials() {
        return (credentials & Credentials.MAY_HOLD) != 0;
    }

    /**
     * Whether the item is Hume's, so that its {@code Authorization} headers and {@code access_token} fields are
     * Hume's credentials: a key only Hume uses was seen, or {@code text}, {@code other} or a string of its own
     * {@code attributes} {@linkplain Credentials#marksHume names Hume}. Read only for an item that
     * {@linkplain #mayHoldCredentials may hold one}.
     */
    boolean humeScope(Attributes attributes, String text, String other) {
        if ((credentials & HUME_KEY) != 0 || Credentials.marksHume(text) || Credentials.marksHume(other)) {
            return true;
        }
        boolean[] marks = {false};
        attributes.forEach((key, value) -> {
            if (marks[0]) {
                return;
            }
            if (value instanceof String) {
                marks[0] = Credentials.marksHume((String) value);
            } else if (key.getType() == AttributeType.STRING_ARRAY) {
                for (Object element : (List<?>) value) {
                    if (element instanceof String && Credentials.marksHume((String) element)) {
                        marks[0] = true;
                        return;
                    }
                }
            }
        });
        return marks[0];
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
        AttributeType type = key.getType();
        if ((mode & OWN) != 0) {
            present |= HumeAttributes.presentBit(name);
            if ((mode & REDACT) != 0 && (type == AttributeType.STRING || type == AttributeType.STRING_ARRAY)) {
                noteCredentials(name, type, value);
            }
        } else if ((mode & SKIP_STACKTRACE) != 0 && name.equals(EXCEPTION_STACKTRACE)) {
            return;
        }
        // By the key's type, not by instanceof: on JDK 17 a failed check against an interface (a String is no
        // Value) costs tens of nanoseconds, more than the rest of a short attribute's scan.
        if (type == AttributeType.STRING
                || type == AttributeType.LONG
                || type == AttributeType.STRING_ARRAY
                || type == AttributeType.LONG_ARRAY) {
            found = detector.scanValue(name, value, found);
        } else if (type != AttributeType.BOOLEAN
                && type != AttributeType.DOUBLE
                && type != AttributeType.BOOLEAN_ARRAY
                && type != AttributeType.DOUBLE_ARRAY) {
            // A Value (SDK 1.59 and later), or a type this class does not know: read by what it holds.
            if (value instanceof Value) {
                value(name, (Value<?>) value, 0, MAX_VALUES);
            } else {
                found = detector.scanValue(name, value, found);
            }
        } // booleans and doubles hold no code
    }

    /** Notes what a string or string array attribute tells of credentials: the flags of its texts, its key. */
    private void noteCredentials(String name, AttributeType type, Object value) {
        if (Credentials.isCredentialKey(name, true)) {
            // A name only Hume uses (x-hume-api-key) is a credential anywhere and names Hume; the rest only in scope.
            credentials |= Credentials.MAY_HOLD | (Credentials.isCredentialKey(name, false) ? HUME_KEY : 0);
        }
        if (type == AttributeType.STRING) {
            credentials |= Credentials.flags((String) value);
        } else {
            List<?> elements = (List<?>) value;
            for (int i = 0, n = elements.size(); i < n; i++) {
                credentials |= Credentials.flags((String) elements.get(i));
            }
        }
    }
}
