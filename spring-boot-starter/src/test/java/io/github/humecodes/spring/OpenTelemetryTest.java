package io.github.humecodes.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.humecodes.otel.HumeLogRecordProcessor;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot's own OpenTelemetry support builds the tracer and logger providers from the beans: the processors
 * are in them once (the autoconfigure SPI of humecodes-otel is on the classpath too, and Spring Boot does not use
 * it), and what the exporters receive carries the attributes.
 */
class OpenTelemetryTest {
    private static final AttributeKey<String> CODE = AttributeKey.stringKey("hume.code");
    private static final AttributeKey<String> CATEGORY = AttributeKey.stringKey("hume.category");

    @Test
    void spansAndLogRecordsCarryTheAttributesOnce() {
        try (ConfigurableApplicationContext app =
                BootApp.run(Exporters.class, "--management.tracing.sampling.probability=1.0")) {
            OpenTelemetry openTelemetry = app.getBean(OpenTelemetry.class);
            Span span = openTelemetry.getTracer("test").spanBuilder("evi chat").startSpan();
            span.recordException(new IllegalStateException("Error (E0705): Custom language model disconnected."));
            span.end();
            openTelemetry
                    .getLogsBridge()
                    .get("test")
                    .logRecordBuilder()
                    .setBody("HumeError: CODE W0103: no faces detected")
                    .emit();

            SdkTracerProvider tracing = app.getBean(SdkTracerProvider.class);
            SdkLoggerProvider logging = app.getBean(SdkLoggerProvider.class);
            assertThat(tracing.forceFlush().join(10, TimeUnit.SECONDS).isSuccess())
                    .isTrue();
            assertThat(logging.forceFlush().join(10, TimeUnit.SECONDS).isSuccess())
                    .isTrue();

            List<SpanData> spans = app.getBean(InMemorySpanExporter.class).getFinishedSpanItems();
            assertThat(spans).singleElement().satisfies(s -> {
                assertThat(s.getAttributes().get(CODE)).isEqualTo("E0705");
                assertThat(s.getAttributes().get(CATEGORY)).isEqualTo("custom_llm");
                assertThat(s.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            });
            // The log record exporter copies the record when it sees it: the attributes are there only if the
            // processor came first.
            List<LogRecordData> records =
                    app.getBean(InMemoryLogRecordExporter.class).getFinishedLogRecordItems();
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.getAttributes().get(CODE)).isEqualTo("W0103");
                assertThat(r.getAttributes().get(CATEGORY)).isEqualTo("no_result");
            });

            assertThat(processors(tracing.toString(), "HumeSpanProcessor{")).isEqualTo(1);
            // The logger provider does not list its processors; Spring Boot adds each processor bean once.
            assertThat(app.getBeansOfType(LogRecordProcessor.class).values())
                    .filteredOn(HumeLogRecordProcessor.class::isInstance)
                    .hasSize(1);
        }
    }

    @Test
    void enabledFalseLeavesThePipelinesAlone() {
        try (ConfigurableApplicationContext app = BootApp.run(Exporters.class, "--humecodes.enabled=false")) {
            assertThat(app.getBean(SdkTracerProvider.class).toString()).doesNotContain("HumeSpanProcessor");
            assertThat(app.getBeansOfType(LogRecordProcessor.class).values())
                    .noneMatch(HumeLogRecordProcessor.class::isInstance);
        }
    }

    /**
     * How many times {@code part} stands in a provider's description ({@code toString}); a span provider with several
     * processors lists them by phase, then all of them once ({@code spanProcessorsAll}).
     */
    static int processors(String provider, String part) {
        int all = provider.indexOf("spanProcessorsAll=");
        return occurrences(all < 0 ? provider : provider.substring(all), part);
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Configuration(proxyBeanMethods = false)
    static class Exporters {
        @Bean
        InMemorySpanExporter spanExporter() {
            return InMemorySpanExporter.create();
        }

        @Bean
        InMemoryLogRecordExporter logRecordExporter() {
            return InMemoryLogRecordExporter.create();
        }
    }
}
