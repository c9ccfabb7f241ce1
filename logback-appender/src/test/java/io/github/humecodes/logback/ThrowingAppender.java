package io.github.humecodes.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test appender that throws from doAppend itself, as a broken third-party appender may: an
 * IllegalStateException, or the error set in {@link #error}.
 */
public class ThrowingAppender extends ContextAwareBase implements Appender<ILoggingEvent> {
    private String name;
    private boolean started;
    /** Atomic: the load test calls it from many threads. */
    final AtomicInteger calls = new AtomicInteger();

    volatile Error error;

    @Override
    public void doAppend(ILoggingEvent event) {
        calls.incrementAndGet();
        if (error != null) {
            throw error;
        }
        throw new IllegalStateException("broken appender");
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void setName(String name) {
        this.name = name;
    }

    @Override
    public void start() {
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
    public void addFilter(Filter<ILoggingEvent> newFilter) {}

    @Override
    public void clearAllFilters() {}

    @Override
    public List<Filter<ILoggingEvent>> getCopyOfAttachedFiltersList() {
        return List.of();
    }

    @Override
    public FilterReply getFilterChainDecision(ILoggingEvent event) {
        return FilterReply.NEUTRAL;
    }
}
