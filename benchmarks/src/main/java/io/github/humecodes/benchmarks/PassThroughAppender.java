package io.github.humecodes.benchmarks;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import java.util.Iterator;

/**
 * The baseline for {@code HumeEnrichingAppender}: a wrapper appender that hands each event to its
 * {@code <appender-ref>} children and does nothing else.
 */
public class PassThroughAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
        implements AppenderAttachable<ILoggingEvent> {
    private final AppenderAttachableImpl<ILoggingEvent> attached = new AppenderAttachableImpl<>();

    @Override
    protected void append(ILoggingEvent event) {
        attached.appendLoopOnAppenders(event);
    }

    @Override
    public void stop() {
        super.stop();
        attached.detachAndStopAllAppenders();
    }

    @Override
    public void addAppender(Appender<ILoggingEvent> appender) {
        attached.addAppender(appender);
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
    }

    @Override
    public boolean detachAppender(Appender<ILoggingEvent> appender) {
        return attached.detachAppender(appender);
    }

    @Override
    public boolean detachAppender(String name) {
        return attached.detachAppender(name);
    }
}
