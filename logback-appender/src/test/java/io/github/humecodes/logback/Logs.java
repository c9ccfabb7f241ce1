package io.github.humecodes.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test helpers: a LoggerContext configured from an XML resource, its status messages, JSON lines. */
final class Logs {
    /** Fails on a duplicate field name, so that a field written twice is caught. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Logs() {}

    static LoggerContext configure(String resource) {
        return configure(resource, Map.of());
    }

    static LoggerContext configure(String resource, Map<String, String> properties) {
        LoggerContext context = new LoggerContext();
        context.setName(resource);
        context.setMDCAdapter(new LogbackMDCAdapter());
        properties.forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL url = Logs.class.getResource("/" + resource);
        assertThat(url).as(resource).isNotNull();
        try {
            configurator.doConfigure(url);
        } catch (JoranException e) {
            throw new AssertionError(e);
        }
        return context;
    }

    /** The status messages at WARN or ERROR level. */
    static List<String> problems(LoggerContext context) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() >= Status.WARN)
                .map(Status::getMessage)
                .collect(Collectors.toList());
    }

    static List<String> errors(LoggerContext context) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == Status.ERROR)
                .map(Status::getMessage)
                .collect(Collectors.toList());
    }

    /** The appender named {@code name}: on the root logger, or a child (at any depth) of an appender there. */
    @SuppressWarnings("unchecked")
    static <A extends Appender<?>> A appender(LoggerContext context, String name) {
        Appender<?> found = find(context.getLogger(Logger.ROOT_LOGGER_NAME), name);
        assertThat(found).as("appender " + name).isNotNull();
        return (A) found;
    }

    private static Appender<?> find(AppenderAttachable<?> parent, String name) {
        for (var it = parent.iteratorForAppenders(); it.hasNext(); ) {
            Appender<?> a = it.next();
            if (name.equals(a.getName())) {
                return a;
            }
            if (a instanceof AppenderAttachable) {
                Appender<?> child = find((AppenderAttachable<?>) a, name);
                if (child != null) {
                    return child;
                }
            }
        }
        return null;
    }

    /** What {@code action} prints on standard error, which is captured meanwhile (not shown). */
    static String standardError(Runnable action) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    static JsonNode json(String line) {
        return JSON.readTree(line);
    }
}
