package io.github.humecodes.otel;

import static io.github.humecodes.otel.HumeAssertions.assertEnriched;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.humecodes.Catalog;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.DeclarativeConfiguration;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SDKs built from a declarative configuration file by the SDK's own code, as {@code otel.config.file} makes
 * autoconfigure (and the Java agent) do, with the processors named {@code humecodes} in the file.
 */
class DeclarativeConfigurationTest {
    private static final int BUILT_IN_CODES = Catalog.builtIn().codes().size();

    private final List<OpenTelemetrySdk> sdks = new ArrayList<>();
    private final List<LogRecord> reported = new ArrayList<>();
    /** What the SDK's declarative configuration itself reported, kept out of the build output. */
    private final List<LogRecord> sdkReported = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void shutDown() {
        for (OpenTelemetrySdk sdk : sdks) {
            sdk.shutdown().join(10, TimeUnit.SECONDS);
        }
    }

    /** The configuration file: {@code spanOptions} and {@code logOptions} are the humecodes entries' lines. */
    private static String file(String spanOptions, String logOptions) {
        // The format the pinned declarative configuration expects: another 1.x would be read too, with a warning.
        return "file_format: \"1.1\"\n"
                + "tracer_provider:\n"
                + "  processors:\n"
                + "    - simple:\n"
                + "        exporter:\n"
                + "          memory:\n"
                + "    - humecodes:" + spanOptions + "\n"
                + "logger_provider:\n"
                + "  processors:\n"
                + "    - humecodes:" + logOptions + "\n"
                + "    - simple:\n"
                + "        exporter:\n"
                + "          memory:\n"
                + "meter_provider:\n"
                + "  readers:\n"
                + "    - periodic:\n"
                + "        interval: 3600000\n"
                + "        exporter:\n"
                + "          memory:\n";
    }

    /** Builds the SDK as autoconfigure does for {@code otel.config.file}; keeps what humecodes reported. */
    private OpenTelemetrySdk start(String yaml) throws IOException {
        Path config = dir.resolve("otel-config.yaml");
        Files.writeString(config, yaml, StandardCharsets.UTF_8);
        // Autoconfigure reads otel.config.file from the system properties and the environment only.
        System.setProperty("otel.config.file", config.toString());
        // The SDK's own warnings about values of the wrong type are expected where the file has them.
        try (LogCapture log = LogCapture.of(HumeComponentProvider.class);
                LogCapture sdkWarnings = LogCapture.named("io.opentelemetry.sdk.autoconfigure.declarativeconfig")) {
            OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                    .disableShutdownHook()
                    .build()
                    .getOpenTelemetrySdk();
            sdks.add(sdk);
            reported.addAll(log.records);
            sdkReported.addAll(sdkWarnings.records);
            return sdk;
        } finally {
            System.clearProperty("otel.config.file");
        }
    }

