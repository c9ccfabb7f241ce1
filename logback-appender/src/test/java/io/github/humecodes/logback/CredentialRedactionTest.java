package io.github.humecodes.logback;

import static io.github.humecodes.CredentialRenderings.KEY;
import static io.github.humecodes.CredentialRenderings.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEventVO;
import io.github.humecodes.CredentialRenderings;
import io.github.humecodes.CredentialRenderings.Case;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Credentials never leave the process through {@link HumeEnrichingAppender}: every rendering of core's
 * {@code CredentialsTest}, in each place an event holds text, through redaction.xml (the README's appender in
 * front of a LogstashEncoder, and a pattern layout). Each line is compared with the line the same event gives
 * without humecodes: the same bytes, each credential's value replaced by {@code REDACTED}, nothing else.
 */
class CredentialRedactionTest {
    /** Names Hume: makes the event's Authorization headers Hume's. */
    private static final String HUME_MARK = "POST https://api.hume.ai/oauth2-cc/token returned 401";

    private LoggerContext context;
    private Logger log;
    private CaptureAppender json;
    private CaptureAppender pattern;
    private CaptureAppender plain;
    private CaptureAppender plainPattern;

    private void configure(boolean redact) {
        context = Logs.configure("redaction.xml", Map.of("REDACT", String.valueOf(redact)));
        json = Logs.appender(context, "JSON");
        pattern = Logs.appender(context, "PATTERN");
        plain = Logs.appender(context, "PLAIN");
        plainPattern = Logs.appender(context, "PLAIN_PATTERN");
        log = context.getLogger("voiceagent.http");
    }

    @AfterEach
    void stop() {
        if (context != null) {
            assertThat(Logs.problems(context)).isEmpty();
            context.stop();
        }
    }

    static Stream<Case> maskedAnywhere() {
        return Stream.concat(CredentialRenderings.anywhere().stream(), CredentialRenderings.inHumeUrls().stream());
    }

    /** {@code s} as it stands inside a JSON string. */
    private static String escaped(String s) {
        String quoted = Logs.JSON.writeValueAsString(s);
        return quoted.substring(1, quoted.length() - 1);
    }

    /**
     * The last lines of the JSON and pattern children are the plain ones with {@code text} replaced by
     * {@code expected} wherever it stands, and nothing else changed.
     */
    private void assertLastLines(String text, String expected) {
        String plainLine = last(plain.lines);
        assertThat(plainLine).as("the text is in the plain line").contains(escaped(text));
        assertThat(last(json.lines)).isEqualTo(plainLine.replace(escaped(text), escaped(expected)));
        // The pattern lines were stripped of surrounding whitespace.
        assertThat(last(pattern.lines)).isEqualTo(last(plainPattern.lines).replace(text.strip(), expected.strip()));
        if (!text.equals(expected)) {
            assertThat(last(json.lines)).doesNotContain(escaped(text));
        }
    }

    private static <T> T last(List<T> items) {
        return items.get(items.size() - 1);
    }

