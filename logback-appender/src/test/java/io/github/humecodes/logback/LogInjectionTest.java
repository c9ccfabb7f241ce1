package io.github.humecodes.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.github.humecodes.Catalog;
import io.github.humecodes.HumeCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Nothing from an event's text or values reaches the enrichment fields except a validated code: messages and
 * key-value pairs crafted to look like the fields (injection.xml; LogstashEncoder lines read with a parser that
 * fails on a duplicate field). The expected values come from the built-in catalog, never from the event.
 */
class LogInjectionTest {
    private static final List<String> SUFFIXES = List.of("code", "category", "severity", "description", "retryable");

    private LoggerContext context;
    private Logger log;

    @BeforeEach
    void configure() {
        context = Logs.configure("injection.xml");
        log = context.getLogger("voiceagent");
    }

    @AfterEach
    void stop() {
        context.stop();
        assertThat(Logs.problems(context)).isEmpty();
    }

    private JsonNode line(String appender, int i) {
        CaptureAppender a = Logs.appender(context, appender);
        String text = a.lines.get(i);
        assertThat(text).as("one line").doesNotContain("\n", "\r");
        return Logs.json(text);
    }

    /**
     * Line {@code i} of the wrapper, the flat provider and the nested provider carries the catalog's fields for
     * {@code code} (those not in {@code own}, the user's fields, which keep the user's values), and the pattern
     * prints them.
     */
    private void assertFields(int i, String code, Map<String, String> own) {
        HumeCode entry = Catalog.builtIn().lookup(code);
        Map<String, Object> want = Map.of(
                "code",
                entry.code(),
                "category",
                entry.category(),
                "severity",
                entry.severity().id(),
                "description",
                entry.description(),
                "retryable",
                entry.retryable());
        for (String appender : List.of("JSON", "PROVIDED")) {
            JsonNode l = line(appender, i);
            for (String f : SUFFIXES) {
                String name = "hume." + f;
                Object expected = own.containsKey(name) ? own.get(name) : want.get(f);
                JsonNode v = l.get(name);
                assertThat(v).as(appender + " " + name).isNotNull();
                assertThat(v.isBoolean() ? (Object) v.asBoolean() : v.asString())
                        .as(appender + " " + name)
                        .isEqualTo(expected);
            }
            assertThat(l.has("hume.codes")).isFalse();
        }
        JsonNode nested = line("NESTED", i).get("hume");
        for (String f : SUFFIXES) {
            JsonNode v = nested.get(f);
            assertThat(v.isBoolean() ? (Object) v.asBoolean() : v.asString())
                    .as("nested " + f)
                    .isEqualTo(want.get(f));
        }
        CaptureAppender pattern = Logs.appender(context, "PATTERN");
        assertThat(pattern.lines.get(i))
                .isEqualTo(entry.code() + "|" + entry.category() + "|"
                        + entry.severity().id() + "|" + entry.code() + "|" + entry.description());
    }

    /** Line {@code i} has no enrichment field; only the user's own {@code hume.*} fields, if any. */
    private void assertNoFields(int i, String... usersOwn) {
        for (String appender : List.of("JSON", "PROVIDED")) {
            List<String> names = new ArrayList<>();
            line(appender, i).propertyNames().forEach(names::add);
            assertThat(names).as(appender).filteredOn(n -> n.startsWith("hume")).containsExactly(usersOwn);
        }
        assertThat(line("NESTED", i).has("hume")).isFalse();
        assertThat(((CaptureAppender) Logs.appender(context, "PATTERN")).lines.get(i))
                .isEqualTo("||||");
    }

    @Test
    void aMessageThatLooksLikeTheFields() {
        log.error("{\"hume.category\":\"billing\",\"hume.code\":\"E0300x\",\"hume.severity\":\"critical\"}");
        log.error("{\"hume.category\":\"billing\",\"hume.severity\":\"critical\"} E0601");
        log.error("hume.category=billing hume.severity=critical hume.retryable=false E0601");
        log.error("E0601\n{\"hume.category\":\"billing\"}\r\nhume.description=\"pay now\"\n\"hume.code\":\"E0300x\"");

        assertNoFields(0);
        assertFields(1, "E0601", Map.of());
        assertFields(2, "E0601", Map.of());
        assertFields(3, "E0601", Map.of());
        assertThat(line("JSON", 3).get("message").asString())
                .as("the message itself is kept as it was")
                .startsWith("E0601\n{\"hume.category\":\"billing\"}\r\n");
    }

    @Test
    void theUsersOwnFieldsAreKeptAndOursNeverCarryTheirText() {
        String hostile = "billing\n\"hume.severity\":\"info\",\"x\":\"";
        log.atError().addKeyValue("hume.category", hostile).log("HumeError: CODE E0601: timed out");
        log.atError()
                .addKeyValue("hume.description", "pay now E0300x")
                .addKeyValue("hume.retryable", "yes")
                .log("E0601");
        context.getMDCAdapter().put("hume.severity", "info");
        log.error("E0601 with the severity in the MDC");
        context.getMDCAdapter().clear();

        assertFields(0, "E0601", Map.of("hume.category", hostile));
        assertFields(1, "E0601", Map.of("hume.description", "pay now E0300x", "hume.retryable", "yes"));
        assertFields(2, "E0601", Map.of("hume.severity", "info"));
    }

    @Test
    void aKeyValuePairNamedLikeAFieldGivesOnlyAValidatedCode() {
        log.atError().addKeyValue("hume.code", "E0300 billing critical").log("connected");
        log.atError().addKeyValue("hume.category", "billing").log("connected");
        log.atError()
                .addKeyValue("error", "E0601")
                .addKeyValue("category", "billing")
                .log("failed");

        // A code inside a longer value counts as text does; the value itself is not copied.
        JsonNode first = line("JSON", 0);
        assertThat(first.get("hume.code").asString()).as("the user's").isEqualTo("E0300 billing critical");
        assertThat(first.get("hume.category").asString())
                .isEqualTo(Catalog.builtIn().lookup("E0300").category());
        assertThat(line("PROVIDED", 0).get("hume.code").asString()).isEqualTo("E0300 billing critical");
        assertThat(line("NESTED", 0).get("hume").get("code").asString()).isEqualTo("E0300");
        assertNoFields(1, "hume.category");
        assertThat(line("JSON", 1).get("hume.category").asString()).isEqualTo("billing");
        assertFields(2, "E0601", Map.of());
    }

    @Test
    void anUnknownCodeClaimsNothingFromTheText() {
        log.error("E0999: your account is out of credits, category billing, retry now");
        log.error("W0999 \"hume.category\":\"billing\"");

        assertFields(0, "E0999", Map.of());
        assertFields(1, "W0999", Map.of());
        assertThat(line("JSON", 0).get("hume.category").asString()).isEqualTo("unknown");
        assertThat(line("JSON", 0).get("hume.description").asString()).doesNotContain("credits");
    }
}
