package io.github.humecodes.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's SDK set-up runs as written, and the README shows exactly the code below. */
class ReadmeSetupTest {
    @Test
    void theReadmeSetUpEnrichesSpansAndLogRecordsAndCounts() throws Exception {
        InMemoryMetricReader metrics = InMemoryMetricReader.create();
        SdkMeterProvider meterProvider = SdkMeterProvider.builder().registerMetricReader(metrics).build();
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        InMemoryLogRecordExporter logExporter = InMemoryLogRecordExporter.create();

        // readme:start
        SdkTracerProvider tracing = SdkTracerProvider.builder()
            .addSpanProcessor(HumeSpanProcessor.builder().setMeterProvider(meterProvider).build())
            .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
            .build();
        SdkLoggerProvider logging = SdkLoggerProvider.builder()
            .addLogRecordProcessor(HumeLogRecordProcessor.builder().setMeterProvider(meterProvider).build())
            .addLogRecordProcessor(BatchLogRecordProcessor.builder(logExporter).build())
            .build();
        // readme:end

        tracing.get("voiceagent").spanBuilder("evi.chat").startSpan()
                .setStatus(StatusCode.UNSET).setAttribute("websocket.close.code", 1011L).end();
        logging.get("voiceagent").logRecordBuilder().setBody("hume(E0300): out of credits").emit();
        assertThat(tracing.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        assertThat(logging.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();

        HumeAssertions.assertEnriched(exporter.getFinishedSpanItems().get(0).getAttributes(), "1011");
        assertThat(exporter.getFinishedSpanItems().get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        HumeAssertions.assertEnriched(logExporter.getFinishedLogRecordItems().get(0).getAttributes(), "E0300");
        MetricData counter = metrics.collectAllMetrics().stream()
                .filter(m -> m.getName().equals("hume.codes")).findFirst().orElseThrow();
        assertThat(counter.getLongSumData().getPoints()).extracting(LongPointData::getValue).containsExactlyInAnyOrder(1L, 1L);
        CompletableResultCode.ofAll(java.util.List.of(tracing.shutdown(), logging.shutdown(), meterProvider.shutdown()))
                .join(10, TimeUnit.SECONDS);

        String source = Files.readString(Path.of("src/test/java/io/github/humecodes/otel/ReadmeSetupTest.java"));
        String snippet = source.substring(source.indexOf("// readme:start\n") + 16, source.indexOf("        // readme:end"))
                .lines().map(l -> l.substring(8)).collect(Collectors.joining("\n", "", "\n"));
        assertThat(Files.readString(Path.of("../README.md"))).contains("```java\n" + snippet + "```");
    }
}
