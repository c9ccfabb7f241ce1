package io.github.humecodes.logback;

import ch.qos.logback.core.Context;
import ch.qos.logback.core.spi.ContextAware;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.LifeCycle;
import ch.qos.logback.core.status.Status;
import io.github.humecodes.internal.Credentials;
import java.lang.reflect.Method;
import java.util.regex.Pattern;
import net.logstash.logback.mask.RegexValueMasker;
import net.logstash.logback.mask.ValueMasker;

/**
 * What the value maskers ({@link HumeValueMasker} for logstash-logback-encoder 9.x, {@link HumeJackson2ValueMasker}
 * for 8.x) share: the masking of one JSON value, and the check, when Logback starts them, that the one configured
 * fits the encoder present.
 *
 * <p>Why the maskers extend {@link RegexValueMasker}: {@code ValueMasker.mask} takes a Jackson 3 context in 9.x and
 * a Jackson 2 one in 8.x, and Logback's configurator reads every public method of a class it configures, so a class
 * declaring both would end the whole configuration wherever one Jackson is missing. Each masker declares only its
 * line's {@code mask}; extending the encoder's own masker, which implements {@code ValueMasker} in either line,
 * lets the one for 8.x be compiled against 9.x, and makes a masker configured on the other line (both Jacksons
 * present) a masker that masks nothing rather than one that fails every log line: its pattern never matches. That
 * mistake is reported when Logback starts it. Not for use as a regex masker.
 */
abstract class CredentialMasker extends RegexValueMasker implements ContextAware, LifeCycle {
    /** Matches nothing: the regex masker's own {@code mask} never changes a value. */
    private static final Pattern NOTHING = Pattern.compile("(?!)");
    /** The context class of the encoder's {@code ValueMasker.mask}, as found here. */
    private static final String LINE_CONTEXT = lineContext();

    private final ContextAwareBase status = new ContextAwareBase(this);
    private final String contextType;
    private final String fitsLine;
    private volatile boolean started;

    /** For a masker whose {@code mask} takes {@code contextType}, which is the encoder line {@code fitsLine}'s. */
    CredentialMasker(String contextType, String fitsLine) {
        super(NOTHING, "");
        this.contextType = contextType;
        this.fitsLine = fitsLine;
    }

    /** The redacted text of {@code value} written under {@code name} (may be null), or null to leave it as it is. */
    static Object mask(String name, Object value) {
        if (!(value instanceof CharSequence)) {
            return null; // numbers, booleans: no credential
        }
        try {
            CharSequence text = (CharSequence) value;
            if (Credentials.flags(text) == 0 && (name == null || !Credentials.isCredentialKey(name, false))) {
                return null;
            }
            // A value knows only itself and its field name: its scope is what its own text names.
            boolean humeScope = Credentials.marksHume(text);
            String s = text.toString();
            String redacted = Credentials.redactValue(name, s, humeScope);
            return redacted == s ? null : redacted;
        } catch (RuntimeException e) {
            return null; // a value that cannot be read is written as the encoder would have written it
        }
    }

    private static String lineContext() {
        try {
            for (Method m : ValueMasker.class.getMethods()) {
                if (m.getName().equals("mask") && m.getParameterCount() == 2) {
                    return m.getParameterTypes()[0].getName();
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // reported by start()
        }
        return null;
    }

    /** Reports a masker configured for the other line of logstash-logback-encoder: it would mask nothing. */
    @Override
    public void start() {
        if (!contextType.equals(LINE_CONTEXT)) {
            addError(getClass().getSimpleName() + " is for logstash-logback-encoder " + fitsLine + "; the encoder"
                    + " here masks through " + LINE_CONTEXT + ": use "
                    + (fitsLine.startsWith("9")
                            ? HumeJackson2ValueMasker.class.getName()
                            : HumeValueMasker.class.getName())
                    + " instead; no credential is masked");
            return;
        }
        started = true;
    }

    @Override
    public void stop() {
        started = false;
    }

    @Override
    public boolean isStarted() {
        return started;
    }

    @Override
    public void setContext(Context context) {
        status.setContext(context);
    }

    @Override
    public Context getContext() {
        return status.getContext();
    }

    @Override
    public void addStatus(Status s) {
        status.addStatus(s);
    }

    @Override
    public void addInfo(String msg) {
        status.addInfo(msg);
    }

    @Override
    public void addInfo(String msg, Throwable ex) {
        status.addInfo(msg, ex);
    }

    @Override
    public void addWarn(String msg) {
        status.addWarn(msg);
    }

    @Override
    public void addWarn(String msg, Throwable ex) {
        status.addWarn(msg, ex);
    }

    @Override
    public void addError(String msg) {
        status.addError(msg);
    }

    @Override
    public void addError(String msg, Throwable ex) {
        status.addError(msg, ex);
    }
}
