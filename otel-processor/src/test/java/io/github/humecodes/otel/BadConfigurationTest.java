package io.github.humecodes.otel;

import static io.github.humecodes.otel.HumeAssertions.assertEnriched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.humecodes.Catalog;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongCounterBuilder;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad {@code otel.hume.*} setting and catalog file, through autoconfigure as the SDK and the Java
 * agent run it, and bad arguments to the builders: each is reported once, naming the setting (and the file and
 * entry), nothing is thrown, and the processors keep working with the built-in catalog and the defaults.
 */
class BadConfigurationTest {
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private OpenTelemetrySdk sdk;

    @TempDir
    Path dir;

    @AfterEach
    void shutDown() {
        if (sdk != null) {
            sdk.shutdown().join(10, TimeUnit.SECONDS);
        }
    }

    /** Builds the SDK with {@code properties}, and returns the warnings humecodes reported meanwhile. */
    private List<LogRecord> start(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(Map.of(
                "otel.traces.exporter", "memory",
                "otel.logs.exporter", "memory",
                "otel.metrics.exporter", "none",
                "otel.service.name", "humecodes-test"));
        all.putAll(properties);
        try (LogCapture log = LogCapture.of(HumeAutoConfigurationProvider.class)) {
            assertThatCode(() -> sdk = AutoConfiguredOpenTelemetrySdk.builder()
                            .addPropertiesSupplier(() -> all)
                            .addMeterProviderCustomizer((meters, config) -> meters.registerMetricReader(metrics))
                            .disableShutdownHook()
                            .build()
                            .getOpenTelemetrySdk())
                    .doesNotThrowAnyException();
            assertThat(log.records)
                    .filteredOn(r -> r.getLevel().equals(Level.INFO))
                    .singleElement()
                    .satisfies(r -> assertThat(r.getMessage()).startsWith("humecodes is active"));
            return log.records.stream()
                    .filter(r -> !r.getLevel().equals(Level.INFO))
                    .collect(Collectors.toList());
        }
    }

