package compat.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.humecodes.otel.HumeLogRecordProcessor;
import io.github.humecodes.otel.HumeSpanProcessor;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SDK built in code, with the processors added by hand before the exporting ones. */
class ManualSdkTest {
    private static final LogCapture LOG = new LogCapture();
    private static List<SpanData> spans;
    private static List<LogRecordData> records;
    private static List<String> counts;

    @BeforeAll
    static void runTheApplication() {
        InMemorySpanExporter spanExporter = InMemorySpanExporter.create();
        InMemoryLogRecordExporter logExporter = InMemoryLogRecordExporter.create();
        InMemoryMetricReader metrics = InMemoryMetricReader.create();
        SdkMeterProvider meterProvider = SdkMeterProvider.builder().registerMetricReader(metrics).build();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setMeterProvider(meterProvider)
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(HumeSpanProcessor.builder().setMeterProvider(meterProvider).build())
                        .addSpanProcessor(SimpleSpanProcessor.create(spanExporter))
                        .build())
                .setLoggerProvider(SdkLoggerProvider.builder()
                        .addLogRecordProcessor(HumeLogRecordProcessor.builder().setMeterProvider(meterProvider).build())
                        .addLogRecordProcessor(SimpleLogRecordProcessor.create(logExporter))
                        .build())
                .build();
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
    void spansWithAttributesOfEveryTypeGetTheFields() {
        Expected.spans(spans);
    }

    @Test
    void logRecordsGetTheFieldsFrom146AndPassUnchangedBefore() {
        Expected.logRecords(records, Sdk.logRecordProcessorWorks());
        if (!Sdk.logRecordProcessorWorks()) {
            // As the processor's javadoc says: the failure is reported, the record goes on.
            assertTrue(LOG.contains("getBodyValue"), LOG::toString);
        }
    }

    @Test
    void theCounterCountsEachCodedSpanAndRecord() {
        assertEquals(Expected.expectedCounts(Sdk.logRecordProcessorWorks()), counts);
    }
}
