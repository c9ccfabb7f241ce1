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
import java.net.URL;
import java.util.List;
import java.util.stream.Collectors;

/** Logback set up as users do: a LoggerContext configured by Joran from an XML resource of this module. */
final class LogbackSetup {
    private LogbackSetup() {
    }

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
}