    /** A span and a log record carrying E0300 are enriched from the built-in catalog, with the defaults. */
    private void assertDefaultsServe() {
        Span span = sdk.getTracer("test").spanBuilder("tts.synthesize").startSpan();
        span.setAttribute("evi.code", "E0300");
        span.setAttribute("url.full", "wss://api.hume.ai/v0/tts/stream/input?api_key=KEY123");
        span.end();
        sdk.getLogsBridge()
                .get("test")
                .logRecordBuilder()
                .setBody("HumeError: E0300 out of credits")
                .emit();
        sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
        sdk.getSdkLoggerProvider().forceFlush().join(10, TimeUnit.SECONDS);
        SpanData exported = MemoryExporters.spans.getFinishedSpanItems().get(0);
        assertEnriched(exported.getAttributes(), "E0300");
        // mark-error-status defaults to true
        assertThat(exported.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        // redact-credentials defaults to true
        assertThat(exported.getAttributes().get(AttributeKey.stringKey("url.full")))
                .isEqualTo("wss://api.hume.ai/v0/tts/stream/input?api_key=REDACTED");
        LogRecordData log = MemoryExporters.logs.getFinishedLogRecordItems().get(0);
        assertEnriched(log.getAttributes(), "E0300");
        // metrics.enabled defaults to true
        assertThat(HumeSpanProcessorTest.counts(metrics.collectAllMetrics()))
                .containsExactlyInAnyOrder("E0300 billing critical span = 1", "E0300 billing critical log = 1");
    }

    private static void assertOneWarning(List<LogRecord> reported, String... fragments) {
        assertThat(reported).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getMessage()).contains(fragments);
        });
    }

    static Stream<Arguments> badCatalogs() {
        return Stream.of(
                Arguments.of("empty.json", "", "the file is empty"),
                Arguments.of("blank.json", " \n\t ", "the file is empty"),
                Arguments.of("malformed.json", "{\"codes\":[{\"code\":\"E0300\",}", "not valid JSON"),
                Arguments.of("truncated.json", "{\"codes\":[", "not valid JSON"),
                Arguments.of(
                        "latin1.json",
                        "{\"codes\":[{\"code\":\"E0300\",\"description\":\"caf\u00e9\"}]}",
                        "not valid JSON"),
                Arguments.of("array.json", "[{\"code\":\"E0300\"}]", "expected an object"),
                Arguments.of("top-field.json", "{\"codes\":[],\"version\":2}", "unknown field \"version\""),
                Arguments.of("no-codes.json", "{\"codes\":{\"E0300\":{}}}", "\"codes\" must be an array"),
                Arguments.of(
                        "entry-field.json",
                        "{\"codes\":[{\"code\":\"E0300\",\"colour\":\"red\"}]}",
                        "entry 1 (\"E0300\"): unknown field \"colour\""),
                Arguments.of(
                        "severity.json",
                        "{\"codes\":[{\"code\":\"E0300\",\"severity\":\"dire\"}]}",
                        "entry 1 (\"E0300\"): severity \"dire\""),
                Arguments.of(
                        "duplicate.json",
                        "{\"codes\":[{\"code\":\"E0300\",\"severity\":\"error\"},"
                                + "{\"code\":\"E0300\",\"severity\":\"info\"}]}",
                        "entry 2 (\"E0300\"): duplicate code"),
                Arguments.of(
                        "duplicate-key.json",
                        "{\"codes\":[{\"code\":\"E0300\",\"code\":\"E0301\"}]}",
                        "not valid JSON"),
                Arguments.of(
                        "short.json",
                        "{\"codes\":[{\"code\":\"E300\",\"severity\":\"error\"}]}",
                        "entry 1 (\"E300\"): not a Hume code"),
                Arguments.of(
                        "lower.json",
                        "{\"codes\":[{\"code\":\"e0300\",\"severity\":\"error\"}]}",
                        "entry 1 (\"e0300\"): not a Hume code"),
                Arguments.of(
                        "long.json", "{\"codes\":[{\"code\":\"E03000\",\"severity\":\"error\"}]}", "not a Hume code"),
                Arguments.of(
                        "close.json",
                        "{\"codes\":[{\"code\":\"5000\",\"severity\":\"error\"}]}",
                        "entry 1 (\"5000\"): not a Hume code"),
                Arguments.of(
                        "number.json",
                        "{\"codes\":[{\"code\":300,\"severity\":\"error\"}]}",
                        "entry 1: \"code\" is missing or not a string"),
                Arguments.of(
                        "new-code.json",
                        "{\"codes\":[{\"code\":\"E0999\",\"severity\":\"error\"}]}",
                        "entry 1 (\"E0999\"): \"category\" is required"),
                Arguments.of(
                        "category.json",
                        "{\"codes\":[{\"code\":\"E0300\",\"category\":\"Billing!\"}]}",
                        "category \"Billing!\""),
                Arguments.of(
                        "two-lines.json",
                        "{\"codes\":[{\"code\":\"E0300\",\"description\":\"a\\nb\"}]}",
                        "description must be one non-empty line"),
                Arguments.of(
                        "retryable.json",
                        "{\"codes\":[{\"code\":\"E0300\",\"retryable\":\"yes\"}]}",
                        "retryable must be true or false"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCatalogs")
    void aBadCatalogFileIsReportedOnceAndTheBuiltInCatalogServes(String name, String content, String problem)
            throws IOException {
        Path file = dir.resolve(name);
        // latin1.json is written in ISO-8859-1, which is not the UTF-8 JSON must be.
        Files.write(
                file,
                content.getBytes(name.startsWith("latin1") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        List<LogRecord> reported = start(Map.of("otel.hume.catalog", file.toString()));
        assertOneWarning(
                reported, "otel.hume.catalog", "OTEL_HUME_CATALOG", file.toString(), problem, "built-in catalog");
        assertDefaultsServe();
    }

    @Test
    void aMissingCatalogFileIsReportedOnce() {
        Path file = dir.resolve("nowhere").resolve("codes.json");
        assertOneWarning(
                start(Map.of("otel.hume.catalog", file.toString())), "otel.hume.catalog", file.toString(), "not found");
        assertDefaultsServe();
    }

    @Test
    void aDirectoryAsCatalogIsReportedOnce() {
        assertOneWarning(
                start(Map.of("otel.hume.catalog", dir.toString())),
                "otel.hume.catalog",
                dir.toString(),
                "is a directory, not a catalog file");
        assertDefaultsServe();
    }

    @Test
    void aCatalogValueThatIsNoPathIsReportedOnce() {
        assertOneWarning(
                start(Map.of("otel.hume.catalog", "codes\u0000.json")), "otel.hume.catalog", "is not a file path");
        assertDefaultsServe();
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("otel.hume.enabled", "on"),
                Arguments.of("otel.hume.enabled", "1"),
                Arguments.of("otel.hume.enabled", "tru"),
                Arguments.of("otel.hume.mark-error-status", "yes"),
                Arguments.of("otel.hume.mark-error-status", "falsch"),
                Arguments.of("otel.hume.metrics.enabled", "0"),
                Arguments.of("otel.hume.metrics.enabled", "enabled"),
                // A bad value keeps credentials redacted: the safe default.
                Arguments.of("otel.hume.redact-credentials", "no"),
                Arguments.of("otel.hume.redact-credentials", "off"),
                Arguments.of("otel.hume.max-scan-chars", "0"),
                Arguments.of("otel.hume.max-scan-chars", "-1"),
                Arguments.of("otel.hume.max-scan-chars", "64k"),
                Arguments.of("otel.hume.max-scan-chars", "1e6"),
                Arguments.of("otel.hume.max-scan-chars", "2147483648"),
                Arguments.of("otel.hume.max-scan-chars", "0x10"),
                Arguments.of("otel.hume.max-scan-chars", "1 000"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badValues")
    void aBadValueIsReportedOnceByNameAndTheDefaultServes(String property, String value) {
        assertOneWarning(
                start(Map.of(property, value)), property, HumeConfig.environmentName(property), "'" + value + "'");
        assertDefaultsServe();
    }

    @Test
    void environmentStyleBadValuesNameTheVariable() {
        assertOneWarning(start(Map.of("OTEL_HUME_MAX_SCAN_CHARS", "lots")), "OTEL_HUME_MAX_SCAN_CHARS", "'lots'");
        assertDefaultsServe();
    }

    @Test
    void blankValuesMeanUnsetAndValidValuesAreNotReported() {
        assertThat(start(Map.of(
                        "otel.hume.enabled",
                        " ",
                        "otel.hume.catalog",
                        "",
                        "otel.hume.max-scan-chars",
                        " 65536 ",
                        "otel.hume.mark-error-status",
                        "TRUE",
                        "otel.hume.metrics.enabled",
                        " True ")))
                .isEmpty();
        assertDefaultsServe();
    }

    @Test
    void everythingBadAtOnceIsReportedOncePerSetting() throws IOException {
        Path file = dir.resolve("dup.json");
        Files.writeString(file, "{\"codes\":[{\"code\":\"W0105\"},{\"code\":\"W0105\"}]}");
        List<LogRecord> reported = start(Map.of(
                "otel.hume.enabled",
                "si",
                "otel.hume.catalog",
                file.toString(),
                "otel.hume.mark-error-status",
                "ja",
                "otel.hume.metrics.enabled",
                "oui",
                "otel.hume.max-scan-chars",
                "beaucoup",
                "otel.hume.redact-credentials",
                "nein"));
        assertThat(reported)
                .extracting(LogRecord::getMessage)
                .hasSize(6)
                .anySatisfy(m -> assertThat(m).contains("otel.hume.enabled", "'si'"))
                .anySatisfy(m -> assertThat(m).contains("otel.hume.catalog", "dup.json", "entry 2", "duplicate"))
                .anySatisfy(m -> assertThat(m).contains("otel.hume.mark-error-status", "'ja'"))
                .anySatisfy(m -> assertThat(m).contains("otel.hume.metrics.enabled", "'oui'"))
                .anySatisfy(m -> assertThat(m).contains("otel.hume.max-scan-chars", "'beaucoup'"))
                .anySatisfy(m -> assertThat(m).contains("otel.hume.redact-credentials", "'nein'", "using true"));
        assertDefaultsServe();
    }

    // The builders: bad arguments fail at configuration time with the documented exception, never at span end.

    @Test
    void builderArgumentsAreCheckedWhenGivenAndTheBuilderStaysUsable() {
        HumeSpanProcessor.Builder spans = HumeSpanProcessor.builder();
        assertThatThrownBy(() -> spans.setCatalog(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("catalog");
        assertThatThrownBy(() -> spans.setMeterProvider(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("meterProvider");
        assertThatThrownBy(() -> spans.setMaxScanChars(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxScanChars");
        assertThatThrownBy(() -> spans.setMaxScanChars(Integer.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
        HumeLogRecordProcessor.Builder logs = HumeLogRecordProcessor.builder();
        assertThatThrownBy(() -> logs.setCatalog(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> logs.setMeterProvider(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> logs.setMaxScanChars(-5)).isInstanceOf(IllegalArgumentException.class);

        // What was refused changed nothing: the built processors use the built-in catalog and bound.
        InMemorySpanExporter spanExporter = InMemorySpanExporter.create();
        SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                .addSpanProcessor(spans.build())
                .addSpanProcessor(SimpleSpanProcessor.create(spanExporter))
                .build();
        InMemoryLogRecordExporter logExporter = InMemoryLogRecordExporter.create();
        SdkLoggerProvider loggerProvider = SdkLoggerProvider.builder()
                .addLogRecordProcessor(logs.build())
                .addLogRecordProcessor(SimpleLogRecordProcessor.create(logExporter))
                .build();
        try {
            String late = "x".repeat(60_000) + " E0300";
            Span span = tracerProvider.get("test").spanBuilder("call").startSpan();
            span.setStatus(StatusCode.ERROR, late);
            span.end();
            assertEnriched(spanExporter.getFinishedSpanItems().get(0).getAttributes(), "E0300");
            loggerProvider.get("test").logRecordBuilder().setBody(late).emit();
            assertEnriched(logExporter.getFinishedLogRecordItems().get(0).getAttributes(), "E0300");
        } finally {
            tracerProvider.shutdown();
            loggerProvider.shutdown();
        }
        assertThat(Catalog.builtIn().lookup("E0300").inCatalog()).isTrue();
    }

    @Test
    void aMeterProviderWhoseCounterThrowsCostsTheCountOnlyAndIsReportedThrottled() {
        LongCounter throwing = (LongCounter) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {LongCounter.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("metrics backend down");
                });
        MeterProvider provider = name -> (io.opentelemetry.api.metrics.MeterBuilder) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {io.opentelemetry.api.metrics.MeterBuilder.class},
                (p, m, a) -> m.getName().equals("build") ? meter(throwing) : p);
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                .addSpanProcessor(
                        HumeSpanProcessor.builder().setMeterProvider(provider).build())
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build();
        try (LogCapture log = LogCapture.of(HumeSpanProcessor.class)) {
            for (int i = 0; i < 8; i++) {
                Span span = tracerProvider.get("test").spanBuilder("call").startSpan();
                span.setAttribute("evi.code", "E0702");
                assertThatCode(span::end).doesNotThrowAnyException();
            }
            assertThat(exporter.getFinishedSpanItems())
                    .hasSize(8)
                    .allSatisfy(s -> assertEnriched(s.getAttributes(), "E0702"));
            // The first five failures are reported; the next ones wait for a minute to pass.
            assertThat(log.records).hasSize(Failures.FIRST_REPORTS).allSatisfy(r -> assertThat(r.getThrown())
                    .hasMessage("metrics backend down"));
        } finally {
            tracerProvider.shutdown();
        }
    }

    private static Meter meter(LongCounter counter) {
        LongCounterBuilder builder = (LongCounterBuilder) Proxy.newProxyInstance(
                BadConfigurationTest.class.getClassLoader(),
                new Class<?>[] {LongCounterBuilder.class},
                (p, m, a) -> m.getName().equals("build") ? counter : p);
        return (Meter) Proxy.newProxyInstance(
                BadConfigurationTest.class.getClassLoader(),
                new Class<?>[] {Meter.class},
                (p, m, a) -> m.getName().equals("counterBuilder") ? builder : null);
    }
}
