package io.github.humecodes.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import io.github.humecodes.Detection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.event.KeyValuePair;

/**
 * Finds the Hume codes of each event once and hands the event to its {@code <appender-ref>} children with the
 * enrichment fields ({@code hume.code}, {@code hume.category}, {@code hume.severity}, {@code hume.description},
 * {@code hume.retryable}, and {@code hume.codes} when there are several) added as key-value pairs, so that
 * LogstashEncoder writes them as top-level fields, {@code %kvp} prints them, and appenders that read
 * key-value pairs capture them.
 *
 * <pre>{@code
 * <appender name="HUME" class="io.github.humecodes.logback.HumeEnrichingAppender">
 *   <appender-ref ref="JSON"/>
 * </appender>
 * }</pre>
 *
 * <p>Like Logback's {@code AsyncAppender}, but synchronous: children run in the caller's thread. The original event is
 * never changed (other appenders share it): children get a decorating event. Fields already on the event (a key-value
 * pair or MDC entry of the same name) are not overwritten. A child that throws does not stop the others; its failures
 * are reported to the status manager: the first three, then at most one a minute with the number left unreported, and
 * what is left when this appender stops. Errors of the JVM itself ({@link VirtualMachineError}) are not caught.
 * Stopping this appender stops its children, as {@code AsyncAppender} does, but keeps them attached: starting it again
 * starts again the children it stopped, so that a stop and start (by code or by JMX) loses only the events logged while
 * it was stopped.
 *
 * <p>Credentials never leave the process: with {@code redactCredentials} (default true), the values of Hume
 * credentials (API keys, tokens, the LLM key of EVI's session settings) in the event's texts are replaced by
 * {@code REDACTED} in what the children get (see {@link #setRedactCredentials}); an event with a credential and
 * no code is decorated too. An event with neither is passed on as it is.
 *
 * <p>Properties: {@code fieldPrefix} (default {@code hume.}), {@code catalog} (override file),
 * {@code maxScanChars} (default 65536), {@code scanMdc} (default false), {@code redactCredentials} (default
 * true). Thread-safe.
 */
