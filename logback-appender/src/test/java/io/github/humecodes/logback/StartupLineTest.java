package io.github.humecodes.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * When humecodes components start, one INFO status per logger context says that humecodes is active, with the
 * catalog in use and its number of codes: one line for each catalog, not one for each component
 * (startup.xml: four components on the built-in catalog, two on an override file).
 */
class StartupLineTest {
    private static List<String> startupLines(LoggerContext context) {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getMessage().startsWith("humecodes is active"))
                .peek(s -> assertThat(s.getLevel()).isEqualTo(Status.INFO))
                .map(Status::getMessage)
                .collect(Collectors.toList());
    }

    /** The codes of a catalog file, read here as JSON, not through the catalog's reader. */
    private static Set<String> codes(InputStream json) throws Exception {
        Set<String> codes = new HashSet<>();
        try (InputStream in = json) {
            for (JsonNode entry : Logs.JSON.readTree(in).get("codes")) {
                codes.add(entry.get("code").asString());
            }
        }
        return codes;
    }

    @Test
    void oneLinePerCatalogAndContextWithItsSize() throws Exception {
        Path override = Path.of(getClass().getResource("/catalog-override.json").toURI());
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        io.github.humecodes.Catalog.builtIn().writeJson(written);
        Set<String> builtIn = codes(new java.io.ByteArrayInputStream(written.toByteArray()));
        Set<String> merged = new HashSet<>(builtIn);
        merged.addAll(codes(getClass().getResourceAsStream("/catalog-override.json")));
        assertThat(merged.size()).as("the override file adds a code").isEqualTo(builtIn.size() + 1);

        LoggerContext context = Logs.configure("startup.xml", Map.of("CATALOG", override.toString()));
        List<String> expected = List.of(
                "humecodes is active: the built-in catalog, " + builtIn.size() + " codes",
                "humecodes is active: catalog " + override + " (over the built-in one), " + merged.size() + " codes");
        assertThat(startupLines(context)).containsExactlyElementsOf(expected);

        // Another context says it again; so does this one when it is configured afresh.
        LoggerContext other = Logs.configure("startup.xml", Map.of("CATALOG", override.toString()));
        assertThat(startupLines(other)).containsExactlyElementsOf(expected);
        context.reset();
        context.getStatusManager().clear();
        context.putProperty("CATALOG", override.toString());
        JoranConfigurator again = new JoranConfigurator();
        again.setContext(context);
        again.doConfigure(getClass().getResource("/startup.xml"));
        assertThat(startupLines(context)).containsExactlyElementsOf(expected);
        context.stop();
        other.stop();
    }
}
