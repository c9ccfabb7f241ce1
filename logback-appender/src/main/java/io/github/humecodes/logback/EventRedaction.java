package io.github.humecodes.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.github.humecodes.internal.Credentials;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * The texts of an event with their Hume credentials redacted ({@link Credentials}): the formatted message, the
 * raw message and its text arguments, the throwable messages through the whole chain, key-value values and MDC
 * values. Built by {@link #of} only for an event that has one; immutable.
 *
 * <p>Each text goes through {@link Credentials#flags} once, the cheap check, with no allocation: an event none of
 * whose texts is flagged costs that and nothing more. For an event with a flagged text, its scope is read: it is
 * Hume's (its {@code Authorization} headers and {@code access_token} fields are Hume's) when any of its texts
 * {@linkplain Credentials#marksHume names Hume} or a key names a credential only Hume uses. Then the flagged texts
 * are redacted. Each part is read on its own: one whose getter throws hides nothing of the others.
 */
final class EventRedaction {
    /**
     * Which key-value pairs and MDC entries were flagged is kept as one bit each in a long; the values past this
     * many are checked again when redacting (the last bit says that one of them was flagged).
     */
    private static final int MASK_BITS = 63;
    /** {@link #valueFlags}: the key names a credential only Hume uses, so the event is Hume's. */
    private static final int HUME_KEY = 2;

    final String formattedMessage;
    final String message;
    final Object[] arguments;
    final IThrowableProxy throwable;
    /** The key-value pairs, values redacted; null when there are none. */
    final List<KeyValuePair> pairs;
    /** The MDC, values redacted; null when unchanged. */
    final Map<String, String> mdc;

    private EventRedaction(
            String formattedMessage,
            String message,
            Object[] arguments,
            IThrowableProxy throwable,
            List<KeyValuePair> pairs,
            Map<String, String> mdc) {
        this.formattedMessage = formattedMessage;
        this.message = message;
        this.arguments = arguments;
        this.throwable = throwable;
        this.pairs = pairs;
        this.mdc = mdc;
    }

    /** {@code event}'s texts redacted, or null when none of them changes (the common case: no allocation). */
    static EventRedaction of(ILoggingEvent event) {
        String formatted = null;
        int messageFlags = 0;
        try {
            formatted = event.getFormattedMessage();
            messageFlags = Credentials.flags(formatted);
        } catch (RuntimeException e) {
            // nothing to redact in a message that cannot be read
        }
        IThrowableProxy proxy = null;
        int throwableFlags = 0;
        try {
            proxy = event.getThrowableProxy();
            throwableFlags = RedactedThrowableProxy.mayHoldCredentials(proxy) ? Credentials.MAY_HOLD : 0;
        } catch (RuntimeException e) {
            proxy = null;
        }
        List<KeyValuePair> pairs = null;
        long pairMask = 0;
        int pairFlags = 0;
        try {
            pairs = event.getKeyValuePairs();
            if (pairs != null) {
                for (int i = 0, n = pairs.size(); i < n; i++) {
                    KeyValuePair pair = pairs.get(i);
                    int f = pair == null ? 0 : valueFlags(pair.key, pair.value);
                    if (f != 0) {
                        pairMask |= 1L << Math.min(i, MASK_BITS);
                        pairFlags |= f;
                    }
                }
            }
        } catch (RuntimeException e) {
            pairs = null;
            pairMask = 0;
        }
        Map<String, String> mdc = null;
        long mdcMask = 0;
        int mdcFlags = 0;
        try {
            mdc = event.getMDCPropertyMap();
            if (mdc != null && !mdc.isEmpty()) {
                int i = 0;
                for (Map.Entry<String, String> e : mdc.entrySet()) {
                    int f = valueFlags(e.getKey(), e.getValue());
                    if (f != 0) {
                        mdcMask |= 1L << Math.min(i, MASK_BITS);
                        mdcFlags |= f;
                    }
                    i++;
                }
            }
        } catch (RuntimeException e) {
            mdc = null;
            mdcMask = 0;
        }
        int all = messageFlags | throwableFlags | pairFlags | mdcFlags;
        if (all == 0 && pairMask == 0 && mdcMask == 0) {
            return null;
        }
        boolean humeScope = (all & HUME_KEY) != 0 || namesHume(formatted, proxy, pairs, mdc);
        return redact(event, humeScope, formatted, messageFlags, proxy, throwableFlags, pairs, pairMask, mdc, mdcMask);
    }

    /**
     * The flags of a key-value or MDC value: its own, and {@link Credentials#MAY_HOLD} when the key is a
     * credential's name (with {@link #HUME_KEY} when only Hume uses that name).
     */
    private static int valueFlags(String key, Object value) {
        if (!(value instanceof CharSequence)) {
            return 0;
        }
        int flags = Credentials.flags((CharSequence) value);
        if (Credentials.isCredentialKey(key, true)) {
            flags |= Credentials.MAY_HOLD | (Credentials.isCredentialKey(key, false) ? HUME_KEY : 0);
        }
        return flags;
    }

    /** True when a text of the event names Hume: read only for an event with a flagged text. */
    private static boolean namesHume(
            String formatted, IThrowableProxy proxy, List<KeyValuePair> pairs, Map<String, String> mdc) {
        if (Credentials.marksHume(formatted) || RedactedThrowableProxy.namesHume(proxy)) {
            return true;
        }
        try {
            if (pairs != null) {
                for (KeyValuePair pair : pairs) {
                    if (pair != null
                            && pair.value instanceof CharSequence
                            && Credentials.marksHume((CharSequence) pair.value)) {
                        return true;
                    }
                }
            }
            if (mdc != null) {
                for (String v : mdc.values()) {
                    if (Credentials.marksHume(v)) {
                        return true;
                    }
                }
            }
        } catch (RuntimeException e) {
            // a collection that cannot be read names nothing
        }
        return false;
    }

    /** The slow part, for an event with a flagged text: the redacted texts, or null when none changes. */
    private static EventRedaction redact(
            ILoggingEvent event,
            boolean humeScope,
            String formatted,
            int messageFlags,
            IThrowableProxy proxy,
            int throwableFlags,
            List<KeyValuePair> pairs,
            long pairMask,
            Map<String, String> mdc,
            long mdcMask) {
        boolean changed = false;
        String redactedFormatted = formatted;
        String message = null;
        Object[] arguments = null;
        try {
            message = event.getMessage();
            arguments = event.getArgumentArray();
        } catch (RuntimeException e) {
            // left as the original has them
        }
        String redactedMessage = message;
        Object[] redactedArguments = arguments;
        if (messageFlags != 0) {
            redactedFormatted = Credentials.redact(formatted, humeScope);
            changed = redactedFormatted != formatted;
            // The raw message and its text arguments: socket appenders send these, and the receiver formats them.
            redactedMessage = message == formatted ? redactedFormatted : text(message, humeScope);
            redactedArguments = arguments(arguments, humeScope);
            changed |= redactedMessage != message || redactedArguments != arguments;
        }
        IThrowableProxy redactedProxy = proxy;
        if (throwableFlags != 0) {
            redactedProxy = RedactedThrowableProxy.of(proxy, humeScope);
            changed |= redactedProxy != proxy;
        }
        List<KeyValuePair> redactedPairs = pairs;
        if (pairMask != 0) {
            redactedPairs = pairs(pairs, pairMask, humeScope);
            changed |= redactedPairs != pairs;
        }
        Map<String, String> redactedMdc = null;
        if (mdcMask != 0) {
            Map<String, String> r = mdc(mdc, mdcMask, humeScope);
            if (r != mdc) {
                redactedMdc = r;
                changed = true;
            }
        }
        return changed
                ? new EventRedaction(
                        redactedFormatted,
                        redactedMessage,
                        redactedArguments,
                        redactedProxy,
                        redactedPairs,
                        redactedMdc)
                : null;
    }

    /** {@code text} redacted when the cheap check flags it; the same instance when nothing changes. */
    static String text(String text, boolean humeScope) {
        return text != null && Credentials.flags(text) != 0 ? Credentials.redact(text, humeScope) : text;
    }

    private static Object[] arguments(Object[] arguments, boolean humeScope) {
        if (arguments == null) {
            return null;
        }
        Object[] out = arguments;
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof String) {
                String s = (String) arguments[i];
                String r = text(s, humeScope);
                if (r != s) {
                    if (out == arguments) {
                        out = arguments.clone();
                    }
                    out[i] = r;
                }
            }
        }
        return out;
    }

    /** True when the value at {@code i} was flagged (past the mask's bits, checked again). */
    private static boolean flagged(long mask, int i, String key, Object value) {
        long bit = 1L << Math.min(i, MASK_BITS);
        return (mask & bit) != 0 && (i < MASK_BITS || valueFlags(key, value) != 0);
    }

    /** The value under {@code key} redacted, or {@code value} itself when nothing changes. */
    private static Object value(String key, Object value, boolean humeScope) {
        if (!(value instanceof CharSequence)) {
            return value;
        }
        String text = value.toString();
        String r = Credentials.redactValue(key, text, humeScope);
        return r == text ? value : r;
    }

    private static List<KeyValuePair> pairs(List<KeyValuePair> pairs, long mask, boolean humeScope) {
        List<KeyValuePair> out = null;
        for (int i = 0, n = pairs.size(); i < n; i++) {
            KeyValuePair pair = pairs.get(i);
            Object r = pair == null || !flagged(mask, i, pair.key, pair.value)
                    ? null
                    : value(pair.key, pair.value, humeScope);
            if (r != null && r != pair.value && out == null) {
                out = new ArrayList<>(pairs.subList(0, i));
            }
            if (out != null) {
                out.add(r == null || r == pair.value ? pair : new KeyValuePair(pair.key, r));
            }
        }
        return out == null ? pairs : Collections.unmodifiableList(out);
    }

    private static Map<String, String> mdc(Map<String, String> mdc, long mask, boolean humeScope) {
        Map<String, String> out = null;
        int i = 0;
        for (Map.Entry<String, String> e : mdc.entrySet()) {
            String v = e.getValue();
            String r = v == null || !flagged(mask, i, e.getKey(), v)
                    ? v
                    : Credentials.redactValue(e.getKey(), v, humeScope);
            if (r != v) {
                if (out == null) {
                    out = new LinkedHashMap<>(mdc);
                }
                out.put(e.getKey(), r);
            }
            i++;
        }
        return out == null ? mdc : Collections.unmodifiableMap(out);
    }
}
