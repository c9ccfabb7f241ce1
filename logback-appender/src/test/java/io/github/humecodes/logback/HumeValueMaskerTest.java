package io.github.humecodes.logback;

import static io.github.humecodes.CredentialRenderings.KEY;
import static io.github.humecodes.CredentialRenderings.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.github.humecodes.CredentialRenderings;
import io.github.humecodes.CredentialRenderings.Case;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The value maskers inside logstash-logback-encoder's own masking decorator, on whichever line the build runs
 * (9.x: {@link HumeValueMasker}, masker-9.xml; 8.x with {@code -Dlle.line=8}: {@link HumeJackson2ValueMasker},
 * masker-8.xml). Each line is compared with the same event's line from the encoder without the masker: the same
 * bytes but for {@code REDACTED}.
 */
class HumeValueMaskerTest {
    private static final String HUME_MARK = "POST https://api.hume.ai/oauth2-cc/token returned 401";

    private LoggerContext context;
    private Logger log;
    private CaptureAppender masked;
    private CaptureAppender plain;

    private static boolean jackson3Line() {
        return System.getProperty("humecodes.lle.version").startsWith("9.");
    }

    private void configure(Map<String, String> properties) {
        context = Logs.configure(jackson3Line() ? "masker-9.xml" : "masker-8.xml", properties);
        masked = Logs.appender(context, "MASKED");
        plain = Logs.appender(context, "PLAIN");
        log = context.getLogger("voiceagent.http");
    }

    private void configure() {
        configure(Map.of());
        assertThat(Logs.problems(context)).isEmpty();
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    static Stream<Case> maskedAnywhere() {
        return Stream.concat(CredentialRenderings.anywhere().stream(), CredentialRenderings.inHumeUrls().stream());
    }

    private static String escaped(String s) {
        String quoted = Logs.JSON.writeValueAsString(s);
        return quoted.substring(1, quoted.length() - 1);
    }

    private static <T> T last(List<T> items) {
        return items.get(items.size() - 1);
    }

    private void assertLastLine(String text, String expected) {
        String plainLine = last(plain.lines);
        assertThat(plainLine).as("the text is in the plain line").contains(escaped(text));
        assertThat(last(masked.lines)).isEqualTo(plainLine.replace(escaped(text), escaped(expected)));
    }

    @ParameterizedTest
    @MethodSource("maskedAnywhere")
    void inTheMessageTheStackTraceKeyValueAndMdcValues(Case c) {
        configure();
        log.info(c.text());
        assertLastLine(c.text(), c.expected());
        log.error(
                "call failed",
                new RuntimeException("request failed: " + c.text(), new IllegalStateException(c.text())));
        assertLastLine(c.text(), c.expected());
        log.atInfo().addKeyValue("request", c.text()).log("sent");
        assertLastLine(c.text(), c.expected());
        context.getMDCAdapter().put("request", c.text());
        try {
            log.info("sent");
        } finally {
            context.getMDCAdapter().clear();
        }
        assertLastLine(c.text(), c.expected());
    }

    @ParameterizedTest
    @MethodSource("io.github.humecodes.CredentialRenderings#inHumeScope")
    void authorizationHeadersWhenTheSameValueNamesHume(Case c) {
        configure();
        log.info(c.text());
        assertLastLine(c.text(), c.text());
        log.info(HUME_MARK + "\n" + c.text());
        assertLastLine(HUME_MARK + "\n" + c.text(), HUME_MARK + "\n" + c.expected());
        // A value is read on its own: a mark in another field does not reach it (the enriching appender's does).
        log.atInfo().addKeyValue("headers", c.text()).log(HUME_MARK);
        assertLastLine(c.text(), c.text());
    }

    @Test
    void valuesUnderACredentialsName() {
        configure();
        log.atInfo()
                .addKeyValue("X-Hume-Api-Key", KEY)
                .addKeyValue("Authorization", "Bearer " + TOKEN)
                .addKeyValue("attempt", 2)
                .log("connecting");
        JsonNode line = Logs.json(last(masked.lines));
        assertThat(line.get("X-Hume-Api-Key").asString()).isEqualTo("REDACTED");
        assertThat(line.get("Authorization").asString()).as("anybody's name").isEqualTo("Bearer " + TOKEN);
        assertThat(line.get("attempt").asInt()).isEqualTo(2);
        context.getMDCAdapter().put("HUME_API_KEY", KEY);
        try {
            log.info("connecting");
        } finally {
            context.getMDCAdapter().clear();
        }
        assertThat(Logs.json(last(masked.lines)).get("HUME_API_KEY").asString()).isEqualTo("REDACTED");
    }

    @Test
    void ordinaryLinesComeOutAsTheEncoderWritesThem() {
        configure();
        for (String line : CredentialRenderings.untouched()) {
            log.info(line);
            log.atInfo().addKeyValue("detail", line).log("detail");
            log.error("failed", new IllegalStateException(line));
        }
        assertThat(masked.lines).isEqualTo(plain.lines);
    }

    @Test
    void theMaskerOfTheOtherLineIsReportedAndMasksNothing() {
        if (jackson3Line()) {
            // The 8.x masker names Jackson 2 in its mask method, and Jackson 2 is not here: Logback's configurator,
            // reading its public methods, fails as a whole (what the README warns of; the same as naming any class
            // of a missing library). The test's own configure step is where that shows.
            assertThatThrownBy(() -> configure(Map.of("MASKER", "HumeJackson2ValueMasker")))
                    .isInstanceOf(NoClassDefFoundError.class)
                    .hasMessageContaining("com/fasterxml/jackson/core/JsonStreamContext");
            return;
        } else {
            // Jackson 3 is on these tests' class path too: the 9.x masker is read, started, and reported.
            configure(Map.of("MASKER", "HumeValueMasker"));
            assertThat(Logs.errors(context))
                    .containsExactly("HumeValueMasker is for logstash-logback-encoder 9.x"
                            + " (Jackson 3); the encoder here masks through com.fasterxml.jackson.core.JsonStreamContext: use"
                            + " io.github.humecodes.logback.HumeJackson2ValueMasker instead; no credential is masked");
        }
        log.info("X-Hume-Api-Key: " + KEY);
        assertThat(plain.lines).hasSize(1);
        assertThat(masked.lines).as("nothing masked, nothing broken").isEqualTo(plain.lines);
    }
}
