package io.github.humecodes.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo run as a child JVM ({@code java -cp <test class path> Demo}), as a user runs it, so that its
 * Logback and OpenTelemetry set-up is its own. One finished run is shared by every test class of the module.
 */
final class DemoRun {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long FINISH_SECONDS = 120;
    private static DemoRun shared;

    final Path out;
    final String console;
    final List<JsonNode> logs;
    final List<JsonNode> spans;

    private DemoRun(Path out, String console) throws IOException {
        this.out = out;
        this.console = console;
        this.logs = readJsonLines(out.resolve(Demo.LOGS_FILE));
        this.spans = readJsonLines(out.resolve(Demo.SPANS_FILE));
    }

    /** The demo's default run (seed 42, no metrics port, no linger), run once per test JVM. */
    static synchronized DemoRun shared() throws Exception {
        if (shared == null) {
            Path dir = Files.createTempDirectory(Path.of("target"), "demo-run-").toAbsolutePath();
            Path out = dir.resolve("humecodes-demo");
            Process process = start(dir, "--out", out.toString());
            try {
                assertThat(process.waitFor(FINISH_SECONDS, TimeUnit.SECONDS))
                        .as("demo finished")
                        .isTrue();
                String console = Files.readString(dir.resolve("console.txt"), StandardCharsets.UTF_8);
                assertThat(process.exitValue())
                        .as("demo exit status; console:%n%s", console)
                        .isZero();
                shared = new DemoRun(out, console);
            } finally {
                process.destroyForcibly();
            }
        }
        return shared;
    }

    /** Starts the demo in {@code dir} with these arguments; stdout and stderr go to dir/console.txt. */
    static Process start(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Demo.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.txt").toFile())
                .start();
    }

    static List<JsonNode> readJsonLines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    /** The log lines whose field has this value. */
    List<JsonNode> logsWhere(String field, String value) {
        return logs.stream()
                .filter(l -> value.equals(l.path(field).asString(null)))
                .toList();
    }
}
