package io.github.humecodes.spring;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.logging.DeferredLog;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.util.ClassUtils;

/**
 * The Logback side of the starter, which must act around Spring Boot's logging initialisation, before any bean
 * exists (Spring Boot makes one listener per {@code SpringApplication}, from {@code META-INF/spring.factories}):
 * <ol>
 *   <li>when the environment is ready, just before Spring Boot initialises logging: reads the {@code humecodes.*}
 *       settings, makes {@code %hume} known to Logback patterns, and adds defaults below every other property
 *       source: {@code logging.pattern.correlation} (Spring Boot's plain pattern then shows {@code [code category]}
 *       before the logger name) and the {@code otel.hume.*} properties that the {@code humecodes.*} ones imply, for
 *       an OpenTelemetry SDK built by autoconfigure (the OpenTelemetry Spring Boot starter) with
 *       {@code humecodes-otel}'s provider;</li>
 *   <li>when the application context is initialised, logging having been (re)initialised: installs the turbo
 *       filter, the enrichment and the counter into the logger context ({@link LogbackInstaller}).</li>
 * </ol>
 * Spring Boot resets Logback each time it initialises logging (each application run: restarts, devtools, several
 * applications in one JVM), and each time this listener installs again; what is installed already is not added
 * twice. Logback offers no hook that would outlive that reset: Spring Boot first stops the logger context, which
 * drops every context listener, reset-resistant ones included. It never stops an application from starting: a
 * failure is logged as a warning. Not thread-safe: Spring Boot calls it from the thread starting the application.
 */
final class HumeCodesLoggingListener implements GenericApplicationListener {
    static final String PROPERTY_SOURCE = "humecodes";
    private static final String LOGBACK = "ch.qos.logback.classic.LoggerContext";

    private final DeferredLog log = new DeferredLog();
    /** This application's settings, read once its environment is ready; null when Logback is not its logging. */
    private HumeCodesSettings settings;

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER - 1;
    }

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        Class<?> type = eventType.getRawClass();
        return type != null
                && (ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                        || ApplicationContextInitializedEvent.class.isAssignableFrom(type));
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        try {
            if (event instanceof ApplicationEnvironmentPreparedEvent) {
                ApplicationEnvironmentPreparedEvent prepared = (ApplicationEnvironmentPreparedEvent) event;
                environmentPrepared(
                        prepared.getEnvironment(),
                        prepared.getSpringApplication().getClassLoader());
            } else if (settings != null && settings.enabled) {
                LogbackInstaller.install(LoggerFactory.getILoggerFactory(), settings);
            }
        } catch (RuntimeException | LinkageError e) {
            log.warn("humecodes: could not set up Logback; logging goes on without the Hume fields", e);
        }
        if (event instanceof ApplicationContextInitializedEvent) {
            log.replayTo(HumeCodesLoggingListener.class); // logging is ready by now
        }
    }

    private void environmentPrepared(ConfigurableEnvironment environment, ClassLoader classLoader) {
        HumeCodesSettings read = HumeCodesSettings.read(environment);
        boolean logback = ClassUtils.isPresent(LOGBACK, classLoader)
                && LoggingSystem.get(classLoader) instanceof LogbackLoggingSystem;
        settings = logback ? read : null;
        Map<String, Object> defaults = new HashMap<>();
        if (logback && read.enabled) {
            LogbackInstaller.registerPatternWord();
        }
        if (logback && read.enabled && read.enrich) {
            // Spring Boot's own default, which a non-empty value would replace: %correlationId when tracing is there.
            boolean expectCorrelationId =
                    environment.getProperty(LoggingSystem.EXPECT_CORRELATION_ID_PROPERTY, Boolean.class, false);
            defaults.put(
                    "logging.pattern.correlation",
                    (expectCorrelationId ? "%correlationId" : "") + LogbackInstaller.PATTERN);
        }
        otelDefaults(read, defaults);
        environment.getPropertySources().remove(PROPERTY_SOURCE);
        environment.getPropertySources().addLast(new Defaults(environment, defaults));
    }

    /** The {@code otel.hume.*} values the {@code humecodes.*} ones imply; an {@code otel.hume.*} setting wins. */
    private static void otelDefaults(HumeCodesSettings s, Map<String, Object> defaults) {
        if (!s.enabled) {
            defaults.put("otel.hume.enabled", "false");
            return;
        }
        if (s.isSet(HumeCodesSettings.CATALOG) && s.catalogPath != null) {
            defaults.put("otel.hume.catalog", s.catalogPath);
        }
        if (s.isSet(HumeCodesSettings.MAX_SCAN_CHARS)) {
            defaults.put("otel.hume.max-scan-chars", String.valueOf(s.maxScanChars));
        }
        if (s.isSet(HumeCodesSettings.METRICS_ENABLED)) {
            defaults.put("otel.hume.metrics.enabled", String.valueOf(s.metricsEnabled));
        }
        if (s.isSet(HumeCodesSettings.MARK_ERROR_STATUS)) {
            defaults.put("otel.hume.mark-error-status", String.valueOf(s.markErrorStatus));
        }
        if (s.isSet(HumeCodesSettings.REDACT_CREDENTIALS)) {
            defaults.put("otel.hume.redact-credentials", String.valueOf(s.redactCredentials));
        }
    }

    /**
     * Defaults below every other property source. Spring Boot moves its {@code defaultProperties} source to the end
     * after this listener has run, so that one is consulted here first.
     */
    private static final class Defaults extends MapPropertySource {
        private static final String DEFAULT_PROPERTIES = "defaultProperties";
        private final ConfigurableEnvironment environment;

        Defaults(ConfigurableEnvironment environment, Map<String, Object> values) {
            super(PROPERTY_SOURCE, values);
            this.environment = environment;
        }

        @Override
        public Object getProperty(String name) {
            return setByDefaultProperties(name) ? null : super.getProperty(name);
        }

        @Override
        public boolean containsProperty(String name) {
            return !setByDefaultProperties(name) && super.containsProperty(name);
        }

        private boolean setByDefaultProperties(String name) {
            PropertySource<?> defaults = environment.getPropertySources().get(DEFAULT_PROPERTIES);
            return defaults != null && defaults != this && defaults.containsProperty(name);
        }
    }
}
