package io.github.humecodes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.read.ListAppender;
import io.github.humecodes.Detector;
import io.github.humecodes.logback.HumeEnrichingAppender;
import io.github.humecodes.otel.HumeSpanProcessor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/**
 * One detection contract: the same content gives the same codes through the Logback enriching appender
 * (configured from XML by Joran), the OpenTelemetry span processor (the real SDK) and the command line's
 * {@code scan}. A text is a log message, a throwable's message, a span's status description, a recorded
 * exception and a line of a file; a value under a key is a key-value pair and a span attribute, as OpenTelemetry's
 * Logback appender turns one into the other. The expected codes are worked out from the rules in
 * docs/detection.md, not read from the code.
 */
class SameCodesEverywhereTest {
    private static final String CONFIGURATION = "<configuration>\n"
            + "  <appender name=\"LIST\" class=\"ch.qos.logback.core.read.ListAppender\"/>\n"
            + "  <appender name=\"HUME\" class=\"io.github.humecodes.logback.HumeEnrichingAppender\">\n"
            + "    <appender-ref ref=\"LIST\"/>\n"
            + "  </appender>\n"
            + "  <root level=\"INFO\"><appender-ref ref=\"HUME\"/></root>\n"
            + "</configuration>\n";

    /** Texts, each with the codes it carries in the order they appear. */
    private static final String[][] TEXTS = {
        {"hume(E0203): Your audio file was too long", "E0203"},
        {"EVI Error: Code=E0715, Slug=max_duration_timeout, Message=Max duration reached", "E0715"},
        {"{\"type\":\"error\",\"code\":\"E0300\",\"message\":\"out of credits\"}", "E0300"},
        {"warning W0107 and error E0700: too many active chats", "W0107", "E0700"},
        {"I0116: transcription failed inside Hume", "I0116"},
        {"EVI error E0799: unexpected condition", "E0799"},
        {"CloseStatus[code=1011, reason=null]", "1011"},
        {"WebSocket closed with status 1008: after repeated errors", "1008"},
        {"received 1011 (internal error) keepalive ping timeout; then sent 1011 (internal error)", "1011"},
        {"onclose CloseEvent {isTrusted: true, wasClean: false, code: 1008, reason: '', type: 'close'}", "1008"},
        {"The EVI socket was closed unexpectedly (1011).", "1011"},
        {"Error (E0705): Custom language model disconnected; close code 1000", "E0705", "1000"},
        // Look-alikes: other tools' diagnostics, numbers that are no close code, codes outside Hume's numbering.
        {"error[E0599]: no method named `foo` found"},
        {"app.py:12:4: W0511: TODO (fixme)"},
        {"processed 1000 records, listening on port 1008"},
        {"request id E1165 and build e0300 and abcE0300"},
        {"closed 1000 connections in 3 s"},
    };

    /** Values under keys, each with the codes they carry. */
    private static final Object[][] VALUES = {
        {"error", "Hume returned E0300", "E0300"},
        {"evi.error", "EVI Error: Code=E0715", "E0715"},
        {"websocket.close.code", 1011L, "1011"},
        {"ws.close_status", 1008L, "1008"},
        {"close_code", "1000", "1000"},
        {"status", 1011L},
        {"retry_count", 1000L},
        {"note", "1008"},
    };

    private LoggerContext logback;
    private ListAppender<ILoggingEvent> list;
    private InMemorySpanExporter spans;
    private SdkTracerProvider tracing;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void start() throws Exception {
        logback = new LoggerContext();
        logback.setMDCAdapter(new LogbackMDCAdapter()); // what SLF4J's provider does
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(logback);
        joran.doConfigure(new ByteArrayInputStream(CONFIGURATION.getBytes(StandardCharsets.UTF_8)));
        HumeEnrichingAppender hume = (HumeEnrichingAppender)
                logback.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("HUME");
        list = (ListAppender<ILoggingEvent>) hume.getAppender("LIST");
        spans = InMemorySpanExporter.create();
        tracing = SdkTracerProvider.builder()
                .addSpanProcessor(HumeSpanProcessor.create())
                .addSpanProcessor(SimpleSpanProcessor.create(spans))
                .build();
    }

    @AfterEach
    void stop() {
        logback.stop();
        tracing.shutdown();
    }

