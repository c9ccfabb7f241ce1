package io.github.humecodes.otel;

import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.humecodes.CredentialRenderings;
import io.github.humecodes.CredentialRenderings.Case;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.internal.ExtendedSpanProcessor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hume credentials never leave the process in what a processor can change: the renderings clients and
 * OpenTelemetry's instrumentation print, as span attributes (strings and the elements of string arrays), span
 * names, status descriptions, log record attributes and string log bodies, through the real SDK. Only the value
 * becomes {@code REDACTED}; the rest of each text, ordinary values and everything with redaction off stay as they
 * were. Spans are run both ways the processor reads them: where the SDK keeps them, and through their snapshot
 * (a span of another class).
 */
class CredentialRedactionTest {
    static final String KEY = CredentialRenderings.KEY;
    private static final String TOKEN = CredentialRenderings.TOKEN;
    private static final String BASIC = CredentialRenderings.BASIC;

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();
    private final List<AutoCloseable> providers = new ArrayList<>();

    @AfterEach
    void shutDown() throws Exception {
        for (AutoCloseable p : providers) {
            p.close();
        }
    }

    /** Renderings that hold a credential by themselves: Hume's own names, and parameters of Hume's URLs. */
    static List<Case> renderings() {
        List<Case> all = new ArrayList<>(CredentialRenderings.anywhere());
        all.addAll(CredentialRenderings.inHumeUrls());
        return all;
    }

    static List<Case> inHumeScope() {
        return CredentialRenderings.inHumeScope();
    }

    /**
     * The ordinary lines, but for those with an Authorization header (the spans here name Hume, where its token is
     * Hume's) and the empty one (no span name).
     */
    static List<String> ordinary() {
        return CredentialRenderings.untouched().stream()
                .filter(t -> !t.isEmpty() && !t.contains("Authorization"))
                .toList();
    }

    static Stream<Arguments> bothWays(List<?> cases) {
        return Stream.of(false, true).flatMap(snapshot -> cases.stream().map(c -> Arguments.of(snapshot, c)));
    }

    static Stream<Arguments> renderingsBothWays() {
        return bothWays(renderings());
    }

    static Stream<Arguments> inHumeScopeBothWays() {
        return bothWays(inHumeScope());
    }

    static Stream<Arguments> ordinaryBothWays() {
        return bothWays(ordinary());
    }

    /**
     * A tracer whose spans go through {@code hume} and then an in-memory exporter; with {@code snapshot}, the
     * processor sees each span through a wrapper of another class, so it reads the span's snapshot.
     */
    private io.opentelemetry.api.trace.Tracer tracer(HumeSpanProcessor hume, boolean snapshot) {
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(snapshot ? new ThroughWrapper(hume) : hume)
                .addSpanProcessor(SimpleSpanProcessor.create(spans))
                .build();
        providers.add(provider);
        return provider.get("test");
    }

    private SpanData span(HumeSpanProcessor hume, boolean snapshot, String name, Consumer<Span> body) {
        Span span = tracer(hume, snapshot).spanBuilder(name).startSpan();
        body.accept(span);
        span.end();
        List<SpanData> finished = spans.getFinishedSpanItems();
        return finished.get(finished.size() - 1);
    }

    private SpanData span(boolean snapshot, Consumer<Span> body) {
        return span(HumeSpanProcessor.create(), snapshot, "hume.call", body);
    }

