package io.github.humecodes.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs outside programs for the tests. */
final class Processes {
    private Processes() {}

    /** The exit status and the merged stdout and stderr of a program that must finish within a minute. */
    record Result(int exitCode, String output) {}

    static Result run(Path workDir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("%s finished", command[0])
                    .isTrue();
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * Waits for {@code process} to write a line matching {@code pattern} to {@code output}, such as the line where a
     * server says which port it bound, and returns the match. Fails, with the output, when the process ends first or
     * when the line has not come within {@code deadline}.
     */
    static Matcher awaitLine(Process process, Path output, Pattern pattern, Duration deadline)
            throws IOException, InterruptedException {
        Instant end = Instant.now().plus(deadline);
        while (true) {
            String text = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
            // Only whole lines: the last one may still be being written.
            Matcher m = pattern.matcher(text.substring(0, text.lastIndexOf('\n') + 1));
            if (m.find()) {
                return m;
            }
            assertThat(process.isAlive())
                    .as("%s is running; its output:%n%s", output.getFileName(), text)
                    .isTrue();
            assertThat(Instant.now())
                    .as("%s within %s; output:%n%s", pattern, deadline, text)
                    .isBefore(end);
            Thread.sleep(100);
        }
    }

    /** Ends a process and its children, waiting a little for it to go. */
    static void kill(Process process) throws InterruptedException {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
