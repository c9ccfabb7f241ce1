package io.github.humecodes.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.humecodes.Catalog;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK built by autoconfigure, as an application or the Java agent builds it, with the provider found by SPI. */
class HumeAutoConfigurationProviderTest {
    private static final int BUILT_IN_CODES = Catalog.builtIn().codes().size();

    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final List<LogRecord> reported = new ArrayList<>();
    private OpenTelemetrySdk sdk;

    @TempDir
    Path dir;

    @AfterEach
    void shutDown() {
        if (sdk != null) {
            sdk.shutdown().join(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private void start(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(Map.of(
                "otel.traces.exporter", "memory",
                "otel.logs.exporter", "memory",
                "otel.metrics.exporter", "none",
                "otel.service.name", "humecodes-test"));
        all.putAll(properties);
        try (LogCapture log = LogCapture.of(HumeAutoConfigurationProvider.class)) {
            sdk = AutoConfiguredOpenTelemetrySdk.builder()
                    .addPropertiesSupplier(() -> all)
                    .addMeterProviderCustomizer((meters, config) -> meters.registerMetricReader(metrics))
                    .disableShutdownHook()
                    .build()
                    .getOpenTelemetrySdk();
            reported.addAll(log.records);
        }
    }

    private List<String> messages(Level level) {
        List<String> out = new ArrayList<>();
        for (LogRecord r : reported) {
            if (r.getLevel().equals(level)) {
                out.add(r.getMessage());
            }
        }
        return out;
    }

    private static final String KEY = CredentialRedactionTest.KEY;
    private static final String URL = "wss://api.hume.ai/v0/tts/stream/input?api_key=" + KEY;

    /**
     * Ends a span whose status description holds E0300 and emits a log record with E0300 in its body, both with a
     * {@code url.full} holding an API key.
     */
    private void sendE0300() {
        Span span = sdk.getTracer("test").spanBuilder("tts.synthesize").startSpan();
        span.setAttribute("tts.voice", "ito");
        span.setAttribute("url.full", URL);
        span.recordException(new IllegalStateException("hume(E0300): out of credits"));
        span.end();
        sdk.getLogsBridge()
                .get("test")
                .logRecordBuilder()
                .setBody("HumeError: E0300 out of credits")
                .setAttribute(AttributeKey.stringKey("url.full"), URL)
                .emit();
        sdk.getSdkTracerProvider().forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
        sdk.getSdkLoggerProvider().forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    private SpanData exportedSpan() {
        List<SpanData> spans = MemoryExporters.spans.getFinishedSpanItems();
        assertThat(spans).hasSize(1);
        return spans.get(0);
    }

    private LogRecordData exportedLog() {
        List<LogRecordData> logs = MemoryExporters.logs.getFinishedLogRecordItems();
        assertThat(logs).hasSize(1);
        return logs.get(0);
    }

    @Test
    void byDefaultTheBatchExportersSeeTheAttributesAndTheCounterCounts() {
        start(Map.of());
        sendE0300();
        SpanData span = exportedSpan();
        assertThat(span.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0300");
        assertThat(span.getAttributes().get(HumeAttributes.CATEGORY)).isEqualTo("billing");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getStatus().getDescription()).isEqualTo("E0300");
        LogRecordData log = exportedLog();
        assertThat(log.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0300");
        assertThat(log.getAttributes().get(HumeAttributes.SEVERITY)).isEqualTo("critical");
        assertThat(HumeSpanProcessorTest.counts(metrics.collectAllMetrics()))
                .containsExactlyInAnyOrder("E0300 billing critical span = 1", "E0300 billing critical log = 1");
        // Credentials are redacted by default.
        String redacted = "wss://api.hume.ai/v0/tts/stream/input?api_key=REDACTED";
        assertThat(span.getAttributes().get(AttributeKey.stringKey("url.full"))).isEqualTo(redacted);
        assertThat(log.getAttributes().get(AttributeKey.stringKey("url.full"))).isEqualTo(redacted);
    }

    @Test
    void redactionTurnedOffExportsCredentialsAsTheyWere() {
        start(Map.of("otel.hume.redact-credentials", "false"));
        sendE0300();
        assertThat(exportedSpan().getAttributes().get(AttributeKey.stringKey("url.full")))
                .isEqualTo(URL);
        assertThat(exportedLog().getAttributes().get(AttributeKey.stringKey("url.full")))
                .isEqualTo(URL);
        assertThat(exportedSpan().getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0300");
    }

    @Test
    void disabledAddsNothing() {
        start(Map.of("otel.hume.enabled", "false"));
        sendE0300();
        assertThat(exportedSpan().getAttributes().get(HumeAttributes.CODE)).isNull();
        assertThat(exportedSpan().getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(exportedLog().getAttributes().get(HumeAttributes.CODE)).isNull();
        assertThat(HumeSpanProcessorTest.counts(metrics.collectAllMetrics())).isEmpty();
    }

    @Test
    void environmentStyleNamesTurnOffStatusMarkingAndTheMetric() {
        // Keys are normalised as the SDK normalises OTEL_HUME_* environment variables.
        start(Map.of("OTEL_HUME_MARK_ERROR_STATUS", "false", "OTEL_HUME_METRICS_ENABLED", "FALSE"));
        sendE0300();
        assertThat(exportedSpan().getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0300");
        assertThat(exportedSpan().getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(exportedLog().getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0300");
        assertThat(HumeSpanProcessorTest.counts(metrics.collectAllMetrics())).isEmpty();
    }

    @Test
    void aCatalogFileAndAScanBoundApply() throws IOException {
        Path catalog = dir.resolve("our-codes.json");
        Files.writeString(
                catalog, "{\"codes\":[{\"code\":\"E0300\",\"severity\":\"warning\"}]}", StandardCharsets.UTF_8);
        start(Map.of("otel.hume.catalog", catalog.toString(), "otel.hume.max-scan-chars", "12"));
        sendE0300();
        assertThat(exportedSpan().getAttributes().get(HumeAttributes.SEVERITY)).isEqualTo("warning");
        assertThat(exportedSpan().getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        // "HumeError: E0300 ..." has its code past the first 12 characters.
        assertThat(exportedLog().getAttributes().get(HumeAttributes.CODE)).isNull();
    }

    @Test
    void aBadCatalogIsReportedAndTheBuiltInCatalogServes() throws IOException {
        Path catalog = dir.resolve("broken.json");
        Files.writeString(catalog, "{\"codes\":[{\"code\":\"E0300\",\"severity\":\"dire\"}]}", StandardCharsets.UTF_8);
        start(Map.of("otel.hume.catalog", catalog.toString()));
        assertThat(messages(Level.WARNING)).singleElement().satisfies(m -> assertThat(m)
                .contains("otel.hume.catalog")
                .contains("broken.json")
                .contains("E0300"));
        assertThat(messages(Level.INFO)).singleElement().satisfies(m -> assertThat(m)
                .contains("catalog built-in (" + BUILT_IN_CODES + " codes)"));
        sendE0300();
        assertThat(exportedSpan().getAttributes().get(HumeAttributes.SEVERITY)).isEqualTo("critical");
    }

    @Test
    void aMissingCatalogFileIsReported() {
        start(Map.of("otel.hume.catalog", dir.resolve("nowhere.json").toString()));
        assertThat(messages(Level.WARNING))
                .singleElement()
                .satisfies(m -> assertThat(m).contains("otel.hume.catalog").contains("nowhere.json"));
        sendE0300();
        assertThat(exportedSpan().getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0300");
    }

    @Test
    void badValuesAreReportedByNameAndTheDefaultsServe() {
        start(Map.of(
                "otel.hume.mark-error-status",
                "yes",
                "otel.hume.metrics.enabled",
                "0",
                "otel.hume.max-scan-chars",
                "lots",
                "otel.hume.enabled",
                "on"));
        assertThat(messages(Level.WARNING))
                .hasSize(4)
                .anySatisfy(m ->
                        assertThat(m).contains("otel.hume.mark-error-status").contains("'yes'"))
                .anySatisfy(
                        m -> assertThat(m).contains("otel.hume.max-scan-chars").contains("'lots'"))
                .anySatisfy(m -> assertThat(m).contains("otel.hume.metrics.enabled"))
                .anySatisfy(m -> assertThat(m).contains("otel.hume.enabled"));
        sendE0300();
        assertThat(exportedSpan().getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(HumeSpanProcessorTest.counts(metrics.collectAllMetrics()))
                .containsExactlyInAnyOrder("E0300 billing critical span = 1", "E0300 billing critical log = 1");
    }

    @Test
    void oneStartUpLineSaysWhatWasAddedAndWhichCatalogServes() throws IOException {
        start(Map.of());
        assertThat(messages(Level.INFO))
                .containsExactly("humecodes is active through autoconfigure: span processor"
                        + " and log record processor, catalog built-in (" + BUILT_IN_CODES
                        + " codes), counter hume.codes,"
                        + " credentials redacted");
        Path catalog = dir.resolve("our-codes.json");
        Files.writeString(
                catalog,
                "{\"codes\":[{\"code\":\"E0999\",\"category\":\"billing\","
                        + "\"severity\":\"error\",\"description\":\"Our own billing code.\"}]}",
                StandardCharsets.UTF_8);
        sdk.shutdown().join(10, java.util.concurrent.TimeUnit.SECONDS);
        reported.clear();
        // Each SDK built says it once.
        start(Map.of(
                "otel.hume.catalog",
                catalog.toString(),
                "otel.hume.metrics.enabled",
                "false",
                "otel.hume.redact-credentials",
                "false"));
        assertThat(messages(Level.WARNING)).isEmpty();
        assertThat(messages(Level.INFO))
                .containsExactly(
                        "humecodes is active through autoconfigure: span processor"
                                + " and log record processor, catalog " + catalog + " (" + (BUILT_IN_CODES + 1)
                                + " codes),"
                                + " no counter (metrics disabled), credentials not redacted (otel.hume.redact-credentials=false)");
    }

    @Test
    void whenDisabledTheStartUpLineSaysSo() {
        start(Map.of("otel.hume.enabled", "false"));
        assertThat(reported)
                .extracting(LogRecord::getMessage)
                .containsExactly("humecodes is disabled by otel.hume.enabled=false");
    }
}
