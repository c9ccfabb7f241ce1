package io.github.humecodes.spring;

import static io.github.humecodes.spring.BootApp.HUME_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.humecodes.logback.HumeTurboFilter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code humecodes.*} properties: their metadata for IDEs, a bad value reported at start-up with the file and line
 * that set it while the application starts with the default, and a catalog override file.
 */
@ExtendWith(OutputCaptureExtension.class)
class PropertiesTest {

    @Test
    void metadataNamesEveryPropertyOfTheDesign() throws IOException {
        List<String> names = new ArrayList<>();
        JsonNode hints = null;
        for (URL url : Collections.list(
                getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JsonNode metadata = new ObjectMapper().readTree(in);
                for (JsonNode property : metadata.path("properties")) {
                    if (property.get("name").asText().startsWith("humecodes.")) {
                        names.add(property.get("name").asText());
                    }
                }
                for (JsonNode hint : metadata.path("hints")) {
                    if (hint.get("name").asText().equals("humecodes.logback.force-log-severity")) {
                        hints = hint;
                    }
                }
            }
        }
        assertThat(names)
                .containsExactlyInAnyOrder(
                        "humecodes.enabled",
                        "humecodes.catalog",
                        "humecodes.max-scan-chars",
                        "humecodes.redact-credentials",
                        "humecodes.logback.enrich",
                        "humecodes.logback.force-log-severity",
                        "humecodes.logback.max-repeats",
                        "humecodes.logback.repeat-window",
                        "humecodes.metrics.enabled",
                        "humecodes.otel.mark-error-status");
        assertThat(hints).isNotNull();
        assertThat(hints.get("values"))
                .extracting(value -> value.get("value").asText())
                .containsExactly("critical", "error", "warning", "info", "off");
    }

    @Test
    void badValuesAreReportedWithTheirFileAndTheApplicationStarts(CapturedOutput output) {
        try (ConfigurableApplicationContext app =
                BootApp.run("--spring.config.location=classpath:bad-values.properties")) {
            HUME_CLIENT.debug("[bad-1] hume(E0300): out of credits"); // forceLogSeverity fell back to critical

            String file = "class path resource [bad-values.properties]";
            assertThat(output.getOut())
                    .contains("humecodes: bad value for humecodes.max-scan-chars = 'many' (" + file
                            + " - 2:26): is not a whole number; using 65536");
            assertThat(output.getOut())
                    .contains("humecodes: bad value for humecodes.logback.max-repeats = '-3' (" + file
                            + " - 3:31): must be 0 (off) or a positive number; using 0");
            assertThat(output.getOut())
                    .contains("humecodes: bad value for humecodes.logback.force-log-severity =" + " 'loud' (" + file
                            + " - 4:38): must be critical, error, warning, info or off; using critical");
            assertThat(output.getOut())
                    .contains("humecodes: bad value for humecodes.logback.repeat-window =" + " 'a while' (" + file
                            + " - 5:33): is not a duration such as 30s or 1m; using 1m");
            assertThat(output.getOut())
                    .contains("humecodes: bad value for humecodes.catalog = 'no/such/catalog.json'"
                            + " (" + file + " - 6:19): no/such/catalog.json: catalog file not found; using the built-in"
                            + " catalog");
            assertThat(BootApp.lines(output.getOut(), "[bad-1]")).hasSize(1);
            assertThat(app.getBean(HumeCodesSettings.class).maxScanChars).isEqualTo(65536);
            BootApp.assertNoLogbackErrors();
        }
    }

    @Test
    void aCatalogOverrideReachesEveryComponent(CapturedOutput output, @TempDir Path dir) throws IOException {
        Path catalog = dir.resolve("catalog.json");
        Files.writeString(
                catalog,
                "{\"codes\": [{\"code\": \"E0999\", \"category\": \"billing\","
                        + " \"severity\": \"critical\", \"description\": \"A code of our own.\"}]}");
        try (ConfigurableApplicationContext app =
                BootApp.run("--humecodes.catalog=" + catalog, "--logging.structured.format.console=logstash")) {
            HUME_CLIENT.debug("[catalog-1] hume(E0999): our own");

            List<JsonNode> lines = BootApp.jsonLines(output.getOut(), "[catalog-1]");
            assertThat(lines).hasSize(1); // forced: the turbo filter knows it as critical
            assertThat(lines.get(0).get("hume.category").asText()).isEqualTo("billing");
            assertThat(StructuredLoggingTest.count(app, "E0999")).isEqualTo(1.0);
            assertThat(BootApp.loggerContext().getTurboFilterList())
                    .filteredOn(HumeTurboFilter.class::isInstance)
                    .extracting(filter -> ((HumeTurboFilter) filter).getCatalog())
                    .containsExactly(catalog.toString());
        }
    }
}
