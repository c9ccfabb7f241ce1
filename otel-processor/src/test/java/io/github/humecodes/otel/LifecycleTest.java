package io.github.humecodes.otel;

import static io.github.humecodes.otel.HumeAssertions.assertEnriched;
import static io.github.humecodes.otel.HumeAssertions.assertNotEnriched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Shutdown and flush of the providers the processors live in: what was ended before is exported and enriched, a
 * processor used after shutdown still neither throws nor loses items, and no thread outlives the SDK.
 */
class LifecycleTest {
    private static final int ITEMS = 10_000;
    private static final AttributeKey<Long> CASE = AttributeKey.longKey("test.case");

    private static void endSpans(Tracer tracer, int from, int to) {
        for (int i = from; i < to; i++) {
            Span span = tracer.spanBuilder("call").setAttribute(CASE, (long) i).startSpan();
            if (i % 4 == 0) {
                span.setStatus(StatusCode.ERROR, "hume(E0300): out of credits");
            }
            span.end();
        }
    }

    private static void assertSpans(Collection<SpanData> spans, int expected) {
        assertThat(spans).hasSize(expected);
        for (SpanData s : spans) {
            if (s.getAttributes().get(CASE) % 4 == 0) {
                assertEnriched(s.getAttributes(), "E0300");
            } else {
                assertNotEnriched(s.getAttributes());
            }
        }
    }