    @ParameterizedTest(name = "{1}, snapshot={0}")
    @MethodSource("renderingsBothWays")
    void credentialsInAttributesNamesAndStatusDescriptionsAreRedacted(boolean snapshot, Case c) {
        SpanData span = span(HumeSpanProcessor.create(), snapshot, c.text(), s -> {
            s.setAttribute("message", c.text());
            s.setAttribute(stringArrayKey("lines"), List.of("first", c.text()));
            s.setAttribute("request.id", "5c0e9d1b7a3f4e21");
            s.setStatus(StatusCode.ERROR, c.text());
        });
        assertThat(span.getAttributes().get(stringKey("message")))
                .isEqualTo(c.expected())
                .isNotEqualTo(c.text());
        assertThat(span.getAttributes().get(stringArrayKey("lines"))).containsExactly("first", c.expected());
        assertThat(span.getAttributes().get(stringKey("request.id"))).isEqualTo("5c0e9d1b7a3f4e21");
        assertThat(span.getName()).isEqualTo(c.expected());
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getStatus().getDescription()).isEqualTo(c.expected());
        // Nothing else was added: no code, no hume.* attribute.
        assertThat(span.getAttributes().size()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{1}, snapshot={0}")
    @MethodSource("inHumeScopeBothWays")
    void authorizationIsRedactedWhenTheSpanNamesHume(boolean snapshot, Case c) {
        SpanData hume = span(snapshot, s -> {
            s.setAttribute("server.address", "api.hume.ai");
            s.setAttribute("http.response.body", c.text());
        });
        assertThat(hume.getAttributes().get(stringKey("http.response.body"))).isEqualTo(c.expected());
        assertThat(hume.getAttributes().get(stringKey("server.address"))).isEqualTo("api.hume.ai");
        // The same text where nothing names Hume is anybody's.
        SpanData other = span(snapshot, s -> {
            s.setAttribute("server.address", "api.example.com");
            s.setAttribute("http.response.body", c.text());
        });
        assertThat(other.getAttributes().get(stringKey("http.response.body"))).isEqualTo(c.text());
    }

    @ParameterizedTest(name = "snapshot={0}")
    @ValueSource(booleans = {false, true})
    void capturedHeadersOfAnHttpClientSpanAreRedacted(boolean snapshot) {
        // What OpenTelemetry's HTTP client instrumentation records with header capture on.
        SpanData span = span(snapshot, s -> {
            s.setAttribute("http.request.method", "GET");
            s.setAttribute("url.full", "https://api.hume.ai/v0/evi/configs?page_size=10&api_key=" + KEY);
            s.setAttribute("server.address", "api.hume.ai");
            s.setAttribute("server.port", 443L);
            s.setAttribute(stringArrayKey("http.request.header.x-hume-api-key"), List.of(KEY));
            s.setAttribute(stringArrayKey("http.request.header.authorization"), List.of("Bearer " + TOKEN));
            s.setAttribute(stringArrayKey("http.request.header.accept"), List.of("application/json"));
            s.setAttribute("http.response.status_code", 401L);
        });
        Attributes a = span.getAttributes();
        assertThat(a.get(stringKey("url.full")))
                .isEqualTo("https://api.hume.ai/v0/evi/configs?page_size=10&api_key=REDACTED");
        assertThat(a.get(stringArrayKey("http.request.header.x-hume-api-key"))).containsExactly("REDACTED");
        assertThat(a.get(stringArrayKey("http.request.header.authorization"))).containsExactly("Bearer REDACTED");
        assertThat(a.get(stringArrayKey("http.request.header.accept"))).containsExactly("application/json");
        assertThat(a.get(stringKey("http.request.method"))).isEqualTo("GET");
        assertThat(a.get(AttributeKey.longKey("server.port"))).isEqualTo(443L);
        assertThat(a.size()).isEqualTo(8);
    }

    @ParameterizedTest(name = "snapshot={0}")
    @ValueSource(booleans = {false, true})
    void humesOwnHeaderNameMakesTheSpanHumes(boolean snapshot) {
        // No host on the span; the x-hume-api-key header says whose it is, so its Authorization is Hume's too.
        SpanData span = span(snapshot, s -> {
            s.setAttribute(stringArrayKey("http.request.header.x-hume-api-key"), List.of(KEY));
            s.setAttribute(stringArrayKey("http.request.header.authorization"), List.of("Basic " + BASIC));
        });
        assertThat(span.getAttributes().get(stringArrayKey("http.request.header.authorization")))
                .containsExactly("Basic REDACTED");
        // Without it, an Authorization header is anybody's.
        SpanData other = span(
                snapshot,
                s -> s.setAttribute(stringArrayKey("http.request.header.authorization"), List.of("Bearer " + TOKEN)));
        assertThat(other.getAttributes().get(stringArrayKey("http.request.header.authorization")))
                .containsExactly("Bearer " + TOKEN);
    }

    @ParameterizedTest(name = "{1}, snapshot={0}")
    @MethodSource("ordinaryBothWays")
    void ordinaryValuesAreLeftAsTheyWere(boolean snapshot, String text) {
        SpanData span = span(HumeSpanProcessor.create(), snapshot, text, s -> {
            s.setAttribute("server.address", "api.hume.ai");
            s.setAttribute("message", text);
            s.setStatus(StatusCode.ERROR, text);
        });
        assertThat(span.getAttributes().get(stringKey("message"))).isEqualTo(text);
        assertThat(span.getName()).isEqualTo(text);
        assertThat(span.getStatus().getDescription()).isEqualTo(text);
    }

    @ParameterizedTest(name = "snapshot={0}")
    @ValueSource(booleans = {false, true})
    void codesAreFoundAndCredentialsRedactedInTheSameText(boolean snapshot) {
        String status = "hume(E0300): out of credits; request headers {X-Hume-Api-Key=" + KEY + "}";
        SpanData span = span(snapshot, s -> s.setStatus(StatusCode.ERROR, status));
        HumeAssertions.assertEnriched(span.getAttributes(), "E0300");
        assertThat(span.getStatus().getDescription())
                .isEqualTo("hume(E0300): out of credits; request headers {X-Hume-Api-Key=REDACTED}");
        // An unset status marked ERROR by a code keeps the code as its description.
        SpanData marked = span(snapshot, s -> {
            s.setAttribute("url.full", "wss://api.hume.ai/v0/evi/chat?api_key=" + KEY);
            s.setAttribute("evi.error", "E0701");
        });
        assertThat(marked.getStatus().getDescription()).isEqualTo("E0701");
        assertThat(marked.getAttributes().get(stringKey("url.full")))
                .isEqualTo("wss://api.hume.ai/v0/evi/chat?api_key=REDACTED");
    }

    @ParameterizedTest(name = "snapshot={0}")
    @ValueSource(booleans = {false, true})
    void turnedOffEverythingIsExportedAsBefore(boolean snapshot) {
        String url = "wss://api.hume.ai/v0/evi/chat?api_key=" + KEY;
        SpanData span =
                span(HumeSpanProcessor.builder().setRedactCredentials(false).build(), snapshot, url, s -> {
                    s.setAttribute("url.full", url);
                    s.setAttribute(stringArrayKey("http.request.header.x-hume-api-key"), List.of(KEY));
                    s.setStatus(StatusCode.ERROR, "hume(E0300) X-Hume-Api-Key: " + KEY);
                });
        assertThat(span.getAttributes().get(stringKey("url.full"))).isEqualTo(url);
        assertThat(span.getAttributes().get(stringArrayKey("http.request.header.x-hume-api-key")))
                .containsExactly(KEY);
        assertThat(span.getName()).isEqualTo(url);
        assertThat(span.getStatus().getDescription()).isEqualTo("hume(E0300) X-Hume-Api-Key: " + KEY);
        HumeAssertions.assertEnriched(span.getAttributes(), "E0300");
    }

    @Test
    void eventsCannotBeChangedByAProcessorAndAreExportedAsTheyWere() {
        // A documented limit: span events are immutable once added. Their codes still count.
        SpanData span = span(
                false,
                s -> s.addEvent(
                        "handshake",
                        Attributes.of(stringKey("exception.message"), "hume(E0701) X-Hume-Api-Key: " + KEY)));
        assertThat(span.getEvents()).singleElement().satisfies(e -> assertThat(
                        e.getAttributes().get(stringKey("exception.message")))
                .endsWith(KEY));
        assertThat(span.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0701");
    }

    @Test
    void theSdksOwnSpansAndRecordsAreReadWhereTheyAreKept() {
        // If a later SDK renames SdkSpan's or SdkReadWriteLogRecord's fields this fails: the processors then read
        // every span's snapshot and every record's getAttributes(), which is right but slower (SdkSpanReader).
        assertThat(SdkSpanReader.available()).isTrue();
        assertThat(SdkLogRecordReader.available()).isTrue();
    }

    /** {@code record} behind a wrapper of another class, which the processor reads by getAttributes(). */
    private static ReadWriteLogRecord wrapper(ReadWriteLogRecord record) {
        ReadWriteLogRecord wrapper = (ReadWriteLogRecord) Proxy.newProxyInstance(
                CredentialRedactionTest.class.getClassLoader(),
                new Class<?>[] {ReadWriteLogRecord.class},
                (proxy, method, args) -> {
                    try {
                        return method.invoke(record, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        assertThat(SdkLogRecordReader.reads(wrapper)).isFalse();
        return wrapper;
    }

    // Log records.

    private LogRecordData emit(HumeLogRecordProcessor hume, Consumer<LogRecordBuilder> record) {
        return emit(hume, false, record);
    }

    /** With {@code wrapped}, the processor sees the record through a wrapper, and reads it by getAttributes(). */
    private LogRecordData emit(HumeLogRecordProcessor hume, boolean wrapped, Consumer<LogRecordBuilder> record) {
        SdkLoggerProvider provider = SdkLoggerProvider.builder()
                .addLogRecordProcessor(wrapped ? (context, r) -> hume.onEmit(context, wrapper(r)) : hume)
                .addLogRecordProcessor(SimpleLogRecordProcessor.create(logs))
                .build();
        providers.add(provider);
        LogRecordBuilder builder = provider.get("test").logRecordBuilder();
        record.accept(builder);
        builder.emit();
        List<LogRecordData> finished = logs.getFinishedLogRecordItems();
        return finished.get(finished.size() - 1);
    }

    @ParameterizedTest(name = "{1}, wrapped={0}")
    @MethodSource("renderingsBothWays")
    void credentialsInLogRecordAttributesAreRedacted(boolean wrapped, Case c) {
        LogRecordData record = emit(HumeLogRecordProcessor.create(), wrapped, r -> r.setBody("request failed")
                .setAttribute(stringKey("exception.message"), c.text())
                .setAttribute(stringArrayKey("lines"), List.of(c.text(), "last")));
        assertThat(record.getAttributes().get(stringKey("exception.message"))).isEqualTo(c.expected());
        assertThat(record.getAttributes().get(stringArrayKey("lines"))).containsExactly(c.expected(), "last");
        assertThat(record.getBodyValue().asString()).isEqualTo("request failed");
    }

    @ParameterizedTest(name = "wrapped={0}")
    @ValueSource(booleans = {false, true})
    void aLogRecordsAuthorizationIsRedactedWhenItNamesHume(boolean wrapped) {
        LogRecordData record = emit(HumeLogRecordProcessor.create(), wrapped, r -> r.setBody(
                        "POST https://api.hume.ai/oauth2-cc/token failed")
                .setAttribute(stringKey("request.headers"), "[Authorization:\"Basic " + BASIC + "\"]"));
        assertThat(record.getAttributes().get(stringKey("request.headers")))
                .isEqualTo("[Authorization:\"Basic REDACTED\"]");
    }

    @Test
    void theSdkLetsNoProcessorChangeABodySoThatIsSaidOnce() {
        // No ReadWriteLogRecord up to SDK 1.68 has a body setter: the body leaves as it is, and the processor says
        // so once, while the record's attributes are redacted.
        HumeLogRecordProcessor hume = HumeLogRecordProcessor.create();
        String body = "connecting to wss://api.hume.ai/v0/evi/chat?api_key=" + KEY;
        try (LogCapture log = LogCapture.of(HumeLogRecordProcessor.class)) {
            LogRecordData first = emit(hume, r -> r.setBody(body)
                    .setAttribute(stringKey("url.full"), "wss://api.hume.ai/v0/evi/chat?api_key=" + KEY));
            emit(hume, r -> r.setBody(body));
            assertThat(first.getBodyValue().asString()).isEqualTo(body);
            assertThat(first.getAttributes().get(stringKey("url.full")))
                    .isEqualTo("wss://api.hume.ai/v0/evi/chat?api_key=REDACTED");
            assertThat(log.records).singleElement().satisfies(r -> {
                assertThat(r.getLevel()).isEqualTo(Level.WARNING);
                assertThat(r.getMessage()).contains("body holds a Hume credential", "does not let");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void aStringBodyIsRedactedWhereTheRecordHasABodySetter(Case c) {
        // A record of an SDK that lets processors set the body, as OpenTelemetry's specification asks.
        RecordWithBodySetter record = new RecordWithBodySetter(c.text());
        try (LogCapture log = LogCapture.of(HumeLogRecordProcessor.class)) {
            HumeLogRecordProcessor.create().onEmit(Context.root(), record);
            assertThat(log.records).isEmpty();
        }
        assertThat(record.body.asString()).isEqualTo(c.expected());
    }

    @Test
    void turnedOffLogRecordsAreExportedAsBefore() {
        String url = "wss://api.hume.ai/v0/evi/chat?api_key=" + KEY;
        RecordWithBodySetter bare = new RecordWithBodySetter(url);
        HumeLogRecordProcessor off =
                HumeLogRecordProcessor.builder().setRedactCredentials(false).build();
        off.onEmit(Context.root(), bare);
        assertThat(bare.body.asString()).isEqualTo(url);
        LogRecordData record = emit(off, r -> r.setBody("E0300").setAttribute(stringKey("url.full"), url));
        assertThat(record.getAttributes().get(stringKey("url.full"))).isEqualTo(url);
        HumeAssertions.assertEnriched(record.getAttributes(), "E0300");
    }

    /** A log record with a public body setter, as a later SDK may give. Not thread-safe. */
    public static final class RecordWithBodySetter implements ReadWriteLogRecord {
        Value<?> body;

        RecordWithBodySetter(String body) {
            this.body = Value.of(body);
        }

        public ReadWriteLogRecord setBody(Value<?> body) {
            this.body = body;
            return this;
        }

        @Override
        public <T> ReadWriteLogRecord setAttribute(AttributeKey<T> key, T value) {
            return this;
        }

        @Override
        public Value<?> getBodyValue() {
            return body;
        }

        @Override
        public Attributes getAttributes() {
            return Attributes.empty();
        }

        @Override
        public LogRecordData toLogRecordData() {
            throw new UnsupportedOperationException();
        }
    }

    /** Hands the processor each ending span through a wrapper of another class, which it reads by its snapshot. */
    static final class ThroughWrapper implements ExtendedSpanProcessor {
        private final HumeSpanProcessor hume;

        ThroughWrapper(HumeSpanProcessor hume) {
            this.hume = hume;
        }

        @Override
        public void onEnding(ReadWriteSpan span) {
            ReadWriteSpan wrapper = (ReadWriteSpan) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {ReadWriteSpan.class}, (proxy, method, args) -> {
                        try {
                            return method.invoke(span, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            assertThat(SdkSpanReader.reads(wrapper)).isFalse();
            hume.onEnding(wrapper);
        }

        @Override
        public boolean isOnEndingRequired() {
            return true;
        }

        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {}

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {}

        @Override
        public boolean isEndRequired() {
            return false;
        }
    }
}