    @Test
    void theFileOnTheOpenTelemetryPageEnrichesWhatItsExportersPrint() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "opentelemetry.md"));
        int start = page.indexOf("```yaml\nfile_format") + 8;
        String yaml = page.substring(start, page.indexOf("```", start));
        try (LogCapture spans = LogCapture.named("io.opentelemetry.exporter.logging.LoggingSpanExporter")) {
            OpenTelemetrySdk sdk = start(yaml);
            sdk.getTracer("test")
                    .spanBuilder("evi.chat")
                    .startSpan()
                    .setAttribute("websocket.close.code", 1011L)
                    .end();
            assertThat(messages(Level.WARNING)).isEmpty();
            assertThat(spans.records).singleElement().satisfies(r -> assertThat(r.getMessage())
                    .startsWith("'evi.chat' : ")
                    .contains("hume.code=1011")
                    .contains("hume.category=connection"));
        }
    }

    /**
     * Ends a span and emits a log record that carry E0300, beside attributes of every other type and an API key in
     * a captured header.
     */
    private static void sendE0300(OpenTelemetrySdk sdk) {
        Span span = sdk.getTracer("test").spanBuilder("tts.synthesize").startSpan();
        span.setAttribute("tts.voice", "ito");
        span.setAttribute("retry", true);
        span.setAttribute("attempt", 2L);
        span.setAttribute("ratio", 0.5);
        span.setAttribute(AttributeKey.stringArrayKey("tags"), List.of("a", "b"));
        span.setAttribute(
                AttributeKey.stringArrayKey("http.request.header.x-hume-api-key"),
                List.of(CredentialRedactionTest.KEY));
        span.recordException(new IllegalStateException("hume(E0300): out of credits"));
        span.end();
        sdk.getLogsBridge()
                .get("test")
                .logRecordBuilder()
                .setBody("HumeError: E0300 out of credits")
                .setAttribute(AttributeKey.booleanKey("retry"), true)
                .setAttribute(
                        AttributeKey.stringArrayKey("http.request.header.x-hume-api-key"),
                        List.of(CredentialRedactionTest.KEY))
                .emit();
        sdk.getSdkMeterProvider().forceFlush().join(10, TimeUnit.SECONDS);
    }

    private static List<String> apiKeyHeader(Attributes attributes) {
        return attributes.get(AttributeKey.stringArrayKey("http.request.header.x-hume-api-key"));
    }

    private static SpanData exportedSpan() {
        assertThat(MemoryComponents.spans.getFinishedSpanItems()).hasSize(1);
        return MemoryComponents.spans.getFinishedSpanItems().get(0);
    }

    private static LogRecordData exportedLog() {
        assertThat(MemoryComponents.logs.getFinishedLogRecordItems()).hasSize(1);
        return MemoryComponents.logs.getFinishedLogRecordItems().get(0);
    }

    private static List<String> counts() {
        return HumeSpanProcessorTest.counts(MemoryComponents.metrics.getFinishedMetricItems());
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

    @Test
    void processorsNamedInTheFileEnrichMarkAndCount() throws IOException {
        OpenTelemetrySdk sdk = start(file("", " {}"));
        sendE0300(sdk);
        SpanData span = exportedSpan();
        assertEnriched(span.getAttributes(), "E0300");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getStatus().getDescription()).isEqualTo("E0300");
        // Listed before the exporting processor, the log record processor's attributes are exported.
        assertEnriched(exportedLog().getAttributes(), "E0300");
        assertThat(counts())
                .containsExactlyInAnyOrder("E0300 billing critical span = 1", "E0300 billing critical log = 1");
        assertThat(apiKeyHeader(span.getAttributes())).containsExactly("REDACTED");
        assertThat(apiKeyHeader(exportedLog().getAttributes())).containsExactly("REDACTED");
        assertThat(messages(Level.WARNING)).isEmpty();
        assertThat(messages(Level.INFO))
                .containsExactly("humecodes is active through declarative configuration:"
                        + " log record processor and span processor, catalog built-in (" + BUILT_IN_CODES
                        + " codes), counter hume.codes, credentials redacted");
    }

    @Test
    void theOptionsApply() throws IOException {
        Path catalog = dir.resolve("our-codes.json");
        Files.writeString(
                catalog,
                "{\"codes\":[{\"code\":\"E0300\",\"severity\":\"warning\"},"
                        + "{\"code\":\"E0999\",\"category\":\"billing\",\"severity\":\"error\","
                        + "\"description\":\"Our own billing code.\"}]}",
                StandardCharsets.UTF_8);
        OpenTelemetrySdk sdk = start(file(
                "\n        mark_error_status: false\n        catalog: " + catalog
                        + "\n        metrics_enabled: false\n        redact_credentials: false",
                "\n        max_scan_chars: 12"));
        sendE0300(sdk);
        SpanData span = exportedSpan();
        assertThat(span.getAttributes().get(HumeAttributes.SEVERITY)).isEqualTo("warning");
        // redact_credentials: false on the span processor only.
        assertThat(apiKeyHeader(span.getAttributes())).containsExactly(CredentialRedactionTest.KEY);
        assertThat(apiKeyHeader(exportedLog().getAttributes())).containsExactly("REDACTED");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        // "HumeError: E0300 ..." has its code past the first 12 characters.
        assertThat(exportedLog().getAttributes().get(HumeAttributes.CODE)).isNull();
        // Only the log record processor counts.
        assertThat(counts()).isEmpty();
        sdk.getLogsBridge().get("test").logRecordBuilder().setBody("E0300").emit();
        sdk.getSdkMeterProvider().forceFlush().join(10, TimeUnit.SECONDS);
        assertThat(counts()).containsExactly("E0300 billing critical log = 1");
        assertThat(messages(Level.WARNING)).isEmpty();
        assertThat(messages(Level.INFO))
                .containsExactly("humecodes is active through declarative configuration:"
                        + " log record processor (catalog built-in (" + BUILT_IN_CODES + " codes)) and span processor"
                        + " (catalog " + catalog + " (" + (BUILT_IN_CODES + 1)
                        + " codes)), counter hume.codes, credentials"
                        + " redacted by the log record processor only");
    }

    @Test
    void badOptionsAreReportedByNameAndTheDefaultsServe() throws IOException {
        OpenTelemetrySdk sdk = start(file(
                "\n        mark_error_status: \"yes\"\n        max_scan_chars: lots" + "\n        catalog: "
                        + dir.resolve("nowhere.json") + "\n        colour: red",
                "\n        metrics_enabled: 3\n        max_scan_chars: 0\n        mark_error_status: false"
                        + "\n        redact_credentials: sometimes"));
        // The SDK warns of the values of another type too (a string for a boolean, an integer for a boolean).
        assertThat(sdkReported).isNotEmpty();
        assertThat(messages(Level.WARNING))
                .hasSize(8)
                .anySatisfy(m -> assertThat(m)
                        .contains("option mark_error_status of the humecodes span processor", "'yes'", "using true"))
                .anySatisfy(
                        m -> assertThat(m).contains("option max_scan_chars of the humecodes span processor", "'lots'"))
                .anySatisfy(m -> assertThat(m)
                        .contains("option catalog of the humecodes span processor", "nowhere.json", "built-in catalog"))
                .anySatisfy(m -> assertThat(m).contains("unknown option colour of the humecodes span processor"))
                .anySatisfy(m -> assertThat(m)
                        .contains("option metrics_enabled of the humecodes log record processor", "not true or false"))
                .anySatisfy(m ->
                        assertThat(m).contains("option max_scan_chars of the humecodes log record processor", "'0'"))
                .anySatisfy(m -> assertThat(m)
                        .contains(
                                "option redact_credentials of the humecodes log record processor",
                                "'sometimes'",
                                "using true"))
                // Status marking is the span processor's.
                .anySatisfy(m -> assertThat(m)
                        .contains("unknown option mark_error_status of the humecodes log record processor"));
        sendE0300(sdk);
        assertEnriched(exportedSpan().getAttributes(), "E0300");
        assertThat(exportedSpan().getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertEnriched(exportedLog().getAttributes(), "E0300");
        // A bad redact_credentials keeps credentials redacted.
        assertThat(apiKeyHeader(exportedLog().getAttributes())).containsExactly("REDACTED");
        assertThat(counts())
                .containsExactlyInAnyOrder("E0300 billing critical span = 1", "E0300 billing critical log = 1");
    }

    @Test
    void emptyValuesMeanUnsetAndAMappingIsReported() throws IOException {
        // An optional file as users write it: empty when the variable is not set.
        OpenTelemetrySdk sdk = start(file(
                "\n        catalog: ${HUMECODES_TEST_UNSET_VARIABLE:-}" + "\n        max_scan_chars:",
                "\n        max_scan_chars:\n          chars: 12"));
        assertThat(messages(Level.WARNING)).singleElement().satisfies(m -> assertThat(m)
                .isEqualTo("humecodes: bad"
                        + " value for option max_scan_chars of the humecodes log record processor in "
                        + dir.resolve("otel-config.yaml") + ": a mapping, not a single value; the default serves"));
        assertThat(messages(Level.INFO)).singleElement().satisfies(m -> assertThat(m)
                .contains("catalog built-in (" + BUILT_IN_CODES + " codes)"));
        sendE0300(sdk);
        assertEnriched(exportedSpan().getAttributes(), "E0300");
        assertEnriched(exportedLog().getAttributes(), "E0300");
    }

    @Test
    void eachSdkBuiltLogsOneStartUpLine() throws IOException {
        start(file("", ""));
        start(file("", ""));
        try (InputStream in = Files.newInputStream(dir.resolve("otel-config.yaml"));
                LogCapture log = LogCapture.of(HumeComponentProvider.class)) {
            sdks.add(DeclarativeConfiguration.parseAndCreate(in).getSdk());
            reported.addAll(log.records);
        }
        assertThat(messages(Level.INFO)).hasSize(3).allSatisfy(m -> assertThat(m)
                .startsWith("humecodes is active through declarative configuration: log record processor and span"
                        + " processor"));
    }
}