    @Test
    void spansEndedBeforeFlushAndShutdownAreAllExported() {
        Queue<SpanData> exported = new ConcurrentLinkedQueue<>(); // kept after shutdown, unlike the in-memory exporter
        SpanExporter exporter = CallbackExporters.spans(exported::addAll);
        HumeSpanProcessor hume = HumeSpanProcessor.create();
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(hume)
                .addSpanProcessor(BatchSpanProcessor.builder(exporter)
                        .setMaxQueueSize(4 * ITEMS)
                        .build())
                .build();
        Tracer tracer = provider.get("test");
        endSpans(tracer, 0, ITEMS);
        assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        assertSpans(List.copyOf(exported), ITEMS);
        endSpans(tracer, ITEMS, 2 * ITEMS);
        assertThat(provider.shutdown().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        assertSpans(List.copyOf(exported), 2 * ITEMS);
        // The processor's own shutdown and flush, called again after the provider's, are harmless.
        assertThat(hume.shutdown().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        assertThat(hume.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }

    @Test
    void aProcessorShutDownWithOneProviderKeepsWorkingInAnother() {
        HumeSpanProcessor hume = HumeSpanProcessor.create();
        SdkTracerProvider first =
                SdkTracerProvider.builder().addSpanProcessor(hume).build();
        first.shutdown().join(10, TimeUnit.SECONDS);
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        SdkTracerProvider second = SdkTracerProvider.builder()
                .addSpanProcessor(hume)
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build();
        try (LogCapture failures = LogCapture.of(HumeSpanProcessor.class)) {
            Span span = second.get("test").spanBuilder("call").startSpan();
            span.setAttribute("evi.code", "E0702");
            assertThatCode(span::end).doesNotThrowAnyException();
            assertThat(exporter.getFinishedSpanItems())
                    .singleElement()
                    .satisfies(s -> assertEnriched(s.getAttributes(), "E0702"));
            assertThat(failures.records).isEmpty();
        } finally {
            second.shutdown();
        }
        // Spans of the provider already shut down are not recorded by the SDK at all; ending one is harmless.
        Span late = first.get("test").spanBuilder("late").startSpan();
        late.setAttribute("evi.code", "E0702");
        assertThatCode(late::end).doesNotThrowAnyException();
    }

    @Test
    void logRecordsEmittedBeforeFlushAndShutdownAreAllExported() {
        Queue<LogRecordData> exported = new ConcurrentLinkedQueue<>();
        LogRecordExporter exporter = CallbackExporters.logs(exported::addAll);
        HumeLogRecordProcessor hume = HumeLogRecordProcessor.create();
        SdkLoggerProvider provider = SdkLoggerProvider.builder()
                .addLogRecordProcessor(BatchLogRecordProcessor.builder(exporter)
                        .setMaxQueueSize(4 * ITEMS)
                        .build())
                .addLogRecordProcessorFirst(hume)
                .build();
        Logger logger = provider.get("test");
        for (int i = 0; i < ITEMS; i++) {
            logger.logRecordBuilder()
                    .setAttribute(CASE, (long) i)
                    .setBody(i % 4 == 0 ? "HumeError: E0300 out of credits" : "fine")
                    .emit();
            if (i == ITEMS / 2) {
                assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess())
                        .isTrue();
                assertThat(List.copyOf(exported)).hasSize(i + 1);
            }
        }
        assertThat(provider.shutdown().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        List<LogRecordData> records = List.copyOf(exported);
        assertThat(records).hasSize(ITEMS);
        for (LogRecordData r : records) {
            if (r.getAttributes().get(CASE) % 4 == 0) {
                assertEnriched(r.getAttributes(), "E0300");
            } else {
                assertNotEnriched(r.getAttributes());
            }
        }
        // The processor after shutdown: no exception, the record passes on enriched.
        assertThat(hume.shutdown().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        InMemoryLogRecordExporter after = InMemoryLogRecordExporter.create();
        SdkLoggerProvider again = SdkLoggerProvider.builder()
                .addLogRecordProcessor(hume)
                .addLogRecordProcessor(SimpleLogRecordProcessor.create(after))
                .build();
        try {
            assertThatCode(() -> again.get("test")
                            .logRecordBuilder()
                            .setBody("E0702")
                            .emit())
                    .doesNotThrowAnyException();
            assertThat(after.getFinishedLogRecordItems())
                    .singleElement()
                    .satisfies(r -> assertEnriched(r.getAttributes(), "E0702"));
        } finally {
            again.shutdown();
        }
    }

    @Test
    void countingIntoAMeterProviderAlreadyShutDownIsHarmless() {
        InMemoryMetricReader metrics = InMemoryMetricReader.create();
        SdkMeterProvider meterProvider =
                SdkMeterProvider.builder().registerMetricReader(metrics).build();
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(HumeSpanProcessor.builder()
                        .setMeterProvider(meterProvider)
                        .build())
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build();
        meterProvider.shutdown().join(10, TimeUnit.SECONDS);
        try (LogCapture failures = LogCapture.of(HumeSpanProcessor.class)) {
            Span span = provider.get("test").spanBuilder("call").startSpan();
            span.setStatus(StatusCode.ERROR, "E0300");
            assertThatCode(span::end).doesNotThrowAnyException();
            assertEnriched(exporter.getFinishedSpanItems().get(0).getAttributes(), "E0300");
            assertThat(failures.records).extracting(LogRecord::getMessage).isEmpty();
        } finally {
            provider.shutdown();
        }
    }

    private static Set<Thread> liveThreads() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    @Test
    void noThreadOutlivesAnAutoconfiguredSdk() throws InterruptedException {
        Set<Thread> before = liveThreads();
        Set<Thread> started = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            OpenTelemetrySdk sdk;
            try (LogCapture startUpLine = LogCapture.of(HumeAutoConfigurationProvider.class)) {
                sdk = AutoConfiguredOpenTelemetrySdk.builder()
                        .addPropertiesSupplier(() -> Map.of(
                                "otel.traces.exporter", "memory",
                                "otel.logs.exporter", "memory",
                                "otel.metrics.exporter", "none",
                                "otel.service.name", "humecodes-test"))
                        .disableShutdownHook()
                        .build()
                        .getOpenTelemetrySdk();
                assertThat(startUpLine.records).singleElement().satisfies(r -> assertThat(r.getMessage())
                        .startsWith("humecodes is active"));
            }
            endSpans(sdk.getTracer("test"), 0, 100);
            sdk.getLogsBridge().get("test").logRecordBuilder().setBody("E0300").emit();
            Set<Thread> during = liveThreads();
            during.removeAll(before);
            // Only the SDK's batch workers start threads; humecodes starts none.
            assertThat(during).extracting(Thread::getName).allSatisfy(name -> assertThat(name)
                    .startsWith("Batch"));
            started.addAll(during);
            sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
            assertSpans(MemoryExporters.spans.getFinishedSpanItems(), 100);
            assertThat(sdk.shutdown().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        }
        assertThat(started).isNotEmpty();
        for (Thread t : started) {
            t.join(TimeUnit.SECONDS.toMillis(10)); // shutdown stops them; this only waits for them to finish
        }
        Set<Thread> after = liveThreads();
        after.removeAll(before);
        assertThat(after.stream()
                        .filter(t -> !t.getName().startsWith("ForkJoinPool.commonPool"))
                        .map(Thread::getName)
                        .collect(Collectors.toList()))
                .isEmpty();
    }
}
