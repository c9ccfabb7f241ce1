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
 * agent extension jar, and reads the spans the agent's {@code logging-otlp} exporter prints as OTLP JSON.
 * Nothing leaves the machine: every exporter is either that one or {@code none}.
 */
class AgentExtensionIT {
    private static final long TIMEOUT_SECONDS = 60;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RUNBOOK = "Out of credits: page the account admin (runbook billing-1).";

    @TempDir
    static Path dir;
    private static String output;
    private static Map<String, JsonNode> spans;

    @BeforeAll
    static void runTheApplicationUnderTheAgent() throws IOException, InterruptedException {
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
                "-Dotel.javaagent.extensions=" + extension,
                "-Dotel.service.name=humecodes-agent-it",
                "-Dotel.traces.exporter=logging-otlp",
                "-Dotel.metrics.exporter=none",
                "-Dotel.logs.exporter=none",
                "-cp", classpath,
                ApiOnlyApp.class.getName()));
        Path log = dir.resolve("app.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("OTEL_"));
        // Set through the environment, as in a container: a catalog override that rewords E0300.
        Path catalog = dir.resolve("runbook-codes.json");
        Files.writeString(catalog, "{\"codes\":[{\"code\":\"E0300\",\"description\":\"" + RUNBOOK + "\"}]}",
                StandardCharsets.UTF_8);
        builder.environment().put("OTEL_HUME_CATALOG", catalog.toString());
        Process process = builder.start();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("finished within %d s; output:%n%s", TIMEOUT_SECONDS, output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        spans = spans(output);
    }

    /** The spans of every OTLP JSON line in {@code output}, by name. */
    private static Map<String, JsonNode> spans(String output) {
        Map<String, JsonNode> byName = new HashMap<>();
        for (String line : output.split("\\R")) {
            int json = line.indexOf("{\"resource\"");
            if (json < 0) {
                continue;
            }
            for (JsonNode scope : JSON.readTree(line.substring(json)).path("scopeSpans")) {
                for (JsonNode span : scope.path("spans")) {
                    byName.put(span.path("name").asString(), span);
                }
            }
        }
        return byName;
    }

    private static Map<String, JsonNode> attributes(JsonNode span) {
        Map<String, JsonNode> byKey = new HashMap<>();
        for (JsonNode a : span.path("attributes")) {
            byKey.put(a.path("key").asString(), a.path("value"));
        }
        return byKey;
    }

    @Test
    void theAgentLoadedTheExtensionAndExportedBothSpans() {
        assertThat(output).contains("ApiOnlyApp done").doesNotContain("humecodes: bad value");
        assertThat(spans).as(output).containsOnlyKeys("evi.chat", "evi.plain");
    }

    @Test
    void theFailingSpanCarriesTheBillingCodeAndStatusError() {
        JsonNode span = spans.get("evi.chat");
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
}
