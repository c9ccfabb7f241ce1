package io.github.humecodes.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEventVO;
import ch.qos.logback.core.spi.FilterReply;
import io.github.humecodes.Detection;
import io.github.humecodes.Detector;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Hostile input through every component at once (hostile.xml): the turbo filter, the wrapper with a
 * LogstashEncoder behind it, the provider and the converter beside it. Nothing throws, every event arrives, and
 * the four agree on the codes, which are the ones the design says the text holds.
 */
class HostileInputTest {
    private static final int LIMIT = Detector.DEFAULT_MAX_SCAN_CHARS;

    private LoggerContext context;
    private Logger log;
    private CaptureAppender events;
    private CaptureAppender json;
    private CaptureAppender provided;
    private CaptureAppender pattern;

    @BeforeEach
    void configure() {
        context = Logs.configure("hostile.xml");
        log = context.getLogger("voiceagent");
        events = Logs.appender(context, "EVENTS");
        json = Logs.appender(context, "JSON");
        provided = Logs.appender(context, "PROVIDED");
        pattern = Logs.appender(context, "PATTERN");
    }

    @AfterEach
    void stop() {
        context.stop();
        assertThat(Logs.problems(context))
                .as("nothing reported: no component failed")
                .isEmpty();
    }

    /** Event {@code i} arrived everywhere, and each of the four found {@code codes} (none when empty). */
    private void assertCodes(int i, String... codes) {
        assertThat(events.events).hasSizeGreaterThan(i);
        String primary = codes.length == 0 ? null : primary(codes);
        List<String> list = List.of(codes);
        ILoggingEvent e = events.events.get(i);
        assertThat(TallyAppender.pair(e.getKeyValuePairs(), "hume.code"))
                .as("wrapper")
                .isEqualTo(primary);
        for (CaptureAppender encoded : List.of(json, provided)) {
            JsonNode line = Logs.json(encoded.lines.get(i));
            assertThat(line.has("hume.code") ? line.get("hume.code").asString() : null)
                    .as(encoded.getName())
                    .isEqualTo(primary);
            if (list.size() > 1) {
                List<String> found = new ArrayList<>();
                line.get("hume.codes").forEach(n -> found.add(n.asString()));
                assertThat(found).as(encoded.getName()).isEqualTo(list);
            } else {
                assertThat(line.has("hume.codes")).as(encoded.getName()).isFalse();
            }
        }
        assertThat(pattern.lines.get(i))
                .as("converter")
                .isEqualTo((primary == null ? "" : primary) + "|" + String.join(",", list));
    }

    /** The first code of the highest severity, for the handful of codes used here. */
    private static String primary(String... codes) {
        List<String> order = List.of("E0300", "E0601", "E0700", "W0105");
        String best = codes[0];
        for (String c : codes) {
            if (order.contains(c) && order.indexOf(c) < order.indexOf(best)) {
                best = c;
            }
        }
        return best;
    }

    @Test
    void aTenMegabyteMessageIsReadOnlyUpToMaxScanChars() {
        StringBuilder text = new StringBuilder(10 << 20);
        text.append("x".repeat(LIMIT - 6)).append(" E0601"); // ends exactly at the limit: read
        assertThat(text).hasSize(LIMIT);
        text.append(" E0300 "); // just past it: not read
        text.append("y".repeat((10 << 20) - text.length() - 6)).append(" E0700");
        assertThat(text).hasSize(10 << 20);
        log.warn(text.toString());

        StringBuilder straddling = new StringBuilder("x".repeat(LIMIT - 5)).append(" E0300");
        assertThat(straddling.indexOf("E0300") + 5)
                .as("its last digit lies past the limit")
                .isEqualTo(LIMIT + 1);
        log.warn(straddling.toString());

        assertCodes(0, "E0601");
        assertCodes(1);
        assertThat(Logs.json(json.lines.get(0)).get("message").asString()).hasSize(10 << 20);
    }

