package io.github.humecodes.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's SDK set-up runs as written, and the README shows exactly the method below. */
class ReadmeSetupTest {
    // spotless:off
    // readme:start
    static OpenTelemetrySdk openTelemetry(SpanExporter spanExporter, LogRecordExporter logExporter,
                                          MetricReader metricReader) {
        SdkMeterProvider meterProvider = SdkMeterProvider.builder().registerMetricReader(metricReader).build();
        SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
            .addSpanProcessor(HumeSpanProcessor.builder().setMeterProvider(meterProvider).build())
            .addSpanProcessor(BatchSpanProcessor.builder(spanExporter).build())
            .build();
        SdkLoggerProvider loggerProvider = SdkLoggerProvider.builder()
            .addLogRecordProcessor(HumeLogRecordProcessor.builder().setMeterProvider(meterProvider).build())
            .addLogRecordProcessor(BatchLogRecordProcessor.builder(logExporter).build())
            .build();
        return OpenTelemetrySdk.builder()
            .setTracerProvider(tracerProvider)
            .setLoggerProvider(loggerProvider)
            .setMeterProvider(meterProvider)
            .build();
    }
    // readme:end
    // spotless:on

    @Test
    void theReadmeSetUpEnrichesSpansAndLogRecordsAndCounts() throws Exception {
        InMemoryMetricReader metrics = InMemoryMetricReader.create();
        InMemorySpanExporter spans = InMemorySpanExporter.create();
        InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();
        try (OpenTelemetrySdk sdk = openTelemetry(spans, logs, metrics)) {
            sdk.getTracer("voiceagent")
                    .spanBuilder("evi.chat")
                    .startSpan()
                    .setStatus(StatusCode.UNSET)
                    .setAttribute("websocket.close.code", 1011L)
                    .end();
            sdk.getLogsBridge()
                    .get("voiceagent")
                    .logRecordBuilder()
                    .setBody("hume(E0300): out of credits")
                    .emit();
            assertThat(sdk.getSdkTracerProvider()
                            .forceFlush()
                            .join(10, TimeUnit.SECONDS)
                            .isSuccess())
                    .isTrue();
            assertThat(sdk.getSdkLoggerProvider()
                            .forceFlush()
                            .join(10, TimeUnit.SECONDS)
                            .isSuccess())
                    .isTrue();

            HumeAssertions.assertEnriched(spans.getFinishedSpanItems().get(0).getAttributes(), "1011");
            assertThat(spans.getFinishedSpanItems().get(0).getStatus().getStatusCode())
                    .isEqualTo(StatusCode.ERROR);
            HumeAssertions.assertEnriched(
                    logs.getFinishedLogRecordItems().get(0).getAttributes(), "E0300");
            MetricData counter = metrics.collectAllMetrics().stream()
                    .filter(m -> m.getName().equals("hume.codes"))
                    .findFirst()
                    .orElseThrow();
            assertThat(counter.getLongSumData().getPoints())
                    .extracting(LongPointData::getValue)
                    .containsExactlyInAnyOrder(1L, 1L);
        }
    }

    @Test
    void theReadmeShowsExactlyThatMethod() throws Exception {
        String source = Files.readString(Path.of("src/test/java/io/github/humecodes/otel/ReadmeSetupTest.java"));
        String snippet = source.substring(
                        source.indexOf("    // readme:start\n") + 20, source.indexOf("    // readme:end"))
                .lines()
                .map(l -> l.substring(4))
                .collect(Collectors.joining("\n", "", "\n"));
        assertThat(Files.readString(Path.of("../README.md"))).contains("```java\n" + snippet + "```");
    }
}
