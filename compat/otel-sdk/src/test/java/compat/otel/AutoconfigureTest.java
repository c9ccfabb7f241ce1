package compat.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SDK built by autoconfigure, which finds humecodes through its service file: nothing written for it. */
class AutoconfigureTest {
    private static final LogCapture LOG = new LogCapture();
    private static List<SpanData> spans;
    private static List<LogRecordData> records;
    private static List<String> counts;

    @BeforeAll
    static void runTheApplication() {
        InMemorySpanExporter spanExporter = InMemorySpanExporter.create();
        InMemoryLogRecordExporter logExporter = InMemoryLogRecordExporter.create();
        InMemoryMetricReader metrics = InMemoryMetricReader.create();
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> Map.of(
                        "otel.service.name", "compat-otel",
                        "otel.traces.exporter", "none",
                        "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none"))
                .addTracerProviderCustomizer((b, c) -> b.addSpanProcessor(SimpleSpanProcessor.create(spanExporter)))
                .addLoggerProviderCustomizer((b, c) -> b.addLogRecordProcessor(SimpleLogRecordProcessor.create(logExporter)))
                .addMeterProviderCustomizer((b, c) -> b.registerMetricReader(metrics))
                .build()
                .getOpenTelemetrySdk();
        App.run(sdk);
        spans = spanExporter.getFinishedSpanItems();
        records = logExporter.getFinishedLogRecordItems();
        counts = Expected.counts(metrics.collectAllMetrics());
        sdk.close();
    }

    @Test
    void theSdkIsTheOneTheBuildNames() {
        Sdk.assertIsTheOneNamed();
    }

    @Test
    void humecodesSaysWhatItAdded() {
        if (Sdk.autoconfigureAddsLogRecordProcessor()) {
            assertTrue(LOG.contains("humecodes is active through autoconfigure: span processor and log record"
                    + " processor, catalog built-in ("), LOG::toString);
        } else {
            assertTrue(LOG.contains("humecodes is active through autoconfigure: span processor, catalog built-in ("),
                    LOG::toString);
            assertTrue(LOG.contains("WARNING humecodes: log records are not enriched"), LOG::toString);
        }
    }

    @Test
    void spansWithAttributesOfEveryTypeGetTheFields() {
        Expected.spans(spans);
    }

    @Test
    void logRecordsGetTheFieldsFrom150AndPassUnchangedBefore() {
        Expected.logRecords(records, Sdk.autoconfigureAddsLogRecordProcessor());
    }

    @Test
    void theCounterCountsEachCodedSpanAndRecord() {
        assertEquals(Expected.expectedCounts(Sdk.autoconfigureAddsLogRecordProcessor()), counts);
    }
}
