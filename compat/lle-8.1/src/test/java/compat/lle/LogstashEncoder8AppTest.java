package compat.lle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The application runs once; the tests read its two JSON files with its own Jackson 2. */
class LogstashEncoder8AppTest {
    private static final String RUNBOOK = "Out of credits: page the account admin (runbook billing-1).";
    /** Rejects a line that names a field twice. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static List<String> statuses;
    private static List<JsonNode> provider;
    private static List<JsonNode> enriched;

    @BeforeAll
    static void runTheApplication() throws Exception {
        App.chat();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        statuses = new ArrayList<>();
        for (Status status : context.getStatusManager().getCopyOfStatusList()) {
            if (status.getLevel() >= Status.WARN) {
                statuses.add(status.toString());
            }
        }
        context.stop();
        provider = read("provider.jsonl");
        enriched = read("enriched.jsonl");
    }

    private static List<JsonNode> read(String file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(System.getProperty("compat.out"), file), StandardCharsets.UTF_8)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void theEncoderIsVersion8OnJackson2AndThereIsNoJackson3() throws Exception {
        assertEquals(System.getProperty("compat.lle.version"), pomVersion(LogstashEncoder.class,
                "net.logstash.logback/logstash-logback-encoder"));
        assertTrue(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMajorVersion() == 2);
        assertThrows(ClassNotFoundException.class, () -> Class.forName("tools.jackson.core.JsonGenerator"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("tools.jackson.databind.ObjectMapper"));
        assertTrue(statuses.isEmpty(), () -> "Logback reported: " + statuses);
    }

    /** The version in the pom.properties of the jar that holds {@code type}. */
    private static String pomVersion(Class<?> type, String groupAndArtifact) throws Exception {
        Properties pom = new Properties();
        try (InputStream in = type.getResourceAsStream("/META-INF/maven/" + groupAndArtifact + "/pom.properties")) {
            pom.load(in);
        }
        return pom.getProperty("version");
    }

    @Test
    void theProviderWritesTheFieldsIntoTheEncodersJson() {
        assertBillingFields(provider);
    }

    @Test
    void theEnrichingAppenderHandsThemToAPlainEncoderAsKeyValuePairs() {
        assertBillingFields(enriched);
    }

    private static void assertBillingFields(List<JsonNode> lines) {
        assertEquals(2, lines.size(), lines::toString);
        JsonNode failure = lines.get(0);
        assertEquals("chat failed chat_id=c-42", failure.path("message").asText());
        assertEquals("c-42", failure.path("chat_id").asText());
        assertEquals("E0300", failure.path("hume.code").asText(), failure::toString);
        assertEquals("billing", failure.path("hume.category").asText());
        assertEquals("critical", failure.path("hume.severity").asText());
        assertEquals(RUNBOOK, failure.path("hume.description").asText());
        assertTrue(failure.path("hume.retryable").isBoolean(), failure::toString);
        assertFalse(failure.path("hume.retryable").asBoolean());
        assertTrue(failure.path("stack_trace").asText().contains("E0300"));

        JsonNode plain = lines.get(1);
        assertEquals("chat closed normally", plain.path("message").asText());
        plain.fieldNames().forEachRemaining(name -> assertFalse(name.startsWith("hume."), plain::toString));
    }
}
