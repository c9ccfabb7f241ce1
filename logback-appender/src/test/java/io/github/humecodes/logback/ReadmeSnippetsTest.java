package io.github.humecodes.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import io.github.humecodes.CredentialRenderings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The JSON snippets of the README and docs/logback.md, as users copy them: file appenders writing JSON lines. */
class ReadmeSnippetsTest {
    private static final String KEY = CredentialRenderings.KEY;

    @TempDir
    Path dir;

    private List<String> run(String resource) throws Exception {
        LoggerContext context = Logs.configure(resource, Map.of("LOG_DIR", dir.toString()));
        context.getLogger("voiceagent").error("EVI Error: Code=E0715, Slug=max_duration_timeout");
        context.getLogger("voiceagent").info("connected");
        context.getLogger("voiceagent").info("connecting to wss://api.hume.ai/v0/evi/chat?api_key=" + KEY);
        List<String> problems = Logs.problems(context);
        context.stop();
        assertThat(problems).isEmpty();
        return Files.readAllLines(dir.resolve("app.jsonl"));
    }

    @Test
    void theAppenderInFrontOfALogstashEncoderAppender() throws Exception {
        List<String> lines = run("readme-appender.xml");
        JsonNode first = Logs.json(lines.get(0));
        assertThat(first.get("hume.code").asString()).isEqualTo("E0715");
        assertThat(first.get("hume.category").asString()).isEqualTo("session");
        assertThat(first.get("hume.severity").asString()).isEqualTo("info");
        assertThat(Logs.json(lines.get(1)).has("hume.code")).isFalse();
        assertThat(Logs.json(lines.get(2)).get("message").asString())
                .isEqualTo("connecting to wss://api.hume.ai/v0/evi/chat?api_key=REDACTED");
    }

    @Test
    void theValueMaskerOfTheEncoderOnTheClassPath() throws Exception {
        boolean jackson3 = System.getProperty("humecodes.lle.version").startsWith("9.");
        List<String> lines = run(jackson3 ? "readme-masker.xml" : "readme-masker-jackson2.xml");
        assertThat(Logs.json(lines.get(0)).get("message").asString())
                .isEqualTo("EVI Error: Code=E0715, Slug=max_duration_timeout");
        assertThat(Logs.json(lines.get(2)).get("message").asString())
                .isEqualTo("connecting to wss://api.hume.ai/v0/evi/chat?api_key=REDACTED");
    }

    @Test
    void theProviderInsideTheEncoder() throws Exception {
        List<String> lines = run("readme-provider.xml");
        JsonNode first = Logs.json(lines.get(0));
        assertThat(first.get("hume.code").asString()).isEqualTo("E0715");
        assertThat(first.get("hume.category").asString()).isEqualTo("session");
        assertThat(first.get("hume.retryable").asBoolean()).isFalse();
        assertThat(Logs.json(lines.get(1)).has("hume.code")).isFalse();
    }

    @Test
    void theReadmeAndTheLogbackPageShowTheseFilesAsTheyAre() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String page = Files.readString(Path.of("..", "docs", "logback.md"));
        assertThat(readme).contains(block("readme-appender.xml"));
        for (String name : List.of(
                "readme-appender.xml",
                "readme-provider.xml",
                "readme-converter.xml",
                "readme-turbo.xml",
                "readme-masker.xml",
                "readme-masker-jackson2.xml")) {
            assertThat(page).as(name).contains(block(name));
        }
    }

    private static String block(String resource) throws Exception {
        return "```xml\n"
                + Files.readString(Path.of("src", "test", "resources", resource))
                        .strip() + "\n```";
    }
}