    @ParameterizedTest
    @MethodSource("maskedAnywhere")
    void inTheMessage(Case c) {
        configure(true);
        log.info(c.text());
        assertLastLines(c.text(), c.expected());
        // Decorated although it has no code: redaction alone.
        assertThat(last(json.events)).isNotSameAs(last(plain.events));
        assertThat(Logs.json(last(json.lines)).has("hume.code")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("maskedAnywhere")
    void inAnArgumentTheRawMessageAndWhatASocketAppenderSends(Case c) {
        configure(true);
        log.info("sending {} now", c.text());
        assertLastLines(c.text(), c.expected());
        ILoggingEvent decorated = last(json.events);
        assertThat(decorated.getMessage()).isEqualTo("sending {} now");
        assertThat(decorated.getArgumentArray()).containsExactly(c.expected());
        LoggingEventVO sent = LoggingEventVO.build(decorated);
        assertThat(sent.getFormattedMessage()).isEqualTo("sending " + c.expected() + " now");
        assertThat(last(plain.events).getArgumentArray())
                .as("the original event")
                .containsExactly(c.text());
    }

    @ParameterizedTest
    @MethodSource("maskedAnywhere")
    void inThrowableMessagesThroughCausesAndSuppressed(Case c) {
        configure(true);
        IllegalStateException cause = new IllegalStateException(c.text());
        RuntimeException top = new RuntimeException("request failed: " + c.text(), cause);
        top.addSuppressed(new IOException("while closing: " + c.text()));
        log.error("call failed", top);
        // Class names, frames and the rest of the stack trace as they were, in both encoders.
        assertLastLines(c.text(), c.expected());
        assertThat(last(json.events).getThrowableProxy().getClassName()).isEqualTo(RuntimeException.class.getName());
    }

    @ParameterizedTest
    @MethodSource("maskedAnywhere")
    void inKeyValueAndMdcValues(Case c) {
        configure(true);
        log.atInfo().addKeyValue("request", c.text()).log("sent");
        assertLastLines(c.text(), c.expected());
        context.getMDCAdapter().put("request", c.text()); // MDC values are redacted whatever scanMdc says
        try {
            log.info("sent");
        } finally {
            context.getMDCAdapter().clear();
        }
        assertLastLines(c.text(), c.expected());
    }

    @ParameterizedTest
    @MethodSource("io.github.humecodes.CredentialRenderings#inHumeScope")
    void authorizationHeadersOnlyWhenTheEventNamesHume(Case c) {
        configure(true);
        log.info(c.text());
        assertLastLines(c.text(), c.text()); // anybody's Authorization header: left alone
        assertThat(last(json.events)).isSameAs(last(plain.events));

        log.atInfo().addKeyValue("headers", c.text()).log(HUME_MARK);
        assertLastLines(c.text(), c.expected());
        log.error(HUME_MARK, new IllegalStateException(c.text()));
        assertLastLines(c.text(), c.expected());
        context.getMDCAdapter().put("headers", c.text());
        try {
            log.info(HUME_MARK);
        } finally {
            context.getMDCAdapter().clear();
        }
        assertLastLines(c.text(), c.expected());
    }

    @Test
    void valuesUnderACredentialsName() {
        configure(true);
        log.atInfo()
                .addKeyValue("X-Hume-Api-Key", KEY)
                .addKeyValue("attempt", 2)
                .log("connecting");
        JsonNode line = Logs.json(last(json.lines));
        assertThat(line.get("X-Hume-Api-Key").asString()).isEqualTo("REDACTED");
        assertThat(line.get("attempt").asInt()).isEqualTo(2);
        context.getMDCAdapter().put("HUME_API_KEY", KEY);
        context.getMDCAdapter().put("Authorization", "Bearer " + TOKEN);
        try {
            log.info("connecting");
            line = Logs.json(last(json.lines));
            assertThat(line.get("HUME_API_KEY").asString()).isEqualTo("REDACTED");
            // HUME_API_KEY names Hume: the Authorization header of the same event is Hume's.
            assertThat(line.get("Authorization").asString()).isEqualTo("Bearer REDACTED");
        } finally {
            context.getMDCAdapter().clear();
        }
        context.getMDCAdapter().put("Authorization", "Bearer " + TOKEN);
        try {
            log.info("calling another service");
            assertThat(Logs.json(last(json.lines)).get("Authorization").asString())
                    .isEqualTo("Bearer " + TOKEN);
        } finally {
            context.getMDCAdapter().clear();
        }
    }

    @Test
    void aCodedEventHasItsFieldsAndItsCredentialsRedacted() {
        configure(true);
        String url = "wss://api.hume.ai/v0/evi/chat?api_key=" + KEY;
        log.error("hume(E0701): unauthorized, connecting to " + url);
        JsonNode line = Logs.json(last(json.lines));
        assertThat(line.get("message").asString())
                .isEqualTo("hume(E0701): unauthorized, connecting to wss://api.hume.ai/v0/evi/chat?api_key=REDACTED");
        assertThat(line.get("hume.code").asString()).isEqualTo("E0701");
        ObjectNode withoutFields = (ObjectNode) line;
        List<String> fields = new ArrayList<>();
        withoutFields.propertyNames().forEach(name -> {
            if (name.startsWith("hume.")) {
                fields.add(name);
            }
        });
        withoutFields.remove(fields);
        assertThat(Logs.JSON.writeValueAsString(withoutFields))
                .isEqualTo(Logs.JSON
                        .writeValueAsString(Logs.json(last(plain.lines)))
                        .replace(KEY, "REDACTED"));
    }

    @Test
    void theOffSwitchRestoresTheOldOutput() {
        configure(false);
        HumeEnrichingAppender hume = Logs.appender(context, "HUME");
        assertThat(hume.isRedactCredentials()).isFalse();
        for (Case c : maskedAnywhere().toList()) {
            log.info(c.text());
            assertLastLines(c.text(), c.text());
            assertThat(last(json.events)).isSameAs(last(plain.events));
        }
        assertThat(new HumeEnrichingAppender().isRedactCredentials())
                .as("on by default")
                .isTrue();
    }

    @Test
    void ordinaryLinesPassAsTheyAre() {
        configure(true);
        List<String> corpus = new ArrayList<>(CredentialRenderings.untouched());
        corpus.removeIf(String::isEmpty);
        for (String line : corpus) {
            log.info(line);
            log.atInfo().addKeyValue("detail", line).log("detail");
            context.getMDCAdapter().put("detail", line);
            try {
                log.error("failed", new IllegalStateException(line));
            } finally {
                context.getMDCAdapter().clear();
            }
        }
        assertThat(json.events).hasSize(plain.events.size());
        for (int i = 0; i < plain.events.size(); i++) {
            ILoggingEvent original = plain.events.get(i);
            if (Logs.json(json.lines.get(i)).has("hume.code")) {
                assertThat(json.events.get(i).getFormattedMessage()).isEqualTo(original.getFormattedMessage());
                continue; // decorated for its code, its text as it was
            }
            assertThat(json.events.get(i)).as(original.getFormattedMessage()).isSameAs(original);
            assertThat(json.lines.get(i)).isEqualTo(plain.lines.get(i));
            assertThat(pattern.lines.get(i)).isEqualTo(plainPattern.lines.get(i));
        }
    }
}
