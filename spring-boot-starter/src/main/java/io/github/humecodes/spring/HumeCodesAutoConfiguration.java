package io.github.humecodes.spring;

import io.github.humecodes.otel.HumeLogRecordProcessor;
import io.github.humecodes.otel.HumeSpanProcessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * humecodes for Spring Boot 3.5 and 4.x, unless {@code humecodes.enabled=false}: the {@code hume.codes} Micrometer
 * counter of coded log events when Micrometer and Logback are there, and {@link HumeSpanProcessor} and
 * {@link HumeLogRecordProcessor} beans when the OpenTelemetry SDK and {@code humecodes-otel} are, which Spring
 * Boot's OpenTelemetry support adds to the tracer and logger providers it builds. The Logback side (the fields in
 * Spring Boot's output, the turbo filter) is installed while logging starts, before any bean exists:
 * {@link HumeCodesLoggingListener}. A bad {@code humecodes.*} value is logged as a warning naming the property and
 * where it was set, and its default is used.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@Conditional(HumeCodesAutoConfiguration.OnEnabled.class)
public final class HumeCodesAutoConfiguration {
    private static final Log LOG = LogFactory.getLog(HumeCodesAutoConfiguration.class);

    @Bean
    HumeCodesSettings humeCodesSettings(Environment environment) {
        HumeCodesSettings settings = HumeCodesSettings.read(environment);
        settings.problems.forEach(LOG::warn);
        return settings;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {"io.micrometer.core.instrument.binder.MeterBinder", "ch.qos.logback.classic.LoggerContext"})
    @Conditional(OnMetricsEnabled.class)
    static class MetricsConfiguration {
        /** Spring Boot binds it to its meter registry, when there is one. */
        @Bean
        HumeCodesMetrics humeCodesMetrics() {
            return new HumeCodesMetrics();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {"io.opentelemetry.sdk.trace.SpanProcessor", "io.github.humecodes.otel.HumeSpanProcessor"})
    static class TracingConfiguration {
        /**
         * Adds the attributes in {@code onEnding}, before any processor's {@code onEnd}: its place among the span
         * processors does not matter.
         */
        @Bean
        @ConditionalOnMissingBean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        HumeSpanProcessor humeSpanProcessor(HumeCodesSettings settings) {
            return HumeSpanProcessor.builder()
                    .setCatalog(settings.catalog)
                    .setMaxScanChars(settings.maxScanChars)
                    .setMarkErrorStatus(settings.markErrorStatus)
                    .setRedactCredentials(settings.redactCredentials)
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {"io.opentelemetry.sdk.logs.LogRecordProcessor", "io.github.humecodes.otel.HumeLogRecordProcessor"})
    static class LogsConfiguration {
        /**
         * First among the log record processors: an exporting processor copies the record when it sees it. Records
         * no metric: the Micrometer counter counts log events already.
         */
        @Bean
        @ConditionalOnMissingBean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        HumeLogRecordProcessor humeLogRecordProcessor(HumeCodesSettings settings) {
            return HumeLogRecordProcessor.builder()
                    .setCatalog(settings.catalog)
                    .setMaxScanChars(settings.maxScanChars)
                    .setRedactCredentials(settings.redactCredentials)
                    .build();
        }
    }

    /** {@code humecodes.enabled}, read as the settings read it: a value that is not a boolean leaves it on. */
    static final class OnEnabled extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return HumeCodesSettings.flag(context.getEnvironment(), HumeCodesSettings.ENABLED)
                    ? ConditionOutcome.match(HumeCodesSettings.ENABLED + " is not false")
                    : ConditionOutcome.noMatch(HumeCodesSettings.ENABLED + " is false");
        }
    }

    /** {@code humecodes.metrics.enabled}, read as the settings read it. */
    static final class OnMetricsEnabled extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return HumeCodesSettings.flag(context.getEnvironment(), HumeCodesSettings.METRICS_ENABLED)
                    ? ConditionOutcome.match(HumeCodesSettings.METRICS_ENABLED + " is not false")
                    : ConditionOutcome.noMatch(HumeCodesSettings.METRICS_ENABLED + " is false");
        }
    }
}
