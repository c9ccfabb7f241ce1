package io.github.humecodes.spring;

import static io.github.humecodes.spring.BootApp.HUME_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spring Boot's structured console and file formats ({@code logging.structured.format.*}) with nothing but the
 * starter: the JSON lines Spring Boot writes carry the fields, each once, and the counter counts the event once.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTest {
    private static final String E0300 = "hume(E0300): You have run out of credits.";

    @Test
    void logstashLinesCarryTheFieldsAndTheCounterCountsOnce(CapturedOutput output) {
        try (ConfigurableApplicationContext app = BootApp.run("--logging.structured.format.console=logstash")) {
            HUME_CLIENT.error("[logstash-1] " + E0300);
            HUME_CLIENT.info("[logstash-2] session started");

            JsonNode coded = single(output, "[logstash-1]");
            assertThat(coded.get("hume.code").asText()).isEqualTo("E0300");
            assertThat(coded.get("hume.category").asText()).isEqualTo("billing");
            assertThat(coded.get("hume.severity").asText()).isEqualTo("critical");
            assertThat(coded.get("hume.retryable").isBoolean()).isTrue();
            assertThat(coded.get("hume.description").asText()).contains("credits");
            assertThat(coded.has("hume.codes")).isFalse(); // only when several codes
            assertThat(coded.get("message").asText()).isEqualTo("[logstash-1] " + E0300);
            assertThat(coded.get("level").asText()).isEqualTo("ERROR");

            JsonNode plain = single(output, "[logstash-2]");
            assertThat(plain.fieldNames()).toIterable().noneMatch(name -> name.startsWith("hume."));

            assertThat(count(app, "E0300")).isEqualTo(1.0);
            BootApp.assertNoLogbackErrors();
        }
    }

    @Test
    void ecsNestsTheFieldsUnderHume(CapturedOutput output) {
        try (ConfigurableApplicationContext app = BootApp.run("--logging.structured.format.console=ecs")) {
            HUME_CLIENT.warn("[ecs-1] EVI Error: Code=E0715, Slug=max_duration_timeout, Message=chat too long;"
                    + " then CloseStatus[code=1011, reason=internal]");

            JsonNode hume = single(output, "[ecs-1]").get("hume");
            assertThat(hume.get("code").asText()).isEqualTo("1011"); // error outranks E0715's info
            assertThat(hume.get("category").asText()).isEqualTo("connection");
            assertThat(hume.get("retryable").asBoolean()).isTrue();
            assertThat(hume.get("codes")).extracting(JsonNode::asText).containsExactly("E0715", "1011");
            assertThat(count(app, "1011")).isEqualTo(1.0);
        }
    }

    @Test
    void gelfWritesTheFieldsAsAdditionalFields(CapturedOutput output) {
        try (ConfigurableApplicationContext app =
                BootApp.run("--logging.structured.format.console=gelf", "--logging.structured.gelf.host=voice-agent")) {
            HUME_CLIENT.error("[gelf-1] HumeError: CODE W0103: no faces detected");

            JsonNode line = single(output, "[gelf-1]");
            assertThat(line.get("_hume.code").asText()).isEqualTo("W0103");
            assertThat(line.get("_hume.category").asText()).isEqualTo("no_result");
            assertThat(line.get("_hume.severity").asText()).isEqualTo("info");
        }
    }

    @Test
    void fileAndConsoleBothCarryTheFieldsAndTheEventIsCountedOnce(CapturedOutput output, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("app.log");
        try (ConfigurableApplicationContext app = BootApp.run(
                "--logging.structured.format.console=logstash",
                "--logging.structured.format.file=logstash",
                "--logging.file.name=" + file)) {
            HUME_CLIENT.error("[file-1] " + E0300);

            assertThat(single(output, "[file-1]").get("hume.code").asText()).isEqualTo("E0300");
            String written = Files.readString(file, StandardCharsets.UTF_8);
            List<JsonNode> fromFile = BootApp.jsonLines(written, "[file-1]");
            assertThat(fromFile).hasSize(1);
            assertThat(fromFile.get(0).get("hume.category").asText()).isEqualTo("billing");
            assertThat(count(app, "E0300")).isEqualTo(1.0);
        }
    }

    private static JsonNode single(CapturedOutput output, String marker) {
        List<JsonNode> lines = BootApp.jsonLines(output.getOut(), marker);
        assertThat(lines)
                .as("JSON lines holding %s in:%n%s", marker, output.getOut())
                .hasSize(1);
        return lines.get(0);
    }

    static double count(ConfigurableApplicationContext app, String code) {
        return app.getBean(MeterRegistry.class)
                .get("hume.codes")
                .tag("hume.code", code)
                .tag("hume.signal", "log")
                .counter()
                .count();
    }
}
