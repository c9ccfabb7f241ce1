package io.github.humecodes.benchmarks;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.AppenderAttachable;
import java.util.List;
import org.slf4j.event.KeyValuePair;

/** Checks, before measuring, that the enriching appender really adds the fields to what its child receives. */
final class AppenderChecks {
    private AppenderChecks() {}

    @SuppressWarnings("unchecked") // the enriching appender attaches appenders of ILoggingEvent
    static void check(LoggerContext context, Appender<ILoggingEvent> hume, ILoggingEvent event, boolean hasCode) {
        Appender<ILoggingEvent> child = ((AppenderAttachable<ILoggingEvent>) hume)
                .iteratorForAppenders()
                .next();
        ILoggingEvent[] seen = new ILoggingEvent[1];
        ch.qos.logback.core.AppenderBase<ILoggingEvent> probe = new ch.qos.logback.core.AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                seen[0] = e;
            }
        };
        probe.setContext(context);
        probe.setName("probe");
        probe.start();
        AppenderAttachable<ILoggingEvent> parent = (AppenderAttachable<ILoggingEvent>) hume;
        parent.addAppender(probe);
        try {
            hume.doAppend(event);
        } finally {
            parent.detachAppender(probe);
        }
        if (!parent.isAttached(child)) {
            throw new IllegalStateException("the child appender went missing");
        }
        List<KeyValuePair> pairs = seen[0] == null ? null : seen[0].getKeyValuePairs();
        boolean hasField = pairs != null
                && pairs.stream().anyMatch(p -> p.key.equals("hume.code") && Texts.CODED_MESSAGE_CODE.equals(p.value));
        if (seen[0] == null || hasField != hasCode) {
            throw new IllegalStateException("the enriching appender did not behave: " + pairs);
        }
    }
}
