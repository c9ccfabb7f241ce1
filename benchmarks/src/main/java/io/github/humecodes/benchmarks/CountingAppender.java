package io.github.humecodes.benchmarks;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/** A child appender that does almost nothing: it counts events and the key-value pairs they carry. */
public class CountingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    /** Racy under several threads; only there so that the appending is not optimized away. */
    long seen;

    @Override
    protected void append(ILoggingEvent event) {
        var pairs = event.getKeyValuePairs();
        seen += pairs == null ? 1 : 1 + pairs.size();
    }
}
