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
import java.util.jar.JarFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ApiOnlyApp} under the OpenTelemetry Java agent with the agent extension jar, for the agent tests: starts
 * it, reads the OTLP JSON the agent prints, and checks the span that fails with a billing error.
 */
final class AgentApplication {
    /** The description of E0300 in the catalog override that {@link #writeCatalog} writes. */
    static final String RUNBOOK = "Out of credits: page the account admin (runbook billing-1).";

    private static final long TIMEOUT_SECONDS = 60;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AgentApplication() {}

    /** Writes {@code runbook-codes.json} in {@code dir}, a catalog override that rewords E0300; returns its path. */
    static Path writeCatalog(Path dir) throws IOException {
        Path catalog = dir.resolve("runbook-codes.json");
        Files.writeString(
                catalog,
                "{\"codes\":[{\"code\":\"E0300\",\"description\":\"" + RUNBOOK + "\"}]}",
                StandardCharsets.UTF_8);
        return catalog;
    }

    /**
     * The version of the agent under test, which the build names in {@code humecodes.agentVersion}: the version of
     * the agent jar it copied, as that jar's manifest says.
     */
    static String agentVersion() throws IOException {
        String version = System.getProperty("humecodes.agentVersion");
        assertThat(version).as("system property humecodes.agentVersion").isNotBlank();
        Path agent = Paths.get(System.getProperty("humecodes.agentTestDir"), "opentelemetry-javaagent.jar");
        try (JarFile jar = new JarFile(agent.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Implementation-Version"))
                    .as("the version of %s (left there by a run with another agent?)", agent)
                    .isEqualTo(version);
        }
        return version;
    }

    /**
     * Runs the application under the agent with {@code options} and {@code environment} (no other {@code OTEL_}
     * variable), its output kept in {@code dir}/{@code name}.log; returns its output.
     */
    static String run(Path dir, String name, List<String> options, Map<String, String> environment)
            throws IOException, InterruptedException {
        agentVersion(); // the agent jar there is the one the build names
        Path jars = Paths.get(System.getProperty("humecodes.agentTestDir"));
        Path extension = Paths.get(System.getProperty("humecodes.extensionJar"));
        assertThat(extension).isRegularFile();
        String classpath = String.join(
                File.pathSeparator,
                Paths.get(ApiOnlyApp.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .getPath())
                        .toString(),
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
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("OTEL_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished)
                .as("finished within %d s; output:%n%s", TIMEOUT_SECONDS, out)
                .isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    /** The spans of every OTLP JSON line in {@code output}, by name. */
    static Map<String, JsonNode> spans(String output) {
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
    static List<JsonNode> resources(String output, String field) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : output.split("\\R")) {
            int request = line.indexOf("{\"" + field + "\"");
            if (request >= 0) {
                JSON.readTree(line.substring(request)).path(field).forEach(out::add);
                continue;
            }
            if (line.contains("{\"resourceMetrics\"")
                    || line.contains("{\"resourceLogs\"")
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

    /** The OTLP JSON attributes of {@code item} (a span, a data point), by key. */
    static Map<String, JsonNode> attributes(JsonNode item) {
        Map<String, JsonNode> byKey = new HashMap<>();
        for (JsonNode a : item.path("attributes")) {
            byKey.put(a.path("key").asString(), a.path("value"));
        }
        return byKey;
    }

    /** {@code span}, the application's {@code evi.chat}, carries the billing code and status ERROR. */
    static void assertBillingSpan(JsonNode span) {
        Map<String, JsonNode> attributes = attributes(span);
        assertThat(attributes.get("hume.code").path("stringValue").asString()).isEqualTo("E0300");
        assertThat(attributes.get("hume.category").path("stringValue").asString())
                .isEqualTo("billing");
        assertThat(attributes.get("hume.severity").path("stringValue").asString())
                .isEqualTo("critical");
        assertThat(attributes.get("hume.retryable").path("boolValue").asBoolean(true))
                .isFalse();
        // The description comes from the catalog file named by OTEL_HUME_CATALOG.
        assertThat(attributes.get("hume.description").path("stringValue").asString())
                .isEqualTo(RUNBOOK);
        List<String> codes = new ArrayList<>();
        attributes
                .get("hume.codes")
                .path("arrayValue")
                .path("values")
                .forEach(v -> codes.add(v.path("stringValue").asString()));
        // The exception event is read before the span's own attributes.
        assertThat(codes).containsExactly("E0300", "1011");
        // OTLP status code 2 is STATUS_CODE_ERROR.
        assertThat(span.path("status").path("code").asInt()).isEqualTo(2);
        assertThat(span.path("status").path("message").asString()).isEqualTo("E0300");
    }
}
