package io.github.humecodes.otel;

import static io.github.humecodes.otel.HumeAssertions.assertEnriched;
import static io.github.humecodes.otel.HumeAssertions.assertNotEnriched;
import static io.opentelemetry.api.common.AttributeKey.booleanArrayKey;
import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleArrayKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longArrayKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.api.common.AttributeKey.valueKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.humecodes.Detection;
import io.github.humecodes.Detector;
import io.github.humecodes.RegexReferenceDetector;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spans and log records built to hurt: huge texts, floods of look-alikes, cyclic and very deep exception chains,
 * exceptions that throw from their own methods, nulls, every attribute type, broken UTF-16. Nothing is thrown
 * from span end or emit, everything is exported, and the codes found are those the rules give (the regex reading
 * of the rules in core's test jar says which).
 */
class HostileInputTest {
    private static final int TEN_MB = 10 * 1024 * 1024;
    private static final RegexReferenceDetector REFERENCE =
            new RegexReferenceDetector(HumeAssertions.CATALOG, Detector.DEFAULT_MAX_SCAN_CHARS);

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();
    private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
            .addSpanProcessor(HumeSpanProcessor.create())
            .addSpanProcessor(SimpleSpanProcessor.create(spans))
            .build();
    private final SdkLoggerProvider loggerProvider = SdkLoggerProvider.builder()
            .addLogRecordProcessor(SimpleLogRecordProcessor.create(logs))
            .addLogRecordProcessorFirst(HumeLogRecordProcessor.create())
            .build();
    private LogCapture spanFailures;
    private LogCapture logFailures;

    @BeforeEach
    void watchFailures() {
        spanFailures = LogCapture.of(HumeSpanProcessor.class);
        logFailures = LogCapture.of(HumeLogRecordProcessor.class);
    }

    @AfterEach
    void shutDown() {
        spanFailures.close();
        logFailures.close();
        tracerProvider.shutdown();
        loggerProvider.shutdown();
    }

    /** Ends one span; no exception may leave {@code end()}, and the span must reach the exporter. */
    private SpanData span(Consumer<Span> body) {
        int before = spans.getFinishedSpanItems().size();
        Span span = tracerProvider.get("test").spanBuilder("hostile").startSpan();
        body.accept(span);
        assertThatCode(span::end).doesNotThrowAnyException();
        List<SpanData> all = spans.getFinishedSpanItems();
        assertThat(all).hasSize(before + 1);
        return all.get(before);
    }

    private LogRecordData log(Consumer<LogRecordBuilder> body) {
        int before = logs.getFinishedLogRecordItems().size();
        LogRecordBuilder builder = loggerProvider.get("test").logRecordBuilder();
        body.accept(builder);
        assertThatCode(builder::emit).doesNotThrowAnyException();
        List<LogRecordData> all = logs.getFinishedLogRecordItems();
        assertThat(all).hasSize(before + 1);
        return all.get(before);
    }

    /** The attributes are those the reference reading of the rules gives for {@code text}. */
    private static void assertAsReference(Attributes attributes, String text) {
        RegexReferenceDetector.Result expected = REFERENCE.scan(text);
        if (expected.primary == null) {
            assertNotEnriched(attributes);
        } else {
            assertEnriched(attributes, expected.primary, expected.codes.toArray(new String[0]));
        }
    }

    private void assertNoProcessorFailure() {
        assertThat(spanFailures.records).extracting(LogRecord::getMessage).isEmpty();
        assertThat(logFailures.records).extracting(LogRecord::getMessage).isEmpty();
    }

    private static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    @Test
    void aTenMegabyteTextIsReadUpToTheScanBoundOnly() {
        String late = repeat('x', TEN_MB) + " E0300";
        SpanData lateSpan = span(s -> s.setStatus(StatusCode.ERROR, late));
        assertNotEnriched(lateSpan.getAttributes());
        assertThat(lateSpan.getStatus().getDescription()).hasSize(TEN_MB + 6);
        assertNotEnriched(log(r -> r.setBody(late)).getAttributes());

        // Just inside and just outside the default bound of 64 Ki characters.
        String inside = repeat('x', Detector.DEFAULT_MAX_SCAN_CHARS - 6) + " E0300" + repeat('y', TEN_MB);
        assertEnriched(span(s -> s.setStatus(StatusCode.ERROR, inside)).getAttributes(), "E0300");
        assertEnriched(log(r -> r.setBody(inside)).getAttributes(), "E0300");
        String outside = repeat('x', Detector.DEFAULT_MAX_SCAN_CHARS - 5) + " E0300" + repeat('y', TEN_MB);
        assertNotEnriched(span(s -> s.setStatus(StatusCode.ERROR, outside)).getAttributes());
        assertNotEnriched(log(r -> r.setBody(outside)).getAttributes());

        String early = "E0601 " + repeat('x', TEN_MB);
        assertEnriched(span(s -> s.setStatus(StatusCode.ERROR, early)).getAttributes(), "E0601");
        assertEnriched(log(r -> r.setBody(early)).getAttributes(), "E0601");
        assertNoProcessorFailure();
    }

    @Test
    void thousandsOfNearCodesFindNothing() {
        String[] nearCodes = {
            "E03000",
            "XE0300",
            "e0300",
            "E030",
            "E0300x",
            "E0300_",
            "0E0300",
            "PYL-W0612",
            "E0300-1",
            "E0300.1",
            "error[E0599]:",
            "rustc --explain E0499",
            "port 1008",
            "processed 1000 records",
            "W0612(unused-variable)",
            "#i0116",
            "deadbeefE0300",
            "E0300$",
            "1,1000",
            "1000.5",
            "close 10110",
            "E\u0660300",
            "E0300٣",
            "ＥＥ0300",
            "_W0105",
            "I01000",
            "pylint: disable=W0612"
        };
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < Detector.DEFAULT_MAX_SCAN_CHARS * 2; i++) {
            text.append(nearCodes[i % nearCodes.length]).append(i % 7 == 0 ? '\n' : ' ');
        }
        String noise = text.toString();
        assertThat(REFERENCE.scan(noise).codes).as("test data: no real code").isEmpty();
        assertNotEnriched(span(s -> s.setStatus(StatusCode.ERROR, noise)).getAttributes());
        assertNotEnriched(log(r -> r.setBody(noise)).getAttributes());

        // One real code among the look-alikes is found, alone.
        String one = noise.substring(0, 20_000) + "\nhume(E0203): too long\n" + noise.substring(20_000);
        assertAsReference(span(s -> s.setStatus(StatusCode.ERROR, one)).getAttributes(), one);
        assertAsReference(log(r -> r.setBody(one)).getAttributes(), one);
        assertEnriched(log(r -> r.setBody(one)).getAttributes(), "E0203");
        assertNoProcessorFailure();
    }

    @Test
    void thousandsOfDistinctCodesAreListedInOrderUpToTheBound() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append("W").append(String.format("%04d", (i * 7) % 10_000)).append(' ');
        }
        text.append("E0300");
        String many = text.toString();
        SpanData span = span(s -> s.setStatus(StatusCode.ERROR, many));
        assertAsReference(span.getAttributes(), many);
        assertThat(span.getAttributes().get(HumeAttributes.CODES))
                .hasSize(Detection.MAX_CODES)
                .endsWith("E0300");
        assertAsReference(log(r -> r.setBody(many)).getAttributes(), many);
        assertNoProcessorFailure();
    }

    @Test
    void cyclicCauseAndSuppressedChainsEnd() {
        RuntimeException a = new RuntimeException("chat failed");
        IllegalStateException b = new IllegalStateException("Error (E0705): Custom language model disconnected.");
        a.initCause(b);
        b.initCause(a);
        SpanData causes = span(s -> s.recordException(a));
        assertEnriched(causes.getAttributes(), "E0705");
        assertThat(causes.getEvents()).hasSize(1);

        RuntimeException c = new RuntimeException("closing failed");
        RuntimeException d = new RuntimeException("HumeError: CODE W0103: No faces");
        c.addSuppressed(d);
        d.addSuppressed(c);
        d.initCause(c);
        assertEnriched(span(s -> s.recordException(c)).getAttributes(), "W0103");
        assertEnriched(log(r -> r.setBody("failed").setException(a)).getAttributes(), "E0705");
        assertNoProcessorFailure();
    }

    @Test
    void aTenThousandDeepCauseChainIsFollowedToItsBoundOnly() throws Exception {
        // Rendering such a chain's stack trace (the SDK's recordException and setException) recurses once a cause:
        // that needs a bigger stack than a test thread has. Our own reading of the chain stops at its bound.
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        outcome.set(deepChains());
                    } catch (Throwable t) {
                        outcome.set(t);
                    }
                },
                "deep-chain",
                1L << 30);
        thread.start();
        thread.join();
        if (outcome.get() instanceof Throwable) {
            throw new AssertionError("deep chain", (Throwable) outcome.get());
        }
        @SuppressWarnings("unchecked")
        List<SpanData> ended = (List<SpanData>) outcome.get();
        assertEnriched(ended.get(0).getAttributes(), "E0300");
        // The code of the 10,000th cause is past the bound of Detector.MAX_THROWABLES throwables.
        assertNotEnriched(ended.get(1).getAttributes());
        assertEnriched(ended.get(2).getAttributes(), "E0300");
        assertNoProcessorFailure();
    }

    private List<SpanData> deepChains() {
        List<SpanData> out = new ArrayList<>();
        out.add(span(s -> s.recordException(chain(10_000, "hume(E0300): out of credits", "deeper"))));
        out.add(span(s -> s.recordException(chain(10_000, "top", "hume(E0300): out of credits"))));
        RuntimeException suppressedDeep = new RuntimeException("E0300 at the top");
        RuntimeException t = suppressedDeep;
        for (int i = 0; i < 10_000; i++) {
            RuntimeException next = new RuntimeException("suppressed " + i);
            t.addSuppressed(next);
            t = next;
        }
        out.add(span(s -> s.recordException(suppressedDeep)));
        assertEnriched(
                log(r -> r.setException(chain(10_000, "E0300", "deeper"))).getAttributes(), "E0300");
        return out;
    }

    /** {@code depth} throwables, each the cause of the one before; the first and the last carry the messages. */
    private static RuntimeException chain(int depth, String firstMessage, String lastMessage) {
        RuntimeException first = new RuntimeException(firstMessage);
        RuntimeException t = first;
        for (int i = 1; i < depth; i++) {
            RuntimeException next = new RuntimeException(i == depth - 1 ? lastMessage : "cause " + i);
            t.initCause(next);
            t = next;
        }
        return first;
    }

    /** Behaves while the SDK records it, then throws {@code failure} from every method the processor may call. */
    static final class Treacherous extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Throwable failure;
        volatile boolean armed;

        Treacherous(String message, Throwable cause, Throwable failure) {
            super(message, cause);
            this.failure = failure;
        }

        private void check() {
            if (!armed) {
                return;
            }
            if (failure instanceof Error) {
                throw (Error) failure;
            }
            throw (RuntimeException) failure;
        }

        @Override
        public String getMessage() {
            check();
            return super.getMessage();
        }

        @Override
        public String getLocalizedMessage() {
            return getMessage();
        }

        @Override
        public synchronized Throwable getCause() {
            check();
            return super.getCause();
        }

        @Override
        public String toString() {
            check();
            return super.toString();
        }
    }

    @Test
    void anExceptionThatThrowsFromItsOwnMethodsIsSkipped() {
        Treacherous e = new Treacherous(
                "E0300 in the message",
                new RuntimeException("W0105 in the cause"),
                new IllegalStateException("no message for you"));
        SpanData span = span(s -> {
            s.recordException(e);
            s.setStatus(StatusCode.ERROR, "E0601");
            e.armed = true;
        });
        // The throwable can no longer be read; the status still is, and so is the exception.message attribute
        // recorded before the exception turned hostile (its cause's W0105 was never recorded anywhere else).
        assertEnriched(span.getAttributes(), "E0300", "E0601", "E0300");
        assertThat(span.getEvents()).hasSize(1);
        assertNoProcessorFailure();
    }

    @Test
    void anExceptionThatThrowsAnErrorIsSkippedLikeAnyOther() {
        Treacherous worse = new Treacherous("E0300", null, new AssertionError("not even an exception"));
        SpanData span = span(s -> {
            s.recordException(worse);
            s.setStatus(StatusCode.ERROR, "E0601");
            worse.armed = true;
        });
        // The throwable cannot be read, whatever it throws; the status can, and so can the exception event's
        // exception.message attribute, recorded before the exception turned hostile.
        assertEnriched(span.getAttributes(), "E0300", "E0601", "E0300");
        assertThat(span.getStatus().getDescription()).isEqualTo("E0601");
        assertNoProcessorFailure();
    }

    @Test
    void nullsTheApiAccepts() {
        SpanData span = span(s -> {
            s.setStatus(StatusCode.ERROR, null);
            s.setAttribute("a", (String) null);
            s.setAttribute(stringKey("b"), null);
            s.setAttribute(stringArrayKey("c"), null);
            s.setAllAttributes(Attributes.empty());
            s.recordException(null);
            s.recordException(null, null);
            s.addEvent("e", (Attributes) null);
            s.addEvent("exception", Attributes.of(stringKey("exception.message"), "E0702 from the handler"));
            s.updateName(null);
        });
        assertEnriched(span.getAttributes(), "E0702");
        LogRecordData record = log(r -> r.setSeverityText(null)
                .setEventName(null)
                .setAttribute(stringKey("a"), null)
                .setAttribute("b", (String) null)
                .setException(null)
                .setAttribute(stringKey("code"), "E0702"));
        assertEnriched(record.getAttributes(), "E0702");
        assertNotEnriched(log(r -> r.setBody((Value<?>) null)).getAttributes());
        assertNotEnriched(log(r -> {}).getAttributes());
        assertNoProcessorFailure();
    }

    @Test
    void everyAttributeType() {
        Attributes all = Attributes.builder()
                .put(stringKey("s"), "text")
                .put(stringKey("empty"), "")
                .put(booleanKey("b"), true)
                .put(longKey("l"), 1011L)
                .put(longKey("websocket.close.code.min"), Long.MIN_VALUE)
                .put(doubleKey("d"), Double.NaN)
                .put(doubleKey("websocket.close.code.double"), 1011.0)
                .put(stringArrayKey("sa"), List.of("E0300x", "", "x"))
                .put(booleanArrayKey("ba"), List.of(true, false))
                .put(longArrayKey("la"), List.of(1011L, Long.MAX_VALUE))
                .put(doubleArrayKey("da"), List.of(Double.POSITIVE_INFINITY, -0.0))
                .put(stringArrayKey("sa.empty"), List.of())
                .put(booleanArrayKey("ba.empty"), List.of())
                .put(longArrayKey("la.empty"), List.of())
                .put(doubleArrayKey("da.empty"), List.of())
                .put(valueKey("v.bytes"), Value.of(new byte[] {0, (byte) 0xFF}))
                .put(valueKey("v.list"), Value.of(Value.of("x"), Value.of(1011L), Value.empty()))
                .put(valueKey("v.map"), Value.of(KeyValue.of("message", Value.of("hello"))))
                .put(valueKey("v.empty"), Value.empty())
                .build();
        SpanData plain = span(s -> s.setAllAttributes(all));
        assertNotEnriched(plain.getAttributes());
        assertThat(plain.getAttributes().size()).isEqualTo(all.size());
        SpanData coded = span(s -> {
            s.setAllAttributes(all);
            s.addEvent("evi.error", all);
            s.setAttribute("error.type", "E0811");
        });
        assertEnriched(coded.getAttributes(), "E0811");
        assertThat(coded.getEvents().get(0).getAttributes()).isEqualTo(all);

        assertNotEnriched(log(r -> r.setAllAttributes(all).setBody("fine")).getAttributes());
        assertEnriched(
                log(r -> r.setAllAttributes(all).setBody("rate limited: E0811")).getAttributes(), "E0811");
        assertNoProcessorFailure();
    }

    @Test
    void everyBodyType() {
        List<Value<?>> bodies = List.of(
                Value.of(1011L),
                Value.of(true),
                Value.of(2.5),
                Value.of(new byte[] {69, 48}),
                Value.of(Value.of("x"), Value.of(List.of())),
                Value.of(Map.of("message", Value.of("hello"))),
                Value.of(new KeyValue[0]),
                Value.empty(),
                Value.of(""));
        for (Value<?> body : bodies) {
            LogRecordData plain = log(r -> r.setBody(body));
            assertNotEnriched(plain.getAttributes());
            assertThat(plain.getBodyValue()).isEqualTo(body);
            LogRecordData coded = log(r -> r.setBody(body).setAttribute(stringKey("code"), "W0105"));
            assertEnriched(coded.getAttributes(), "W0105");
        }
        assertNoProcessorFailure();
    }

    @Test
    void nonAsciiAndBrokenUtf16() {
        String[] texts = {
            "\uD800E0300",
            "E0300\uDC00",
            "\uDC00E0300\uD800",
            "🔥E0300🔥",
            "🔥 E0300 🔥",
            "日本E0300",
            "日本 E0300 です",
            "ошибкаE0300",
            "ошибка: E0300.",
            "E0300\u0301",
            "\u0000E0300\u0000",
            "\uFFFFE0300\uFFFE",
            "close код 1011",
            "close code\u00A01011",
            "الخطأ E0300",
            "E0300٣",
            "\u202EE0300\u202C",
            "\uD83D",
            "\uDFFF\uDFFF\uD800\uD800",
            "",
        };
        for (String text : texts) {
            assertAsReference(span(s -> s.setStatus(StatusCode.ERROR, text)).getAttributes(), text);
            assertAsReference(log(r -> r.setBody(text)).getAttributes(), text);
            // As an attribute value, read like text: the same codes, and the value itself stays as it was.
            SpanData attribute = span(s -> s.setAttribute(stringKey("error.\uD800"), text));
            assertAsReference(attribute.getAttributes(), text);
            assertThat(attribute.getAttributes().get(stringKey("error.\uD800"))).isEqualTo(text);
        }
        SpanData named = span(s -> {
            s.updateName("\uD800\uDC00\uDC00");
            s.recordException(new IllegalStateException("\uDBFF hume(E0203) \uD800"));
        });
        assertEnriched(named.getAttributes(), "E0203");
        assertNoProcessorFailure();
    }
}
