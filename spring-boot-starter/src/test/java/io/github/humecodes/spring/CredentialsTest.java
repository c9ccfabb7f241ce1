package io.github.humecodes.spring;

import static io.github.humecodes.spring.BootApp.HUME_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code humecodes.redact-credentials}: on by default, Hume's API key leaves neither Spring Boot's console (a
 * pattern appender, its JSON structured format) nor the spans; off, both show what the application wrote.
 */
@ExtendWith(OutputCaptureExtension.class)
class CredentialsTest {
    private static final String KEY = "hk_live_4f9c2b7d1e8a6f3c5b0d9e2a7c4f1b8d";
    private static final AttributeKey<String> HEADER = AttributeKey.stringKey("http.request.header.x-hume-api-key");

    @Test
    void theConsoleLineHasTheKeyRedacted(CapturedOutput output) {
        try (ConfigurableApplicationContext app = BootApp.run()) {
            HUME_CLIENT.info("[cred-1] connecting to wss://api.hume.ai/v0/evi/chat?api_key={}", KEY);

            assertThat(line(output, "[cred-1]"))
                    .endsWith("[cred-1] connecting to wss://api.hume.ai/v0/evi/chat" + "?api_key=REDACTED");
            assertThat(output.getOut()).doesNotContain(KEY);
            BootApp.assertNoLogbackErrors();
        }
    }

    @Test
    void theStructuredLineHasTheKeyRedacted(CapturedOutput output) {
        try (ConfigurableApplicationContext app = BootApp.run("--logging.structured.format.console=ecs")) {
            HUME_CLIENT.error("[cred-2] Error (E0300): out of credits; X-Hume-Api-Key: {}", KEY);

            List<JsonNode> lines = BootApp.jsonLines(output.getOut(), "[cred-2]");
            assertThat(lines).singleElement().satisfies(json -> {
                assertThat(json.get("message").asText())
                        .isEqualTo("[cred-2] Error (E0300): out of credits;" + " X-Hume-Api-Key: REDACTED");
                assertThat(json.get("hume").get("code").asText()).isEqualTo("E0300");
            });
            assertThat(output.getOut()).doesNotContain(KEY);
        }
    }

    @Test
    void redactCredentialsFalseLeavesTheLineAsWritten(CapturedOutput output) {
        try (ConfigurableApplicationContext app = BootApp.run("--humecodes.redact-credentials=false")) {
            HUME_CLIENT.info("[cred-3] X-Hume-Api-Key: {}", KEY);

            assertThat(line(output, "[cred-3]")).endsWith("[cred-3] X-Hume-Api-Key: " + KEY);
        }
    }

    @Test
    void spansHaveTheKeyRedactedUnlessTurnedOff() {
        assertThat(spanHeader()).isEqualTo("REDACTED");
        assertThat(spanHeader("--humecodes.redact-credentials=false")).isEqualTo(KEY);
    }

    private static String spanHeader(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--management.tracing.sampling.probability=1.0";
        System.arraycopy(args, 0, all, 1, args.length);
        try (ConfigurableApplicationContext app = BootApp.run(OpenTelemetryTest.Exporters.class, all)) {
            OpenTelemetry openTelemetry = app.getBean(OpenTelemetry.class);
            Span span = openTelemetry.getTracer("test").spanBuilder("GET").startSpan();
            span.setAttribute(HEADER, KEY);
            span.end();
            assertThat(app.getBean(SdkTracerProvider.class)
                            .forceFlush()
                            .join(10, TimeUnit.SECONDS)
                            .isSuccess())
                    .isTrue();
            List<SpanData> spans = app.getBean(InMemorySpanExporter.class).getFinishedSpanItems();
            assertThat(spans).hasSize(1);
            return spans.get(0).getAttributes().get(HEADER);
        }
    }

    private static String line(CapturedOutput output, String marker) {
        List<String> lines = BootApp.lines(output.getOut(), marker);
        assertThat(lines)
                .as("lines holding %s in:%n%s", marker, output.getOut())
                .hasSize(1);
        return lines.get(0);
    }
}