public class HumeEnrichingAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
        implements AppenderAttachable<ILoggingEvent> {
    private final CommonProperties settings = new CommonProperties();
    private boolean redactCredentials = true;
    private final AppenderAttachableImpl<ILoggingEvent> attached = new AppenderAttachableImpl<>();
    /** The attached children, copied on change so that appending allocates nothing. */
    @SuppressWarnings("unchecked")
    private volatile Appender<ILoggingEvent>[] children = (Appender<ILoggingEvent>[]) new Appender<?>[0];
    /** Failures of the children, by child. */
    private final FailureThrottle<Appender<ILoggingEvent>> failures;
    /** Children this appender stopped, started again by the next start(). */
    private final Set<Appender<ILoggingEvent>> stoppedHere = ConcurrentHashMap.newKeySet();

    private volatile EventScanner scanner;
    private volatile EventFields fields;
    private volatile boolean redact = true;

    public HumeEnrichingAppender() {
        this(System::nanoTime);
    }

    /** With {@code clock} (nanoseconds) timing the reports of failing children; for tests. */
    HumeEnrichingAppender(LongSupplier clock) {
        this.failures = new FailureThrottle<>(clock);
    }

    public void setFieldPrefix(String fieldPrefix) {
        settings.fieldPrefix(fieldPrefix);
    }

    public String getFieldPrefix() {
        return settings.fieldPrefix();
    }

    /** Path of a catalog override file (the catalog's JSON schema), merged over the built-in catalog. */
    public void setCatalog(String catalog) {
        settings.catalog(catalog);
    }

    public String getCatalog() {
        return settings.catalog();
    }

    public void setMaxScanChars(int maxScanChars) {
        settings.maxScanChars(maxScanChars);
    }

    public int getMaxScanChars() {
        return settings.maxScanChars();
    }

    /** Whether MDC values are scanned for codes too (default false). */
    public void setScanMdc(boolean scanMdc) {
        settings.scanMdc(scanMdc);
    }

    public boolean isScanMdc() {
        return settings.scanMdc();
    }

    /**
     * Whether the decorated event has the values of Hume credentials in its texts replaced by {@code REDACTED}
     * (default true): the formatted message, the raw message and its text arguments, throwable messages through
     * the whole chain, key-value values and MDC values (whatever {@code scanMdc} says).
     */
    public void setRedactCredentials(boolean redactCredentials) {
        this.redactCredentials = redactCredentials;
    }

    public boolean isRedactCredentials() {
        return redactCredentials;
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        String label = label();
        scanner = settings.scanner(this, label);
        fields = settings.fields(this, label);
        redact = redactCredentials;
        if (children.length == 0) {
            addError(label + ": no appender-ref; it needs at least one appender to pass events to");
            return;
        }
        // Only the children stopped by stop(): one that failed to start on its own is not started again here.
        for (Appender<ILoggingEvent> child : children) {
            if (stoppedHere.remove(child) && !child.isStarted()) {
                child.start();
            }
        }
        super.start();
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        for (Map.Entry<Appender<ILoggingEvent>, Long> e :
                failures.takeUnreported().entrySet()) {
            addError(label() + ": appender [" + e.getKey().getName() + "] threw " + e.getValue()
                    + " more time(s) since the last report");
        }
        for (Appender<ILoggingEvent> child : children) {
            if (child.isStarted()) {
                child.stop();
                stoppedHere.add(child);
            }
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        ILoggingEvent out = decorate(event);
        for (Appender<ILoggingEvent> child : children) {
            try {
                child.doAppend(out);
            } catch (RuntimeException | LinkageError e) {
                long unreported = failures.fail(child);
                if (unreported >= 0) {
                    addError(
                            label() + ": appender [" + child.getName() + "] threw; the other appenders still get"
                                    + " the events"
                                    + (unreported == 0
                                            ? ""
                                            : " (" + unreported + " more time(s) since the"
                                                    + " last report; after the first " + FailureThrottle.ALLOWED_REPEATS
                                                    + ", one a minute"
                                                    + " is reported)"),
                            e);
                }
            }
        }
    }

    private String label() {
        return "HumeEnrichingAppender [" + getName() + "]";
    }

    /**
     * The event with the fields added and its credentials redacted, or the event itself when it has neither a code
     * nor a credential. Each step on its own: an event whose getters throw still goes to the children.
     */
    private ILoggingEvent decorate(ILoggingEvent event) {
        Detection found = null;
        List<KeyValuePair> added = List.of();
        try {
            found = scanner.scan(event);
            if (found != null) {
                added = fields.pairs(found, event);
            }
        } catch (RuntimeException | LinkageError e) {
            // no fields from an event that cannot be read
        }
        EventRedaction redacted = null;
        if (redact) {
            try {
                redacted = EventRedaction.of(event);
            } catch (RuntimeException | LinkageError e) {
                // nothing redacted in an event that cannot be read
            }
        }
        if (added.isEmpty() && redacted == null) {
            return event;
        }
        try {
            return new HumeEvent(event, found, added, redacted);
        } catch (RuntimeException | LinkageError e) {
            return event;
        }
    }

    @Override
    public void addAppender(Appender<ILoggingEvent> appender) {
        attached.addAppender(appender);
        refresh();
    }

    @Override
    public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
        return attached.iteratorForAppenders();
    }

    @Override
    public Appender<ILoggingEvent> getAppender(String name) {
        return attached.getAppender(name);
    }

    @Override
    public boolean isAttached(Appender<ILoggingEvent> appender) {
        return attached.isAttached(appender);
    }

    @Override
    public void detachAndStopAllAppenders() {
        attached.detachAndStopAllAppenders();
        refresh();
    }

    @Override
    public boolean detachAppender(Appender<ILoggingEvent> appender) {
        boolean removed = attached.detachAppender(appender);
        refresh();
        return removed;
    }

    @Override
    public boolean detachAppender(String name) {
        boolean removed = attached.detachAppender(name);
        refresh();
        return removed;
    }

    @SuppressWarnings("unchecked")
    private synchronized void refresh() {
        List<Appender<ILoggingEvent>> list = new ArrayList<>();
        attached.iteratorForAppenders().forEachRemaining(list::add);
        children = list.toArray((Appender<ILoggingEvent>[]) new Appender<?>[0]);
        failures.retain(list);
        stoppedHere.retainAll(list);
    }
}
