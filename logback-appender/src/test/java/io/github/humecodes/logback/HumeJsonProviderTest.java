package io.github.humecodes.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The provider inside LogstashEncoder and a composite encoder, configured from provider.xml: on
 * logstash-logback-encoder 9.x (Jackson 3), and with {@code -Dlle.line=8} on 8.x (Jackson 2), classes unchanged.
 */
class HumeJsonProviderTest {
    private LoggerContext context;
    private Logger log;

    @BeforeEach
    void configure() throws Exception {
        String catalog = Path.of(
                        getClass().getResource("/catalog-override.json").toURI())
                .toString();
        context = Logs.configure("provider.xml", Map.of("CATALOG", catalog));
        log = context.getLogger("voiceagent");
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private JsonNode line(String appender, int i) {
        CaptureAppender a = Logs.appender(context, appender);
        return Logs.json(a.lines.get(i));
    }

    @Test
    void flatWithTheDefaultPrefix() {
        log.error("EVI Error: Code=E0715, then E0300");
        log.info("nothing");

        JsonNode l = line("FLAT", 0);
        assertThat(l.get("hume.code").asString()).isEqualTo("E0300");
        assertThat(l.get("hume.category").asString()).isEqualTo("billing");
        assertThat(l.get("hume.severity").asString()).isEqualTo("critical");
        assertThat(l.get("hume.description").asString()).startsWith("The account has run out of credits");
        assertThat(l.get("hume.retryable").isBoolean()).isTrue();
        assertThat(l.get("hume.codes").toString()).isEqualTo("[\"E0715\",\"E0300\"]");
        assertThat(line("FLAT", 1).has("hume.code")).isFalse();
    }

    @Test
    void ownPrefixCatalogAndMdc() {
        HumeJsonProvider fresh = new HumeJsonProvider();
        assertThat(fresh.getFieldPrefix()).isEqualTo("hume.");
        assertThat(fresh.getFieldName()).isNull();
        assertThat(fresh.getMaxScanChars()).isEqualTo(65536);
        assertThat(fresh.isScanMdc()).isFalse();

        log.warn("HumeError: CODE E0601: timed out");
        context.getMDCAdapter().put("chat", "closed with status 1011");
        log.warn("socket gone");
        context.getMDCAdapter().clear();
        log.warn("x".repeat(100) + " E0300");

        assertThat(line("PREFIXED", 0).get("hume_severity").asString()).isEqualTo("error");
        assertThat(line("PREFIXED", 1).get("hume_code").asString()).isEqualTo("1011");
        assertThat(line("FLAT", 1).has("hume.code"))
                .as("MDC not scanned by default")
                .isFalse();
        assertThat(line("PREFIXED", 2).has("hume_code")).isFalse();
        assertThat(line("FLAT", 2).get("hume.code").asString()).isEqualTo("E0300");
    }

    @Test
    void nestedUnderOneObject() {
        log.error("Error (E0705): Custom language model disconnected.");

        JsonNode l = line("NESTED", 0);
        assertThat(l.has("hume.code")).isFalse();
        JsonNode hume = l.get("hume");
        assertThat(hume.get("code").asString()).isEqualTo("E0705");
        assertThat(hume.get("category").asString()).isEqualTo("custom_llm");
        assertThat(hume.get("severity").asString()).isEqualTo("error");
        assertThat(hume.get("retryable").asBoolean()).isFalse();
        assertThat(hume.has("codes")).isFalse();
    }

    @Test
    void inACompositeEncoderBadValuesAreReported() {
        log.error("hume(E0203): too long");

        JsonNode l = line("COMPOSITE", 0);
        assertThat(l.get("message").asString()).isEqualTo("hume(E0203): too long");
        assertThat(l.get("hume.code").asString()).isEqualTo("E0203");
        assertThat(l.has("extra"))
                .as("the inherited pattern property is not used")
                .isFalse();
        assertThat(Logs.errors(context))
                .contains("HumeJsonProvider: maxScanChars must be a positive number, was -5; using 65536");
        assertThat(Logs.problems(context))
                .contains("HumeJsonProvider: pattern is not used (the provider writes the Hume fields only)");
    }

    @Test
    void outsideAnEncoderItReportsOnceAndStaysOff() {
        HumeJsonProvider alone = new HumeJsonProvider(); // no encoder has given it its Jackson
        alone.setContext(context);
        alone.start();

        assertThat(alone.isStarted()).isFalse();
        assertThat(Logs.errors(context))
                .filteredOn(m -> m.startsWith("HumeJsonProvider must be inside a"))
                .hasSize(1);
    }

    @Test
    void fieldsAlreadyOnTheEventAreNotWrittenAgain() {
        log.atError().addKeyValue("hume.category", "mine").log("E0300");

        JsonNode own = line("FLAT", 0); // strict parser: a duplicate field fails
        assertThat(own.get("hume.category").asString()).isEqualTo("mine");
        assertThat(own.get("hume.code").asString()).isEqualTo("E0300");

        JsonNode behind = line("BEHIND_WRAPPER", 0);
        assertThat(behind.get("hume.code").asString()).isEqualTo("E0300");
        assertThat(behind.get("hume.category").asString()).isEqualTo("mine");
    }
}
