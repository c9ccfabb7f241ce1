package io.github.humecodes.logback;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import io.github.humecodes.Detector;
import io.github.humecodes.internal.Credentials;
import java.util.function.Predicate;

/**
 * A throwable proxy whose messages, through the whole chain of causes and suppressed exceptions, have their
 * credentials redacted; class names, frames, common frames and cycles are the original's. Encoders print stack
 * traces through {@link IThrowableProxy}, so the decorated event hands them this. Causes and suppressed proxies
 * are wrapped when first asked for, so the chain is followed as far as the encoder follows it. Thread-safe (two
 * threads asking at once may each make a wrapper of a child; they are alike).
 */
final class RedactedThrowableProxy implements IThrowableProxy {
    /** {@code getOverridingMessage()} (what a throwable's own {@code toString()} says) exists from Logback 1.5.22. */
    private static final boolean OVERRIDING_MESSAGE = hasOverridingMessage();

    private final IThrowableProxy proxy;
    private final boolean humeScope;
    private final String message;
    private final String overridingMessage;
    /** The wrappers of the cause and the suppressed proxies, made when first asked for. */
    private volatile IThrowableProxy cause;

    private volatile IThrowableProxy[] suppressed;

    private RedactedThrowableProxy(IThrowableProxy proxy, boolean humeScope) {
        this.proxy = proxy;
        this.humeScope = humeScope;
        this.message = redact(proxy.getMessage(), humeScope);
        this.overridingMessage = redact(overridingMessage(proxy), humeScope);
    }

    /**
     * {@code proxy} with its credentials redacted: {@code proxy} itself when none of its messages changes, as far
     * as {@link Detector#MAX_THROWABLES} proxies show (beyond them, a wrapper, to be safe).
     */
    static IThrowableProxy of(IThrowableProxy proxy, boolean humeScope) {
        if (proxy == null) {
            return null;
        }
        int[] budget = {Detector.MAX_THROWABLES};
        return anyMessage(proxy, m -> redact(m, humeScope) != m, budget) || budget[0] < 0
                ? new RedactedThrowableProxy(proxy, humeScope)
                : proxy;
    }

    /** True when a message in {@code proxy}'s chain may hold a credential ({@link Credentials#flags}); no allocation. */
    static boolean mayHoldCredentials(IThrowableProxy proxy) {
        return anyMessage(proxy, m -> Credentials.flags(m) != 0, new int[] {Detector.MAX_THROWABLES});
    }

    /** True when a message in {@code proxy}'s chain names Hume ({@link Credentials#marksHume}). */
    static boolean namesHume(IThrowableProxy proxy) {
        try {
            return anyMessage(proxy, Credentials::marksHume, new int[] {Detector.MAX_THROWABLES});
        } catch (RuntimeException e) {
            return false; // a proxy that cannot be read names nothing
        }
    }

    /**
     * The one walk of a proxy chain: true when {@code test} holds for a message or overriding message of
     * {@code proxy}, its causes or its suppressed proxies, at most {@code budget[0]} proxies read (the budget goes
     * below zero when there were more).
     */
    private static boolean anyMessage(IThrowableProxy proxy, Predicate<String> test, int[] budget) {
        if (proxy == null || --budget[0] < 0) {
            return false;
        }
        if (test.test(proxy.getMessage()) || test.test(overridingMessage(proxy))) {
            return true;
        }
        if (proxy.isCyclic()) {
            return false;
        }
        if (anyMessage(proxy.getCause(), test, budget)) {
            return true;
        }
        IThrowableProxy[] suppressed = proxy.getSuppressed();
        if (suppressed != null) {
            for (IThrowableProxy s : suppressed) {
                if (anyMessage(s, test, budget)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String redact(String text, boolean humeScope) {
        return EventRedaction.text(text, humeScope);
    }

    private static String overridingMessage(IThrowableProxy proxy) {
        return OVERRIDING_MESSAGE ? proxy.getOverridingMessage() : null;
    }

    private static boolean hasOverridingMessage() {
        try {
            IThrowableProxy.class.getMethod("getOverridingMessage");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static IThrowableProxy wrap(IThrowableProxy proxy, boolean humeScope) {
        return proxy == null || proxy instanceof RedactedThrowableProxy
                ? proxy
                : new RedactedThrowableProxy(proxy, humeScope);
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public String getOverridingMessage() {
        return overridingMessage;
    }

    @Override
    public String getClassName() {
        return proxy.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
        return proxy.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
        return proxy.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
        IThrowableProxy c = cause;
        if (c == null) {
            c = wrap(proxy.getCause(), humeScope);
            cause = c;
        }
        return c;
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
        IThrowableProxy[] s = suppressed;
        if (s == null) {
            IThrowableProxy[] original = proxy.getSuppressed();
            if (original == null) {
                return null;
            }
            s = new IThrowableProxy[original.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = wrap(original[i], humeScope);
            }
            suppressed = s;
        }
        return s;
    }

    @Override
    public boolean isCyclic() {
        return proxy.isCyclic();
    }
}
