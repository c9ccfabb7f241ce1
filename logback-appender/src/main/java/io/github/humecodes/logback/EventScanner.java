package io.github.humecodes.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import io.github.humecodes.Detection;
import io.github.humecodes.Detector;
import io.github.humecodes.internal.ThrowableWalk;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * Finds the Hume codes of a logging event or of a logging call; the detection logic of the appender, the JSON
 * provider, the converter and the turbo filter. Thread-safe; its one piece of state is a small cache of format
 * strings and the codes they hold. Never throws.
 *
 * <p>An event is read in this order: the formatted message, the throwable chain (class names and messages,
 * causes and suppressed, at most {@link Detector#MAX_THROWABLES}, cycle-safe), key-value pair values, and MDC
 * values when {@code scanMdc} is on. Values follow the core's one rule for structured values
 * ({@link Detector#scanValue}): text is read like a message, and a number under a close-code key is a close code.
 */
final class EventScanner {
    /** Slots of the cache of format strings (a power of two). */
    static final int FORMAT_SLOTS = 256;
    /** Longer format strings are not cached: the cache keeps at most 256 x 512 characters alive. */
    static final int FORMAT_MAX_CHARS = 512;

    private final Detector detector;
    private final boolean scanMdc;
    /**
     * Format strings already scanned, with what they hold. Most logging calls pass a constant format, so a disabled
     * debug call that the turbo filter must look at costs one comparison rather than a scan of its format, whether that
     * holds a code or not. Only the turbo filter's calls use it. Racy on purpose: a slot holds one immutable entry or
     * another, and an entry is used only for that very (immutable) String.
     */
    private final FormatEntry[] formats = new FormatEntry[FORMAT_SLOTS];

    /** A format string and the codes it holds (null for none). */
    private static final class FormatEntry {
        final String format;
        final Detection found;

        FormatEntry(String format, Detection found) {
            this.format = format;
            this.found = found;
        }
    }

    EventScanner(Detector detector, boolean scanMdc) {
        this.detector = detector;
        this.scanMdc = scanMdc;
    }

    /**
     * The codes of {@code event}, or null when it carries none. An event decorated by
     * {@link HumeEnrichingAppender} is not scanned again: its detection is reused.
     */
    Detection scan(ILoggingEvent event) {
        if (event instanceof HumeEvent) {
            return ((HumeEvent) event).detection();
        }
        // Each source on its own: a broken value (a CharSequence whose charAt throws, an event whose getter
        // throws) must neither break logging nor hide the codes of the other sources.
        Detection found = null;
        try {
            found = detector.scan(event.getFormattedMessage(), null);
        } catch (RuntimeException e) {
            // nothing from the message
        }
        try {
            found = scanThrowable(event.getThrowableProxy(), found);
        } catch (RuntimeException e) {
            // nothing more from the throwable
        }
        try {
            found = scanPairs(event.getKeyValuePairs(), found);
        } catch (RuntimeException e) {
            // nothing more from the key-value pairs
        }
        if (scanMdc) {
            try {
                found = scanMdcEntries(event.getMDCPropertyMap(), found);
            } catch (RuntimeException e) {
                // nothing more from the MDC
            }
        }
        return found;
    }

    /**
     * The codes of a logging call as a turbo filter sees it, before any event exists: the format string, the
     * parameters that are text or throwables, and the throwable. The formatted message is not built.
     */
    Detection scanCall(String format, Object[] params, Throwable thrown) {
        Detection found = scanFormat(format);
        if (params != null) {
            for (Object p : params) {
                try {
                    if (p instanceof CharSequence) {
                        found = detector.scan((CharSequence) p, found);
                    } else if (p instanceof Throwable) {
                        found = detector.scan((Throwable) p, found);
                    }
                } catch (RuntimeException e) {
                    // a broken parameter hides only its own codes
                }
            }
        }
        try {
            return detector.scan(thrown, found);
        } catch (RuntimeException e) {
            return found;
        }
    }

    /**
     * The codes of a logging call below its logger's level, read only as far as such a call may cost: the format
     * string (cached), the throwable and a last parameter that is one; the other parameters only when
     * {@code parameters} is true.
     */
    Detection scanDisabledCall(String format, Object[] params, Throwable thrown, boolean parameters) {
        if (parameters) {
            return scanCall(format, params, thrown);
        }
        Detection found = scanFormat(format);
        Throwable t = thrown;
        if (t == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable) {
            t = (Throwable) params[params.length - 1];
        }
        if (t == null) {
            return found;
        }
        try {
            return detector.scan(t, found);
        } catch (RuntimeException e) {
            return found;
        }
    }

    private Detection scanFormat(String format) {
        int n = format == null ? 0 : format.length();
        if (n == 0) {
            return null;
        }
        // Length and a middle character: O(1), unlike String.hashCode on a format built afresh for each call.
        int slot = (n * 31 + format.charAt(n >> 1)) & (FORMAT_SLOTS - 1);
        FormatEntry known = formats[slot];
        if (known != null && known.format == format) {
            return known.found;
        }
        Detection found = detector.scan(format, null);
        if (n <= FORMAT_MAX_CHARS) {
            formats[slot] = new FormatEntry(format, found);
        }
        return found;
    }

    private Detection scanThrowable(IThrowableProxy proxy, Detection found) {
        if (proxy == null) {
            return found;
        }
        if (proxy instanceof ThrowableProxy) {
            Throwable t = ((ThrowableProxy) proxy).getThrowable();
            if (t != null) {
                return detector.scan(t, found);
            }
        }
        // A deserialized event (ThrowableProxyVO) or another implementation: the same walk over the proxies.
        return ThrowableWalk.scan(detector, proxy, PROXIES, found);
    }

    /** Logback's throwable proxies, as the core's throwable walk reads them. */
    private static final ThrowableWalk.Tree<IThrowableProxy> PROXIES = new ThrowableWalk.Tree<>() {
        @Override
        public String className(IThrowableProxy p) {
            return p.getClassName();
        }

        @Override
        public String message(IThrowableProxy p) {
            return p.getMessage();
        }

        @Override
        public IThrowableProxy cause(IThrowableProxy p) {
            return p.getCause();
        }

        @Override
        public IThrowableProxy[] suppressed(IThrowableProxy p) {
            return p.getSuppressed();
        }

        @Override
        public boolean isBackReference(IThrowableProxy p) {
            return p.isCyclic();
        }
    };

    private Detection scanPairs(List<KeyValuePair> pairs, Detection found) {
        if (pairs == null) {
            return found;
        }
        for (int i = 0, n = pairs.size(); i < n; i++) {
            KeyValuePair pair = pairs.get(i);
            if (pair != null) {
                try {
                    found = detector.scanValue(pair.key, pair.value, found);
                } catch (RuntimeException e) {
                    // a broken value hides only its own codes
                }
            }
        }
        return found;
    }

    private Detection scanMdcEntries(Map<String, String> mdc, Detection found) {
        if (mdc == null || mdc.isEmpty()) {
            return found;
        }
        for (Map.Entry<String, String> e : mdc.entrySet()) {
            found = detector.scanValue(e.getKey(), e.getValue(), found);
        }
        return found;
    }
}
