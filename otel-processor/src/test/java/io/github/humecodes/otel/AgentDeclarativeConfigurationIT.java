package io.github.humecodes.otel;

import static io.github.humecodes.otel.AgentApplication.assertBillingSpan;
import static io.github.humecodes.otel.AgentApplication.attributes;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.humecodes.otel.app.ApiOnlyApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Runs {@link ApiOnlyApp} under the OpenTelemetry Java agent with the agent extension jar, configured by a
 * declarative configuration file naming the humecodes processors (the {@code otlp_file/development} exporter,
 * spans and metrics on standard output), and reads what the agent prints as OTLP JSON. Skipped on an agent that
 * reads no such file (before 2.26.0); the same application configured by properties: {@link AgentExtensionIT}.
 */
class AgentDeclarativeConfigurationIT {
    @TempDir
    static Path dir;

    private static String agent;
    private static boolean agentReadsTheFile;
    private static String output;
    private static Map<String, JsonNode> spans;

    @BeforeAll
    static void runTheApplicationUnderTheAgent() throws IOException, InterruptedException {
        agent = AgentApplication.agentVersion();
        agentReadsTheFile = atLeast(agent, 2, 26);
        if (!agentReadsTheFile) {
            // Each test skips itself (skipUnlessTheAgentReadsTheFile): the reports count an assumption that fails
            // here in no test, neither run nor skipped.
            return;
        }
        // The file takes the catalog override from the environment, through the file's own substitution.
        Path catalog = AgentApplication.writeCatalog(dir);
        Path config = dir.resolve("otel-config.yaml");
        Files.writeString(
                config,
                "file_format: \"1.0\"\n"
                        + "resource:\n"
                        + "  attributes:\n"
                        + "    - name: service.name\n"
                        + "      value: humecodes-agent-it\n"
                        + "tracer_provider:\n"
                        + "  processors:\n"
                        + "    - humecodes:\n"
                        + "        catalog: ${OTEL_HUME_CATALOG}\n"
                        + "    - simple:\n"
                        + "        exporter:\n"
                        + "          otlp_file/development:\n"
                        + "meter_provider:\n"
                        // The agent's HTTP client histogram keeps url.full on its exemplars, which no processor sees.
                        + "  exemplar_filter: always_off\n"
                        + "  readers:\n"
                        + "    - periodic:\n"
                        + "        exporter:\n"
                        + "          otlp_file/development:\n",
                StandardCharsets.UTF_8);
        output = AgentApplication.run(
                dir,
                "declarative",
                List.of("-Dotel.config.file=" + config),
                Map.of("OTEL_HUME_CATALOG", catalog.toString()));
        spans = AgentApplication.spans(output);
    }

    /** {@code version} (major.minor.patch) is {@code major.minor.0} or later, as numbers: 2.9 is before 2.26. */
    private static boolean atLeast(String version, int major, int minor) {
        String[] parts = version.split("\\.");
        int ma = Integer.parseInt(parts[0]);
        int mi = Integer.parseInt(parts[1]);
        return ma > major || ma == major && mi >= minor;
    }

    @BeforeEach
    void skipUnlessTheAgentReadsTheFile() {
        Assumptions.assumeTrue(
                agentReadsTheFile,
                () -> "agent " + agent + ": agents before 2.26.0 do not read a declarative configuration file");
    }

    @Test
    void aDeclarativeConfigurationFileNamingHumecodesWorksUnderTheAgent() {
        assertThat(output).contains("ApiOnlyApp done").doesNotContain("humecodes: bad value");
        assertThat(spans).as(output).containsOnlyKeys("evi.chat", "evi.plain", "GET");
        assertThat(attributes(spans.get("GET"))
                        .get("url.full")
                        .path("stringValue")
                        .asString())
                .endsWith("/v0/evi/chat?config_id=1b60e1a0&api_key=REDACTED");
        // Nowhere in what the agent printed, metrics included (their exemplars are off: see the file).
        assertThat(output).doesNotContain(ApiOnlyApp.API_KEY);
        assertBillingSpan(spans.get("evi.chat"));
        assertThat(attributes(spans.get("evi.plain"))).doesNotContainKey("hume.code");
        assertThat(output.lines().filter(l -> l.contains("humecodes is active")))
                .singleElement()
                .asString()
                .contains("humecodes is active through declarative configuration: span" + " processor, catalog "
                        + dir.resolve("runbook-codes.json") + " (");
        // The counter, bound to the meter provider the file configures, counted the one coded span.
        List<String> points = new ArrayList<>();
        for (JsonNode resource : AgentApplication.resources(output, "resourceMetrics")) {
            for (JsonNode scope : resource.path("scopeMetrics")) {
                for (JsonNode metric : scope.path("metrics")) {
                    if (metric.path("name").asString().equals("hume.codes")) {
                        for (JsonNode point : metric.path("sum").path("dataPoints")) {
                            Map<String, JsonNode> a = attributes(point);
                            points.add(a.get("hume.code").path("stringValue").asString() + " "
                                    + a.get("hume.signal").path("stringValue").asString() + " = "
                                    + point.path("asInt").asString());
                        }
                    }
                }
            }
        }
        assertThat(points).as(output).isNotEmpty().allSatisfy(p -> assertThat(p).isEqualTo("E0300 span = 1"));
    }
}
