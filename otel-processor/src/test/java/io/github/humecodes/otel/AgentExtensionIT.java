package io.github.humecodes.otel;

import static io.github.humecodes.otel.AgentApplication.assertBillingSpan;
import static io.github.humecodes.otel.AgentApplication.attributes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.humecodes.otel.app.ApiOnlyApp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Runs {@link ApiOnlyApp}, which knows only the OpenTelemetry API, under the OpenTelemetry Java agent with the
 * agent extension jar configured by properties (the {@code logging-otlp} exporter), and reads the spans the agent
 * prints as OTLP JSON. Nothing leaves the machine: every other exporter is {@code none}. The same under a
 * declarative configuration file: {@link AgentDeclarativeConfigurationIT}.
 */
class AgentExtensionIT {
    @TempDir
    static Path dir;

    private static String output;
    private static Map<String, JsonNode> spans;

    @BeforeAll
    static void runTheApplicationUnderTheAgent() throws IOException, InterruptedException {
        // Set through the environment, as in a container: a catalog override that rewords E0300.
        Path catalog = AgentApplication.writeCatalog(dir);
        output = AgentApplication.run(
                dir,
                "properties",
                List.of(
                        "-Dotel.service.name=humecodes-agent-it",
                        "-Dotel.traces.exporter=logging-otlp",
                        "-Dotel.instrumentation.http.client.capture-request-headers=X-Hume-Api-Key",
                        "-Dotel.metrics.exporter=none",
                        "-Dotel.logs.exporter=none"),
                Map.of("OTEL_HUME_CATALOG", catalog.toString()));
        spans = AgentApplication.spans(output);
    }

    @Test
    void theAgentLoadedTheExtensionAndExportedEverySpan() {
        assertThat(output).contains("ApiOnlyApp done").doesNotContain("humecodes: bad value");
        assertThat(spans).as(output).containsOnlyKeys("evi.chat", "evi.plain", "GET");
        // One start-up line for the one SDK the agent built, naming the override file.
        assertThat(output.lines().filter(l -> l.contains("humecodes is active")))
                .singleElement()
                .asString()
                .contains("humecodes is active through autoconfigure: span processor and"
                        + " log record processor, catalog " + dir.resolve("runbook-codes.json") + " (")
                .endsWith(", credentials redacted");
    }

    @Test
    void theHttpClientSpansApiKeyIsRedactedInItsUrlAndItsCapturedHeader() {
        Map<String, JsonNode> attributes = attributes(spans.get("GET"));
        assertThat(attributes.get("url.full").path("stringValue").asString())
                .matches("http://127\\.0\\.0\\.1:[0-9]+/v0/evi/chat\\?config_id=1b60e1a0&api_key=REDACTED");
        assertThat(attributes
                        .get("http.request.header.x-hume-api-key")
                        .path("arrayValue")
                        .path("values"))
                .singleElement()
                .satisfies(v -> assertThat(v.path("stringValue").asString()).isEqualTo("REDACTED"));
        // Nowhere in what the agent printed: no span, no attribute, no log line.
        assertThat(output).doesNotContain(ApiOnlyApp.API_KEY);
    }

    @Test
    void theFailingSpanCarriesTheBillingCodeAndStatusError() {
        assertBillingSpan(spans.get("evi.chat"));
    }

    @Test
    void theSpanWithoutACodeIsLeftAsItWas() {
        JsonNode span = spans.get("evi.plain");
        assertThat(attributes(span)).doesNotContainKeys("hume.code", "hume.category", "hume.severity");
        assertThat(span.path("status").path("code").asInt(0)).isZero();
    }
}
