package io.github.humecodes.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.humecodes.otel.app.ApiOnlyApp;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@link ApiOnlyApp}, which knows only the OpenTelemetry API, under the OpenTelemetry Java agent with the
 * agent extension jar, and reads the spans the agent prints as OTLP JSON: once configured by properties (the
 * {@code logging-otlp} exporter), once by a declarative configuration file naming the humecodes processors (the
 * {@code otlp_file/development} exporter, spans and metrics on standard output). Nothing leaves the machine: every
 * exporter is either one of those or {@code none}.
 */
class AgentExtensionIT {
    private static final long TIMEOUT_SECONDS = 60;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RUNBOOK = "Out of credits: page the account admin (runbook billing-1).";

    @TempDir
    static Path dir;
    private static String output;
    private static Map<String, JsonNode> spans;
    private static String declarativeOutput;
    private static Map<String, JsonNode> declarativeSpans;

    @BeforeAll
    static void runTheApplicationUnderTheAgent() throws IOException, InterruptedException {
        // Set through the environment, as in a container: a catalog override that rewords E0300.
        Path catalog = dir.resolve("runbook-codes.json");
        Files.writeString(catalog, "{\"codes\":[{\"code\":\"E0300\",\"description\":\"" + RUNBOOK + "\"}]}",
                StandardCharsets.UTF_8);
        output = run("properties", List.of(
                "-Dotel.service.name=humecodes-agent-it",
                "-Dotel.traces.exporter=logging-otlp",
                "-Dotel.instrumentation.http.client.capture-request-headers=X-Hume-Api-Key",
                "-Dotel.metrics.exporter=none",
                "-Dotel.logs.exporter=none"), Map.of("OTEL_HUME_CATALOG", catalog.toString()));
        spans = spans(output);
        // The file takes the catalog from the same variable, through the file's own substitution.
        Path config = dir.resolve("otel-config.yaml");
        Files.writeString(config, "file_format: \"1.0\"\n"
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
                + "          otlp_file/development:\n", StandardCharsets.UTF_8);
        declarativeOutput = run("declarative", List.of("-Dotel.config.file=" + config),
                Map.of("OTEL_HUME_CATALOG", catalog.toString()));
        declarativeSpans = spans(declarativeOutput);
    }

    /** Runs the application under the agent with {@code options} and {@code environment}; returns its output. */
    private static String run(String name, List<String> options, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path jars = Paths.get(System.getProperty("humecodes.agentTestDir"));
        Path extension = Paths.get(System.getProperty("humecodes.extensionJar"));
        assertThat(extension).isRegularFile();
        String classpath = String.join(File.pathSeparator,
                Paths.get(ApiOnlyApp.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString(),
                jars.resolve("opentelemetry-api.jar").toString(),
                jars.resolve("opentelemetry-context.jar").toString(),
                jars.resolve("opentelemetry-common.jar").toString());
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + jars.resolve("opentelemetry-javaagent.jar"),
                "-Dotel.javaagent.extensions=" + extension));
        command.addAll(options);
        command.addAll(List.of("-cp", classpath, ApiOnlyApp.class.getName()));
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("OTEL_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("finished within %d s; output:%n%s", TIMEOUT_SECONDS, out).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    /** The spans of every OTLP JSON line in {@code output}, by name. */
    private static Map<String, JsonNode> spans(String output) {
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode resource : resources(output, "resourceSpans")) {
            for (JsonNode scope : resource.path("scopeSpans")) {
                for (JsonNode span : scope.path("spans")) {
                    byName.put(span.path("name").asString(), span);
                }
            }
        }
        return byName;
    }

