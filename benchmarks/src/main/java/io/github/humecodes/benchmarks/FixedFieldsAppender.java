package io.github.humecodes.benchmarks;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.github.humecodes.Detector;
import io.github.humecodes.HumeCode;
import org.slf4j.event.KeyValuePair;

/**
 * A pass-through wrapper that adds to each event whose message holds {@code E0715} the five fields of that code as
 * key-value pairs, found once beforehand: the child then writes the same bytes as behind HumeEnrichingAppender,
 * without any detection, so that what writing the fields costs the encoder shows on its own.
 */
public class FixedFieldsAppender extends PassThroughAppender {
    private static final HumeCode E0715 = Detector.create().scan("E0715").primary();

    @Override
    protected void append(ILoggingEvent event) {
        if (event instanceof LoggingEvent && event.getFormattedMessage().contains("E0715")) {
            LoggingEvent e = (LoggingEvent) event;
            e.addKeyValuePair(new KeyValuePair("hume.code", E0715.code()));
            e.addKeyValuePair(new KeyValuePair("hume.category", E0715.category()));
            e.addKeyValuePair(new KeyValuePair("hume.severity", E0715.severity().id()));
            e.addKeyValuePair(new KeyValuePair("hume.description", E0715.description()));
            e.addKeyValuePair(new KeyValuePair("hume.retryable", E0715.retryable()));
        }
        super.append(event);
    }
}
