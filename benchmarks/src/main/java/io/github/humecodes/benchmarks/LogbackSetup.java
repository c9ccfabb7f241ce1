package io.github.humecodes.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import io.github.humecodes.Detection;
import io.github.humecodes.Detector;
import io.github.humecodes.HumeCode;
import java.net.URL;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.event.KeyValuePair;

/** Logback set up as users do: a LoggerContext configured by Joran from an XML resource of this module. */
final class LogbackSetup {
    private LogbackSetup() {}

    /** The context {@code resource} configures; fails when Joran reports a warning or an error. */
    static LoggerContext configure(String resource) {
        LoggerContext context = new LoggerContext();
        context.setName(resource);
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL url = LogbackSetup.class.getResource("/" + resource);
        if (url == null) {
            throw new IllegalStateException("no resource " + resource);
        }
        try {
            configurator.doConfigure(url);
        } catch (JoranException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
        List<String> problems = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() >= Status.WARN)
                .map(Status::getMessage)
                .collect(Collectors.toList());
        if (!problems.isEmpty()) {
            throw new IllegalStateException(resource + ": " + problems);
        }
        return context;
    }

    /** The appender {@code name} attached to the logger of the same name. */
    @SuppressWarnings("unchecked")
    static <A extends Appender<ILoggingEvent>> A appender(LoggerContext context, String name) {
        Appender<ILoggingEvent> a = context.getLogger(name).getAppender(name);
        if (a == null || !a.isStarted()) {
            throw new IllegalStateException("appender " + name + " missing or not started");
        }
        return (A) a;
    }

    /** An INFO event with {@code message}, its formatted message computed once as the first appender would. */
    static ILoggingEvent event(LoggerContext context, String message) {
        Logger logger = context.getLogger("com.example.evi.ChatSession");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, message, null, null);
        event.getFormattedMessage();
        event.getMDCPropertyMap();
        event.getThreadName();
        return event;
    }

    /**
     * The same event, but already carrying the fields the enrichment would add, as key-value pairs of the same
     * names and values: what writing those fields costs an encoder without any detection. Code-free messages
     * get no pairs.
     */
    static ILoggingEvent eventWithFields(LoggerContext context, String message) {
        LoggingEvent event = (LoggingEvent) event(context, message);
        Detection found = Detector.create().scan(message);
        if (found != null) {
            HumeCode p = found.primary();
            event.addKeyValuePair(new KeyValuePair("hume.code", p.code()));
            event.addKeyValuePair(new KeyValuePair("hume.category", p.category()));
            event.addKeyValuePair(new KeyValuePair("hume.severity", p.severity().id()));
            event.addKeyValuePair(new KeyValuePair("hume.description", p.description()));
            event.addKeyValuePair(new KeyValuePair("hume.retryable", p.retryable()));
        }
        return event;
    }
}