    /**
     * The resource entries of the OTLP JSON lines in {@code output}: a {@code logging-otlp} line is one resource
     * entry, an {@code otlp_file} line a whole request holding them under {@code field}.
     */
    private static List<JsonNode> resources(String output, String field) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : output.split("\\R")) {
            int request = line.indexOf("{\"" + field + "\"");
            if (request >= 0) {
                JSON.readTree(line.substring(request)).path(field).forEach(out::add);
                continue;
            }
            if (line.contains("{\"resourceMetrics\"") || line.contains("{\"resourceLogs\"")
                    || line.contains("{\"resourceSpans\"")) {
                continue; // a request of another signal
            }
            int json = line.indexOf("{\"resource\"");
            if (json >= 0) {
                out.add(JSON.readTree(line.substring(json)));
            }
        }
        return out;
    }

    private static Map<String, JsonNode> attributes(JsonNode item) {
        Map<String, JsonNode> byKey = new HashMap<>();
        for (JsonNode a : item.path("attributes")) {
            byKey.put(a.path("key").asString(), a.path("value"));
        }
        return byKey;
    }

    @Test
    void theAgentLoadedTheExtensionAndExportedEverySpan() {
        assertThat(output).contains("ApiOnlyApp done").doesNotContain("humecodes: bad value");
        assertThat(spans).as(output).containsOnlyKeys("evi.chat", "evi.plain", "GET");
        // One start-up line for the one SDK the agent built, naming the override file.
        assertThat(output.lines().filter(l -> l.contains("humecodes is active")))
                .singleElement().asString().contains("humecodes is active through autoconfigure: span processor and"
                        + " log record processor, catalog " + dir.resolve("runbook-codes.json") + " (")
                .endsWith(", credentials redacted");
    }

    @Test
    void theHttpClientSpansApiKeyIsRedactedInItsUrlAndItsCapturedHeader() {
        Map<String, JsonNode> attributes = attributes(spans.get("GET"));
        assertThat(attributes.get("url.full").path("stringValue").asString())
                .matches("http://127\\.0\\.0\\.1:[0-9]+/v0/evi/chat\\?config_id=1b60e1a0&api_key=REDACTED");
        assertThat(attributes.get("http.request.header.x-hume-api-key").path("arrayValue").path("values"))
                .singleElement().satisfies(v -> assertThat(v.path("stringValue").asString()).isEqualTo("REDACTED"));
        // Nowhere in what the agent printed: no span, no attribute, no log line.
        assertThat(output).doesNotContain(ApiOnlyApp.API_KEY);
    }

    @Test
    void theFailingSpanCarriesTheBillingCodeAndStatusError() {
        assertBillingSpan(spans.get("evi.chat"));
    }

    private static void assertBillingSpan(JsonNode span) {
        Map<String, JsonNode> attributes = attributes(span);
        assertThat(attributes.get("hume.code").path("stringValue").asString()).isEqualTo("E0300");
        assertThat(attributes.get("hume.category").path("stringValue").asString()).isEqualTo("billing");
        assertThat(attributes.get("hume.severity").path("stringValue").asString()).isEqualTo("critical");
        assertThat(attributes.get("hume.retryable").path("boolValue").asBoolean(true)).isFalse();
        // The description comes from the catalog file named by OTEL_HUME_CATALOG.
        assertThat(attributes.get("hume.description").path("stringValue").asString()).isEqualTo(RUNBOOK);
        List<String> codes = new ArrayList<>();
        attributes.get("hume.codes").path("arrayValue").path("values")
                .forEach(v -> codes.add(v.path("stringValue").asString()));
        // The exception event is read before the span's own attributes.
        assertThat(codes).containsExactly("E0300", "1011");
        // OTLP status code 2 is STATUS_CODE_ERROR.
        assertThat(span.path("status").path("code").asInt()).isEqualTo(2);
        assertThat(span.path("status").path("message").asString()).isEqualTo("E0300");
    }

    @Test
    void theSpanWithoutACodeIsLeftAsItWas() {
        JsonNode span = spans.get("evi.plain");
        assertThat(attributes(span)).doesNotContainKeys("hume.code", "hume.category", "hume.severity");
        assertThat(span.path("status").path("code").asInt(0)).isZero();
    }

    @Test
    void aDeclarativeConfigurationFileNamingHumecodesWorksUnderTheAgent() {
        assertThat(declarativeOutput).contains("ApiOnlyApp done").doesNotContain("humecodes: bad value");
        assertThat(declarativeSpans).as(declarativeOutput).containsOnlyKeys("evi.chat", "evi.plain", "GET");
        assertThat(attributes(declarativeSpans.get("GET")).get("url.full").path("stringValue").asString())
                .endsWith("/v0/evi/chat?config_id=1b60e1a0&api_key=REDACTED");
        // Nowhere in what the agent printed, metrics included (their exemplars are off: see the file).
        assertThat(declarativeOutput).doesNotContain(ApiOnlyApp.API_KEY);
        assertBillingSpan(declarativeSpans.get("evi.chat"));
        assertThat(attributes(declarativeSpans.get("evi.plain"))).doesNotContainKey("hume.code");
        assertThat(declarativeOutput.lines().filter(l -> l.contains("humecodes is active")))
                .singleElement().asString().contains("humecodes is active through declarative configuration: span"
                        + " processor, catalog " + dir.resolve("runbook-codes.json") + " (");
        // The counter, bound to the meter provider the file configures, counted the one coded span.
        List<String> points = new ArrayList<>();
        for (JsonNode resource : resources(declarativeOutput, "resourceMetrics")) {
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
        assertThat(points).as(declarativeOutput).isNotEmpty()
                .allSatisfy(p -> assertThat(p).isEqualTo("E0300 span = 1"));
    }
}