    @Test
    void thousandsOfNearCodesAreNotCodes() {
        String[] near = {
            "E030",
            "E03000",
            "xE0300",
            "0xE0300",
            "E0300x",
            "e0300",
            "_E0300",
            "E0300_",
            "1E0300",
            "E0300-01",
            "PYL-W0612",
            "E0300.1",
            "E0300.java",
            "$E0300",
            "#i0116",
            "I0116a",
            "W010",
            "w0105",
            "\u0663E0300",
            "E0300\u0663",
            "E\uff10\uff13\uff10\uff10",
            "error[E0599]:",
            "--explain E0499",
            "processed 1000 records",
            "port 1008",
            "v1011",
            "1,1000",
            "1000.5"
        };
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 40_000; i++) {
            text.append(near[i % near.length]).append(' ');
        }
        log.error(text.toString());
        log.error(text + "then E0601");
        log.atError()
                .addKeyValue("near", text.toString())
                .addKeyValue("close_code", "10111")
                .log("no code");

        assertCodes(0);
        assertCodes(1, "E0601");
        assertCodes(2);
    }

    @Test
    void tenThousandDistinctCodesInOneMessage() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            text.append(String.format("E%04d ", i));
        }
        assertThat(text.length()).isLessThan(LIMIT);
        log.warn(text.toString());

        JsonNode line = Logs.json(json.lines.get(0));
        assertThat(line.get("hume.code").asString())
                .as("the first critical one")
                .isEqualTo("E0300");
        // A detection keeps the first codes up to its bound, and its primary in the last place.
        assertThat(line.get("hume.codes")).hasSize(Detection.MAX_CODES);
        assertThat(line.get("hume.codes").get(0).asString()).isEqualTo("E0000");
        assertThat(line.get("hume.codes").get(Detection.MAX_CODES - 2).asString())
                .isEqualTo(String.format("E%04d", Detection.MAX_CODES - 2));
        assertThat(line.get("hume.codes").get(Detection.MAX_CODES - 1).asString())
                .isEqualTo("E0300");
        assertThat(Logs.json(provided.lines.get(0)).get("hume.codes")).hasSize(Detection.MAX_CODES);
        assertThat(pattern.lines.get(0)).startsWith("E0300|E0000,E0001,");
    }

    @Test
    void aTenThousandDeepCauseChainIsFollowedOnlyToTheBound() throws Exception {
        Throwable chain = new IllegalStateException("deepest E0300");
        for (int depth = 10_000; depth > 0; depth--) {
            chain = new RuntimeException(depth == 5 ? "level 5 E0601" : "level " + depth, chain);
        }
        Throwable top = chain;
        // Logback itself builds its ThrowableProxy (and LogstashEncoder prints it) recursively: give the call the
        // stack that needs, the bound under test is ours.
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = new Thread(
                null,
                () -> {
                    try {
                        log.error("call failed", top);
                        // The same event as a socket receiver gets it: proxies, not throwables. PROVIDED, beside the
                        // wrapper, holds the event as the logger built it.
                        HumeEnrichingAppender hume = Logs.appender(context, "HUME");
                        hume.doAppend(LoggingEventVO.build(provided.events.get(0)));
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "deep-caller",
                1L << 30);
        caller.start();
        caller.join();
        assertThat(failure.get()).isNull();

        assertThat(Detector.MAX_THROWABLES).isLessThan(10_000);
        assertCodes(0, "E0601");
        ILoggingEvent received = events.events.get(1);
        assertThat(received).isInstanceOf(HumeEvent.class);
        assertThat(((HumeEvent) received).detection().primary().code()).isEqualTo("E0601");
        assertThat(((HumeEvent) received).detection().size()).isEqualTo(1);
    }

    @Test
    void cyclicCausesAndSuppressedCycles() {
        Exception a = new Exception("a");
        Exception b = new Exception("b E0601", a);
        a.initCause(b);
        log.error("cause cycle", a);

        Exception x = new Exception("x");
        Exception y = new Exception("y E0700");
        x.addSuppressed(y);
        y.addSuppressed(x);
        log.error("suppressed cycle", x);

        Exception self = new Exception("self W0105") {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };
        log.error("own cause", self);

        assertCodes(0, "E0601");
        assertCodes(1, "E0700");
        assertCodes(2, "W0105");
    }

    @Test
    void valuesWhoseMethodsThrow() {
        Object badToString = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("toString failed");
            }
        };
        // SLF4J reports the failing toString() on standard error, with its stack trace: expected, captured here.
        assertThat(Logs.standardError(() -> log.error("E0601 argument {}", badToString)))
                .contains("Failed toString() invocation")
                .contains("toString failed");
        log.atError().addKeyValue("payload", badToString).log("E0601 key-value");
        context.getMDCAdapter().put("request", "E0700");
        log.atError().addKeyValue("payload", badToString).log("MDC only");
        context.getMDCAdapter().clear();

        assertCodes(0, "E0601");
        assertCodes(1, "E0601");
        assertCodes(2, "E0700");
    }

    @Test
    void aBrokenTextValueHidesOnlyItsOwnCodes() {
        CharSequence broken = new CharSequence() {
            @Override
            public int length() {
                return 5;
            }

            @Override
            public char charAt(int index) {
                throw new IllegalStateException("charAt failed");
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                throw new IllegalStateException("subSequence failed");
            }

            @Override
            public String toString() {
                throw new IllegalStateException("toString failed");
            }
        };
        log.atError()
                .addKeyValue("payload", broken)
                .addKeyValue("hume_error", "E0700")
                .log("E0601 then a broken value");
        assertThat(Logs.standardError(() -> log.error("E0601 {} and {}", broken, "E0700")))
                .contains("Failed toString() invocation");

        // The encoders may fail on such a value; the events and the converter are what this module answers for.
        ILoggingEvent first = events.events.get(0);
        assertThat(TallyAppender.pair(first.getKeyValuePairs(), "hume.code")).isEqualTo("E0601");
        assertThat(TallyAppender.pair(first.getKeyValuePairs(), "hume.codes")).isEqualTo("[E0601, E0700]");
        assertThat(pattern.lines.get(0)).isEqualTo("E0601|E0601,E0700");
        ILoggingEvent second = events.events.get(1);
        assertThat(TallyAppender.pair(second.getKeyValuePairs(), "hume.code")).isEqualTo("E0601");
        assertThat(TallyAppender.pair(second.getKeyValuePairs(), "hume.codes")).isEqualTo("[E0601, E0700]");

        // The turbo filter scans the parameters themselves: a broken one must not hide the critical code beside it.
        Logger quiet = context.getLogger("quiet");
        HumeTurboFilter turbo = (HumeTurboFilter) context.getTurboFilterList().get(0);
        assertThat(turbo.decide(null, quiet, Level.DEBUG, "{} {}", new Object[] {broken, "E0300"}, null))
                .isEqualTo(FilterReply.ACCEPT);

        // Jackson calls toString(): LogstashEncoder fails and it is reported, once for each of the two encoders
        // (by Logback with 9.x, by the encoder itself with 8.x); the other appenders go on.
        assertThat(Logs.problems(context)).hasSize(2).allSatisfy(m -> assertThat(m)
                .matches("Appender \\[(JSON|PROVIDED)\\] failed to append\\."
                        + "|Error encountered while encoding log event\\. Event: \\[ERROR\\] E0601 then a broken .*"));
        context.getStatusManager().clear();
    }

    @Test
    void throwablesWhoseMethodsThrowReachTheTurboFilterFirst() {
        // Logback 1.5 builds its ThrowableProxy with getMessage() and toString(): a throwable whose methods
        // throw fails there, before any appender. The turbo filter sees the raw throwable first and must cope.
        Logger quiet = context.getLogger("quiet");
        HumeTurboFilter turbo = (HumeTurboFilter) context.getTurboFilterList().get(0);
        Throwable badToString = new IllegalStateException("E0300 out of credits") {
            @Override
            public String toString() {
                throw new IllegalStateException("toString failed");
            }
        };
        Throwable badMessage = new IllegalStateException() {
            @Override
            public String getMessage() {
                throw new IllegalStateException("getMessage failed");
            }

            @Override
            public synchronized Throwable getCause() {
                throw new IllegalStateException("getCause failed");
            }
        };
        assertThat(turbo.decide(null, quiet, Level.DEBUG, "call failed", null, badToString))
                .isEqualTo(FilterReply.ACCEPT);
        assertThat(turbo.decide(null, quiet, Level.DEBUG, "call failed", null, badMessage))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(turbo.decide(null, quiet, Level.DEBUG, "E0300 {}", new Object[] {badMessage}, badMessage))
                .isEqualTo(FilterReply.ACCEPT);
    }

    @Test
    void nullsEverywhere() {
        Logger quiet = context.getLogger("quiet");
        log.error((String) null);
        log.error("E0601 {} {}", null, null);
        log.error("E0601 {}", (Object[]) null);
        log.error(null, (Throwable) null);
        log.atError().addKeyValue(null, "E0700").log("null key");
        log.atError().addKeyValue("k", (Object) null).log("E0601 null value");
        log.atError().addKeyValue(null, (Object) null).log((String) null);
        context.getMDCAdapter().put("request", null);
        log.error("E0601 null MDC value");
        context.getMDCAdapter().clear();
        quiet.debug((String) null, (Object) null, (Object) null);
        quiet.debug("E0300 {}", (Object) null);

        assertCodes(0);
        assertCodes(1, "E0601");
        assertCodes(2, "E0601");
        assertCodes(3);
        assertCodes(4, "E0700");
        assertCodes(5, "E0601");
        assertCodes(6);
        assertCodes(7, "E0601");
        assertCodes(8, "E0300");
        assertThat(events.events).hasSize(9);
        HumeTurboFilter turbo = (HumeTurboFilter) context.getTurboFilterList().get(0);
        assertThat(turbo.decide(null, quiet, null, null, null, null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(turbo.decide(null, quiet, Level.DEBUG, null, new Object[] {null}, null))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void keyValuesThatAreNotStrings() {
        log.atWarn().addKeyValue("ws.close_code", 1011).log("int");
        log.atWarn().addKeyValue("closeStatus", 1008L).log("long");
        log.atWarn().addKeyValue("close_code", (short) 1000).log("short");
        log.atWarn().addKeyValue("hume_error", new StringBuilder("E0601")).log("a StringBuilder");
        log.atWarn().addKeyValue("close_code", 1011.0).log("a double is not a close code");
        log.atWarn().addKeyValue("count", 1011).log("a number under another key");
        log.atWarn().addKeyValue("bytes", "E0300".getBytes()).log("bytes are not text");
        log.atWarn().addKeyValue("close_code", BigInteger.valueOf(1011)).log("a BigInteger is a whole number");
        log.atWarn().addKeyValue("body", Map.of("code", "E0300")).log("a map is read value by value");
        log.atWarn().addKeyValue("codes", List.of("E0300")).log("and a list element by element");

        assertCodes(0, "1011");
        assertCodes(1, "1008");
        assertCodes(2, "1000");
        assertCodes(3, "E0601");
        for (int i = 4; i < 7; i++) {
            assertCodes(i);
        }
        assertCodes(7, "1011");
        assertCodes(8, "E0300");
        assertCodes(9, "E0300");
    }

    @Test
    void nonAsciiTextAndBrokenSurrogates() {
        log.error("ошибка E0300 — 💥 ошибка");
        log.error("\uDC00E0601\uD800"); // lone surrogates are not letters
        log.error("\uD83DE0700 and W0105\uDE00");
        log.error("\u0663E0300 and E0300\u0663"); // Arabic-Indic digits are digits
        Random random = new Random(7);
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            char c = (char) random.nextInt(Character.MAX_VALUE + 1);
            noise.append(Character.isLetterOrDigit(c) || c == '_' || c == '$' ? ' ' : c);
        }
        log.error(noise + " E0601 " + noise);

        assertCodes(0, "E0300");
        assertCodes(1, "E0601");
        assertCodes(2, "E0700", "W0105");
        assertCodes(3);
        assertCodes(4, "E0601");
    }
}
