package io.github.humecodes.examples;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Finds outside programs (promtool, prometheus) on the PATH for the tests that run them. */
final class ExternalTools {
    static final String REQUIRE_TOOLS = "HUMECODES_REQUIRE_TOOLS";

    private ExternalTools() {}

    /**
     * The program's path. When it is missing the test is skipped with a message saying so, or fails when the
     * environment variable HUMECODES_REQUIRE_TOOLS is {@code true} (as in CI).
     */
    static Path require(String program) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        String message =
                program + " is not on the PATH: install Prometheus (apt-get install prometheus) to run this test";
        if ("true".equalsIgnoreCase(System.getenv(REQUIRE_TOOLS))) {
            fail(message + " (" + REQUIRE_TOOLS + "=true makes its absence a failure)");
        }
        Assumptions.abort("skipped: " + message);
        throw new AssertionError("unreachable");
    }
}
