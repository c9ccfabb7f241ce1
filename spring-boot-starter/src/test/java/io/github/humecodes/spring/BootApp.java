package io.github.humecodes.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Spring Boot application for the tests: this class with auto-configuration and whatever the test classpath
 * holds, started by {@link SpringApplication} as an application would be, with command line arguments.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class BootApp {
    /** The logger the tests log through, as an application's Hume client would. */
    static final org.slf4j.Logger HUME_CLIENT = LoggerFactory.getLogger("com.example.voice.HumeClient");

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private BootApp() {}

    /** Starts the application with {@code args} (e.g. {@code --logging.structured.format.console=logstash}). */
    static ConfigurableApplicationContext run(String... args) {
        return application().run(args);
    }

    /** As {@link #run}, with Spring Boot's {@code defaultProperties} too. */
    static ConfigurableApplicationContext run(Map<String, Object> defaultProperties, String... args) {
        SpringApplication application = application();
        application.setDefaultProperties(defaultProperties);
        return application.run(args);
    }

    /** As {@link #run}, with the beans of {@code configuration} too. */
    static ConfigurableApplicationContext run(Class<?> configuration, String... args) {
        SpringApplication application = application();
        application.addPrimarySources(List.of(configuration));
        return application.run(args);
    }

    private static SpringApplication application() {
        clearLoggingSystemProperties();
        SpringApplication application = new SpringApplication(BootApp.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application;
    }

    /**
     * Spring Boot copies logging properties into system properties and never removes them: an earlier application
     * of the same JVM would leave its format to the next one.
     */
    static void clearLoggingSystemProperties() {
        for (LoggingSystemProperty property : LoggingSystemProperty.values()) {
            System.clearProperty(property.getEnvironmentVariableName());
        }
        System.clearProperty("LOG_FILE");
        System.clearProperty("LOG_PATH");
    }

    static LoggerContext loggerContext() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    static List<Appender<ILoggingEvent>> rootAppenders() {
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        loggerContext()
                .getLogger(Logger.ROOT_LOGGER_NAME)
                .iteratorForAppenders()
                .forEachRemaining(appenders::add);
        return appenders;
    }

    /** Fails when Logback has reported an error since the last reset (a bad pattern word, a bad setting). */
    static void assertNoLogbackErrors() {
        List<String> errors = new ArrayList<>();
        for (Status status : loggerContext().getStatusManager().getCopyOfStatusList()) {
            if (status.getLevel() == Status.ERROR) {
                errors.add(status.toString());
            }
        }
        assertThat(errors).isEmpty();
    }

    /** The JSON objects among {@code output}'s lines whose message contains {@code marker}. */
    static List<JsonNode> jsonLines(String output, String marker) {
        List<JsonNode> found = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (line.startsWith("{") && line.contains(marker)) {
                try {
                    found.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("not one JSON object: " + line, e);
                }
            }
        }
        return found;
    }

    /** The plain lines of {@code output} that contain {@code marker}. */
    static List<String> lines(String output, String marker) {
        List<String> found = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (line.contains(marker)) {
                found.add(line);
            }
        }
        return found;
    }
}