    @Test
    void aTextGivesTheSameCodesEverywhere() throws Exception {
        for (String[] row : TEXTS) {
            String text = row[0];
            List<String> expected = List.of(row).subList(1, row.length);
            assertThat(
                            Detector.create().scan(text) == null
                                    ? List.of()
                                    : codes(Detector.create().scan(text)))
                    .as("core: %s", text)
                    .isEqualTo(expected);
            assertThat(logged(logger -> logger.info(text)))
                    .as("log message: %s", text)
                    .isEqualTo(expected);
            assertThat(logged(logger -> logger.info("failed", new IllegalStateException(text))))
                    .as("throwable message: %s", text)
                    .isEqualTo(expected);
            assertThat(traced(span -> span.setStatus(StatusCode.ERROR, text)))
                    .as("status description: %s", text)
                    .isEqualTo(expected);
            assertThat(traced(span -> span.recordException(new IllegalStateException(text))))
                    .as("recorded exception: %s", text)
                    .isEqualTo(expected);
            assertThat(scanned(text)).as("cli scan: %s", text).isEqualTo(expected);
        }
    }

    @Test
    void aValueUnderAKeyGivesTheSameCodesEverywhere() {
        for (Object[] row : VALUES) {
            String key = (String) row[0];
            Object value = row[1];
            List<String> expected = new ArrayList<>();
            for (int i = 2; i < row.length; i++) {
                expected.add((String) row[i]);
            }
            assertThat(logged(logger -> logger.atInfo().addKeyValue(key, value).log("session event")))
                    .as("key-value pair %s=%s", key, value)
                    .isEqualTo(expected);
            assertThat(traced(span -> {
                        if (value instanceof Long) {
                            span.setAttribute(AttributeKey.longKey(key), (Long) value);
                        } else {
                            span.setAttribute(AttributeKey.stringKey(key), (String) value);
                        }
                    }))
                    .as("span attribute %s=%s", key, value)
                    .isEqualTo(expected);
        }
    }

    /** The codes of the one event logged by {@code call}, in the order the fields give them. */
    private List<String> logged(Consumer<org.slf4j.Logger> call) {
        list.list.clear();
        call.accept(logback.getLogger("voiceagent"));
        assertThat(list.list).hasSize(1);
        String code = null;
        Object codes = null;
        List<KeyValuePair> pairs = list.list.get(0).getKeyValuePairs();
        for (KeyValuePair pair : pairs == null ? List.<KeyValuePair>of() : pairs) {
            if (pair.key.equals("hume.code")) {
                code = String.valueOf(pair.value);
            } else if (pair.key.equals("hume.codes")) {
                codes = pair.value;
            }
        }
        return fields(code, codes);
    }

    /** The codes of the one span shaped by {@code shape}, as exported. */
    private List<String> traced(Consumer<Span> shape) {
        spans.reset();
        Span span = tracing.get("voiceagent").spanBuilder("evi.chat").startSpan();
        shape.accept(span);
        span.end();
        assertThat(spans.getFinishedSpanItems()).hasSize(1);
        Attributes attributes = spans.getFinishedSpanItems().get(0).getAttributes();
        return fields(
                attributes.get(AttributeKey.stringKey("hume.code")),
                attributes.get(AttributeKey.stringArrayKey("hume.codes")));
    }

    /** The codes {@code humecodes scan --jsonl} gives for a file holding {@code text} as its one line. */
    private static List<String> scanned(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                new String[] {"scan", "--jsonl"},
                new ByteArrayInputStream((text + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String json = out.toString(StandardCharsets.UTF_8).strip();
        if (json.isEmpty()) {
            return List.of();
        }
        Matcher codes = Pattern.compile("\"codes\":\\[([^]]*)]").matcher(json);
        assertThat(codes.find()).as(json).isTrue();
        List<String> out2 = new ArrayList<>();
        Matcher each = Pattern.compile("\"([^\"]+)\"").matcher(codes.group(1));
        while (each.find()) {
            out2.add(each.group(1));
        }
        return out2;
    }

    /** The codes the fields name: {@code hume.codes} when there are several, else {@code hume.code}, else none. */
    private static List<String> fields(String code, Object codes) {
        if (codes instanceof List) {
            List<String> all = new ArrayList<>();
            ((List<?>) codes).forEach(c -> all.add(String.valueOf(c)));
            return all;
        }
        if (codes instanceof String) {
            return List.of(((String) codes).split(","));
        }
        return code == null ? List.of() : List.of(code);
    }

    private static List<String> codes(io.github.humecodes.Detection detection) {
        List<String> all = new ArrayList<>();
        detection.codes().forEach(c -> all.add(c.code()));
        return all;
    }
}
