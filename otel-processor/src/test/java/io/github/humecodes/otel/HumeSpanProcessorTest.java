package io.github.humecodes.otel;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThatThrownBy;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import io.github.humecodes.Catalog;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HumeSpanProcessorTest {
    static final String E0300_DESCRIPTION =
            "The account has run out of credits; billing must be activated before further API calls succeed.";

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final SdkMeterProvider meterProvider =
            SdkMeterProvider.builder().registerMetricReader(metrics).build();
    private SdkTracerProvider tracerProvider;

    @AfterEach
    void shutDown() {
        if (tracerProvider != null) {
            tracerProvider.shutdown();
        }
        meterProvider.shutdown();
    }

    private Tracer tracer(HumeSpanProcessor processor) {
        tracerProvider = SdkTracerProvider.builder()
                .addSpanProcessor(processor)
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build();
        return tracerProvider.get("test");
    }

    private Tracer tracer() {
        return tracer(
                HumeSpanProcessor.builder().setMeterProvider(meterProvider).build());
    }

    /** Ends one span shaped by {@code body} and returns what the exporter received. */
    private SpanData span(Tracer tracer, Consumer<Span> body) {
        Span span = tracer.spanBuilder("hume.call").startSpan();
        body.accept(span);
        span.end();
        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertThat(spans).isNotEmpty();
        return spans.get(spans.size() - 1);
    }

    private SpanData span(Consumer<Span> body) {
        return span(tracer(), body);
    }

    @Test
    void statusDescriptionGivesEveryAttributeWithItsType() {
        SpanData span = span(s -> s.setStatus(StatusCode.ERROR, "hume(E0300): out of credits"));
        assertThat(span)
                .hasAttributesSatisfyingExactly(
                        equalTo(HumeAttributes.CODE, "E0300"),
                        equalTo(HumeAttributes.CATEGORY, "billing"),
                        equalTo(HumeAttributes.SEVERITY, "critical"),
                        equalTo(HumeAttributes.DESCRIPTION, E0300_DESCRIPTION),
                        equalTo(HumeAttributes.RETRYABLE, false));
        assertThat(span.getAttributes().get(AttributeKey.booleanKey("hume.retryable")))
                .isFalse();
        // The status set by the application is left alone.
        assertThat(span.getStatus().getDescription()).isEqualTo("hume(E0300): out of credits");
    }

    @Test
    void recordedExceptionIsReadThroughItsCauses() {
        SpanData span = span(s -> s.recordException(new RuntimeException(
                "chat ended",
                new IllegalStateException("EVI Error: Code=E0715, Slug=max_duration_timeout, Message=..."))));
        assertThat(span.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0715");
        assertThat(span.getAttributes().get(HumeAttributes.CATEGORY)).isEqualTo("session");
        assertThat(span.getAttributes().get(HumeAttributes.SEVERITY)).isEqualTo("info");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void suppressedExceptionsCount() {
        RuntimeException top = new RuntimeException("closing the stream failed");
        top.addSuppressed(new IllegalStateException("HumeError: CODE W0103: No faces"));
        SpanData span = span(s -> s.recordException(top));
        assertThat(span.getAttributes().get(HumeAttributes.CODE)).isEqualTo("W0103");
    }

    @Test
    void exceptionEventWithoutThrowableIsReadFromItsAttributes() {
        SpanData message = span(s -> s.addEvent(
                "exception",
                Attributes.of(
                        stringKey("exception.type"), "HumeClientException",
                        stringKey("exception.message"), "Error (E0705): Custom language model disconnected.")));
        assertThat(message.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0705");
        assertThat(message.getAttributes().get(HumeAttributes.CATEGORY)).isEqualTo("custom_llm");
        exporter.reset();
        SpanData type = span(s -> s.addEvent(
                "exception",
                Attributes.of(
                        stringKey("exception.type"),
                        "com.example.hume.E0706",
                        stringKey("exception.message"),
                        "down")));
        assertThat(type.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0706");
    }

    @Test
    void otherEventsAttributesAreReadLikeText() {
        SpanData exact = span(s -> s.addEvent("evi.error", Attributes.of(stringKey("code"), "E0714")));
        assertThat(exact.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0714");
        exporter.reset();
        SpanData text = span(s -> s.addEvent("evi.message", Attributes.of(stringKey("text"), "got E0714 back")));
        assertThat(text.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0714");
        exporter.reset();
        SpanData none = span(s -> s.addEvent("evi.message", Attributes.of(stringKey("text"), "got 0714 back")));
        assertThat(none.getAttributes().get(HumeAttributes.CODE)).isNull();
    }

    @Test
    void stringAttributesAreReadLikeMessageText() {
        SpanData exact = span(s -> s.setAttribute("error.type", "E0300"));
        assertThat(exact.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0300");
        exporter.reset();
        // One rule for every integration: a code inside an attribute's text counts, as in a log message.
        SpanData contains = span(s -> s.setAttribute("http.response.body", "{\"type\":\"error\",\"code\":\"E0300\"}"));
        assertThat(contains.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0300");
        assertThat(contains.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        exporter.reset();
        SpanData lookAlike = span(s -> s.setAttribute("build.id", "PYL-W0612 a1E0300b"));
        assertThat(lookAlike.getAttributes().asMap()).containsOnlyKeys(stringKey("build.id"));
        assertThat(lookAlike.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void numericCloseCodesCountUnderCloseCodeKeysOnly() {
        SpanData websocket = span(s -> s.setAttribute("websocket.close.code", 1011L));
        assertThat(websocket.getAttributes().get(HumeAttributes.CODE)).isEqualTo("1011");
        assertThat(websocket.getAttributes().get(HumeAttributes.CATEGORY)).isEqualTo("connection");
        assertThat(websocket.getAttributes().get(HumeAttributes.SEVERITY)).isEqualTo("error");
        assertThat(websocket.getAttributes().get(HumeAttributes.RETRYABLE)).isTrue();
        assertThat(websocket.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        exporter.reset();
        assertThat(span(s -> s.setAttribute("ws.close_code", 1008L))
                        .getAttributes()
                        .get(HumeAttributes.CODE))
                .isEqualTo("1008");
        exporter.reset();
        SpanData other = span(s -> {
            s.setAttribute("server.port", 1008L);
            s.setAttribute("db.rows", 1000L);
            s.setAttribute("http.response.status_code", 1011L);
        });
        assertThat(other.getAttributes().get(HumeAttributes.CODE)).isNull();
        exporter.reset();
        assertThat(span(s -> s.setAttribute("websocket.close.code", 1001L))
                        .getAttributes()
                        .get(HumeAttributes.CODE))
                .isNull();
    }

    @Test
    void severalCodesGiveTheMostSevereAndTheListInOrderOfAppearance() {
        SpanData span = span(s -> {
            s.setStatus(StatusCode.ERROR, "W0105 first, then E0601");
            s.setAttribute("websocket.close.code", 1011L);
            s.setAttribute("evi.code", "E0300");
        });
        assertThat(span.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0300");
        // The status first, then the attributes in the order the SDK keeps them (by key).
        assertThat(span.getAttributes().get(HumeAttributes.CODES)).containsExactly("W0105", "E0601", "E0300", "1011");
        SpanData one = span(s -> s.setStatus(StatusCode.ERROR, "E0601 twice: E0601"));
        assertThat(one.getAttributes().get(HumeAttributes.CODES)).isNull();
    }

    @Test
    void equallySevereCodesKeepTheFirstFound() {
        SpanData span = span(s -> s.setStatus(StatusCode.ERROR, "E0203 and E0702"));
        assertThat(span.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0203");
    }

    @Test
    void spansWithoutCodesAreUntouched() {
        SpanData span = span(s -> {
            s.setAttribute("http.route", "/v0/evi/chat");
            s.setAttribute("request.id", "e0300a1b2c3d4e5f60718293a4b5c6d7");
            s.setAttribute("records", 1000L);
            s.addEvent("note", Attributes.of(stringKey("text"), "processed 1000 records"));
            s.recordException(new IllegalStateException("rustc --explain E0499"));
            s.setStatus(StatusCode.ERROR, "error[E0599]: no method named `foo`");
        });
        assertThat(span.getAttributes().asMap())
                .containsOnlyKeys(stringKey("http.route"), stringKey("request.id"), longKey("records"));
        assertThat(span.getStatus().getDescription()).isEqualTo("error[E0599]: no method named `foo`");
        assertThat(metrics.collectAllMetrics()).isEmpty();
    }

    @Test
    void attributesAlreadyOnTheSpanAreKept() {
        SpanData span = span(s -> {
            s.setAttribute("hume.category", "our_own");
            s.setAttribute(AttributeKey.booleanKey("hume.retryable"), true);
            s.setStatus(StatusCode.ERROR, "E0300");
        });
        assertThat(span.getAttributes().get(HumeAttributes.CATEGORY)).isEqualTo("our_own");
        assertThat(span.getAttributes().get(HumeAttributes.RETRYABLE)).isTrue();
        assertThat(span.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0300");
        assertThat(span.getAttributes().get(HumeAttributes.SEVERITY)).isEqualTo("critical");
    }

    @Test
    void errorAndCriticalCodesMarkAnUnsetStatus() {
        SpanData critical = span(s -> s.setAttribute("evi.code", "E0300"));
        assertThat(critical.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(critical.getStatus().getDescription()).isEqualTo("E0300");
        SpanData error = span(s -> s.setAttribute("evi.code", "E0702"));
        assertThat(error.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(error.getStatus().getDescription()).isEqualTo("E0702");
        // An unknown E code is an error too.
        assertThat(span(s -> s.setAttribute("evi.code", "E0999")).getStatus().getStatusCode())
                .isEqualTo(StatusCode.ERROR);
    }

    @Test
    void warningAndInfoCodesLeaveTheStatusUnset() {
        assertThat(span(s -> s.setAttribute("evi.code", "E0700")).getStatus().getStatusCode())
                .isEqualTo(StatusCode.UNSET);
        assertThat(span(s -> s.setAttribute("evi.code", "W0105")).getStatus().getStatusCode())
                .isEqualTo(StatusCode.UNSET);
        assertThat(span(s -> s.setAttribute("websocket.close.code", 1000L))
                        .getStatus()
                        .getStatusCode())
                .isEqualTo(StatusCode.UNSET);
    }

    @Test
    void aStatusSetByTheApplicationIsKept() {
        SpanData error = span(s -> {
            s.setStatus(StatusCode.ERROR, "upstream failed");
            s.setAttribute("evi.code", "E0300");
        });
        assertThat(error.getStatus().getDescription()).isEqualTo("upstream failed");
        SpanData ok = span(s -> {
            s.setStatus(StatusCode.OK);
            s.setAttribute("evi.code", "E0300");
        });
        assertThat(ok.getStatus().getStatusCode()).isEqualTo(StatusCode.OK);
        assertThat(ok.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0300");
    }

    @Test
    void statusMarkingCanBeTurnedOff() {
        Tracer tracer =
                tracer(HumeSpanProcessor.builder().setMarkErrorStatus(false).build());
        SpanData span = span(tracer, s -> s.setAttribute("evi.code", "E0300"));
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span.getAttributes().get(HumeAttributes.CODE)).isEqualTo("E0300");
    }

    @Test
    void processorsAddedBeforeItSeeTheAttributesAndTheStatus() {
        List<String> seen = new ArrayList<>();
        SpanProcessor before = new SpanProcessor() {
            @Override
            public void onStart(Context parentContext, ReadWriteSpan span) {}

            @Override
            public boolean isStartRequired() {
                return false;
            }

            @Override
            public void onEnd(ReadableSpan span) {
                seen.add(span.getAttribute(HumeAttributes.CODE) + " "
                        + span.toSpanData().getStatus().getStatusCode());
            }

            @Override
            public boolean isEndRequired() {
                return true;
            }
        };
        tracerProvider = SdkTracerProvider.builder()
                .addSpanProcessor(before)
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .addSpanProcessor(HumeSpanProcessor.create())
                .build();
        Span span = tracerProvider.get("test").spanBuilder("call").startSpan();
        span.setAttribute("websocket.close.code", 1011L);
        span.end();
        assertThat(seen).containsExactly("1011 ERROR");
        assertThat(exporter.getFinishedSpanItems()).singleElement().satisfies(s -> assertThat(
                        s.getAttributes().get(HumeAttributes.CODE))
                .isEqualTo("1011"));
    }

    @Test
    void theCounterCountsSpansByPrimaryCodeWithUnknownCodesAsUnknown() {
        Tracer tracer = tracer();
        span(tracer, s -> s.setStatus(StatusCode.ERROR, "E0300"));
        span(tracer, s -> s.setStatus(StatusCode.ERROR, "W0105 and E0300"));
        span(tracer, s -> s.setAttribute("evi.code", "E0999"));
        span(tracer, s -> s.setAttribute("evi.code", "E0998"));
        span(tracer, s -> s.setAttribute("evi.code", "W0999"));
        span(tracer, s -> s.setAttribute("ok", "nothing"));
        assertThat(counts(metrics.collectAllMetrics()))
                .containsExactlyInAnyOrder(
                        "E0300 billing critical span = 2",
                        "unknown unknown error span = 2",
                        "unknown unknown warning span = 1");
        MetricData metric = metrics.collectAllMetrics().iterator().next();
        assertThat(metric.getName()).isEqualTo("hume.codes");
        assertThat(metric.getUnit()).isEqualTo("{code}");
        assertThat(metric.getDescription()).isNotBlank();
        assertThat(metric.getInstrumentationScopeInfo().getName()).isEqualTo("io.github.humecodes.otel");
        assertThat(metric.getLongSumData().isMonotonic()).isTrue();
    }

    @Test
    void withoutAMeterProviderNothingIsCounted() {
        Tracer tracer = tracer(HumeSpanProcessor.create());
        assertThat(span(tracer, s -> s.setStatus(StatusCode.ERROR, "E0300"))
                        .getAttributes()
                        .get(HumeAttributes.CODE))
                .isEqualTo("E0300");
        assertThat(metrics.collectAllMetrics()).isEmpty();
    }

    @Test
    void aCatalogOverrideChangesWhatIsAdded() throws Exception {
        Catalog catalog = Catalog.builtIn()
                .withOverrides(
                        new ByteArrayInputStream("{\"codes\":[{\"code\":\"E0601\",\"severity\":\"error\"}]}"
                                .getBytes(StandardCharsets.UTF_8)),
                        "override.json");
        Tracer tracer = tracer(HumeSpanProcessor.builder().setCatalog(catalog).build());
        SpanData span = span(tracer, s -> s.setAttribute("evi.code", "E0601"));
        assertThat(span.getAttributes().get(HumeAttributes.SEVERITY)).isEqualTo("error");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    @Test
    void textsAreReadUpToMaxScanChars() {
        Tracer tracer = tracer(HumeSpanProcessor.builder().setMaxScanChars(10).build());
        assertThat(span(tracer, s -> s.setStatus(StatusCode.ERROR, "0123456789 E0300"))
                        .getAttributes()
                        .get(HumeAttributes.CODE))
                .isNull();
        assertThat(span(tracer, s -> s.setStatus(StatusCode.ERROR, "E0300 0123456789"))
                        .getAttributes()
                        .get(HumeAttributes.CODE))
                .isEqualTo("E0300");
        assertThatThrownBy(() -> HumeSpanProcessor.builder().setMaxScanChars(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailureIsSwallowedAndReported() {
        ReadWriteSpan broken = (ReadWriteSpan) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ReadWriteSpan.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getName")) {
                        return "broken";
                    }
                    throw new IllegalStateException("snapshot failed");
                });
        HumeSpanProcessor processor = HumeSpanProcessor.create();
        try (LogCapture log = LogCapture.of(HumeSpanProcessor.class)) {
            processor.onEnding(broken);
            processor.onEnding(broken);
            assertThat(log.records).hasSize(2).allSatisfy(r -> {
                assertThat(r.getLevel()).isEqualTo(Level.WARNING);
                assertThat(r.getMessage()).contains("span broken");
                assertThat(r.getThrown()).hasMessage("snapshot failed");
            });
        }
    }

    @Test
    void itAsksForOnEndingOnly() {
        HumeSpanProcessor processor = HumeSpanProcessor.create();
        assertThat(processor.isOnEndingRequired()).isTrue();
        assertThat(processor.isStartRequired()).isFalse();
        assertThat(processor.isEndRequired()).isFalse();
    }

    /** The points of {@code hume.codes} as "code category severity signal = value". */
    static List<String> counts(Collection<MetricData> all) {
        List<String> out = new ArrayList<>();
        for (MetricData m : all) {
            if (!m.getName().equals("hume.codes")) {
                continue;
            }
            for (LongPointData p : m.getLongSumData().getPoints()) {
                Attributes a = p.getAttributes();
                assertThat(a.size()).isEqualTo(4);
                out.add(a.get(CodeCounter.CODE) + " " + a.get(CodeCounter.CATEGORY) + " " + a.get(CodeCounter.SEVERITY)
                        + " " + a.get(CodeCounter.SIGNAL) + " = " + p.getValue());
            }
        }
        return out;
    }
}
