package io.github.humecodes.otel;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.humecodes.Catalog;
import io.github.humecodes.Detector;
import io.github.humecodes.HumeCode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Eight threads end spans (and emit log records) as fast as they can through the processor, beside an exporter
 * that throws on every item: every item reaches the healthy exporter, each with exactly the attributes its codes
 * give, the counter counts each coded item once, and no exception reaches the threads.
 */
@Tag("stress")
class LoadTest {
    private static final int THREADS = 8;
    private static final int SPANS_PER_THREAD = 50_000;
    private static final int LOGS_PER_THREAD = 10_000;
    private static final Catalog CATALOG = Catalog.builtIn();
    /** The codes the coded items carry, in turn: catalog codes of each severity and unknown codes. */
    private static final String[] CODES = {
        "E0300", "E0702", "W0105", "I0100", "E0601", "E0999", "W0999", "I0999", "E0811", "E0715", "E0203"
    };

    private static final AttributeKey<Long> CASE = longKey("test.case");

    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final SdkMeterProvider meterProvider =
            SdkMeterProvider.builder().registerMetricReader(metrics).build();
    private final CodeCounter counter = CodeCounter.create(meterProvider, CATALOG);
    private final Checker checker = new Checker();
    private final AtomicLong failedExports = new AtomicLong();
    // The SDK logs each exporter failure; 400,000 warnings would only slow the test down.
    private final java.util.logging.Logger[] quiet = {
        java.util.logging.Logger.getLogger(SimpleSpanProcessor.class.getName()),
        java.util.logging.Logger.getLogger(SimpleLogRecordProcessor.class.getName())
    };
    private LogCapture spanFailures;
    private LogCapture logFailures;

    @BeforeEach
    void setUp() {
        for (java.util.logging.Logger l : quiet) {
            l.setLevel(Level.OFF);
        }
        spanFailures = LogCapture.of(HumeSpanProcessor.class);
        logFailures = LogCapture.of(HumeLogRecordProcessor.class);
    }

    @AfterEach
    void tearDown() {
        for (java.util.logging.Logger l : quiet) {
            l.setLevel(null);
        }
        spanFailures.close();
        logFailures.close();
        meterProvider.shutdown();
    }

    /** The code item {@code n} carries, or null for the three items in four that carry none. */
    static String codeOf(long n) {
        return n % 4 == 0 ? CODES[(int) ((n / 4) % CODES.length)] : null;
    }

    /** How item {@code n} carries its code: 0 status or body, 1 exception, 2 attribute. */
    static int wayOf(long n) {
        return (int) ((n / 4) % 3);
    }

    /** Compares each exported item with what its case number says; never throws into the SDK. */
    static final class Checker {
        final AtomicLong seen = new AtomicLong();
        final AtomicLong coded = new AtomicLong();
        final AtomicLong wrong = new AtomicLong();
        final Queue<String> problems = new ConcurrentLinkedQueue<>();

        void check(Attributes attributes, StatusData status) {
            seen.incrementAndGet();
            Long n = attributes.get(CASE);
            String problem = n == null ? "no case number" : problem(n, attributes, status);
            if (problem != null) {
                if (wrong.incrementAndGet() <= 10) {
                    problems.add(problem);
                }
            }
        }

        private String problem(long n, Attributes attributes, StatusData status) {
            Map<AttributeKey<?>, Object> hume = HumeAssertions.humeAttributes(attributes);
            String code = codeOf(n);
            if (code == null) {
                return hume.isEmpty() ? null : n + ": code-free item has " + hume;
            }
            coded.incrementAndGet();
            HumeCode e = CATALOG.lookup(code);
            Map<AttributeKey<?>, Object> expected = Map.of(
                    HumeAttributes.CODE, code,
                    HumeAttributes.CATEGORY, e.category(),
                    HumeAttributes.SEVERITY, e.severity().id(),
                    HumeAttributes.DESCRIPTION, e.description(),
                    HumeAttributes.RETRYABLE, e.retryable());
            if (!hume.equals(expected)) {
                return n + ": expected " + expected + " but was " + hume;
            }
            if (status != null && wayOf(n) != 0) {
                StatusCode want =
                        e.severity().atLeast(io.github.humecodes.Severity.ERROR) ? StatusCode.ERROR : StatusCode.UNSET;
                if (status.getStatusCode() != want) {
                    return n + ": status " + status + " for " + code;
                }
            }
            return null;
        }
    }

    /** Runs {@code work} for each of {@code perThread} items on each of eight threads, started together. */
    private static List<Throwable> onEightThreads(int perThread, IntConsumer work) throws InterruptedException {
        Queue<Throwable> escaped = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int base = t * perThread;
            Thread thread = new Thread(
                    () -> {
                        try {
                            start.await();
                            for (int i = 0; i < perThread; i++) {
                                work.accept(base + i);
                            }
                        } catch (Throwable e) {
                            escaped.add(e);
                        }
                    },
                    "load-" + t);
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return new ArrayList<>(escaped);
    }

    /**
     * The expected {@code hume.codes} points: "code category severity signal = count", as the counts helper
     * writes.
     */
    private static List<String> expectedCounts(long items, String signal) {
        Map<String, Long> counts = new TreeMap<>();
        for (long n = 0; n < items; n++) {
            String code = codeOf(n);
            if (code != null) {
                HumeCode e = CATALOG.lookup(code);
                String key = (e.inCatalog() ? code : "unknown") + " " + e.category() + " "
                        + e.severity().id() + " " + signal;
                counts.merge(key, 1L, Long::sum);
            }
        }
        List<String> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(k + " = " + v));
        return out;
    }

    @Test
    void fourHundredThousandSpansOnEightThreads() throws InterruptedException {
        SpanExporter throwing = CallbackExporters.spans(batch -> {
            failedExports.incrementAndGet();
            throw new IllegalStateException("collector down");
        });
        SpanExporter healthy =
                CallbackExporters.spans(batch -> batch.forEach(s -> checker.check(s.getAttributes(), s.getStatus())));
        SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(throwing))
                .addSpanProcessor(HumeSpanProcessor.builder()
                        .setDetector(Detector.create())
                        .setCounter(counter)
                        .build())
                .addSpanProcessor(SimpleSpanProcessor.create(healthy))
                .build();
        Tracer tracer = tracerProvider.get("load");
        List<Throwable> escaped = onEightThreads(SPANS_PER_THREAD, n -> {
            Span span = tracer.spanBuilder("call").setAttribute(CASE, (long) n).startSpan();
            span.setAttribute("http.route", "/v0/evi/chat");
            String code = codeOf(n);
            if (code != null) {
                switch (wayOf(n)) {
                    case 0:
                        span.setStatus(StatusCode.ERROR, "hume(" + code + "): request failed");
                        break;
                    case 1:
                        span.recordException(new IllegalStateException("EVI Error: Code=" + code + ", Message=..."));
                        break;
                    default:
                        span.setAttribute("evi.code", code);
                        break;
                }
            } else if (n % 4 == 1) {
                span.recordException(new IllegalStateException("request e0300f00 failed"));
            }
            span.end();
        });
        assertThat(tracerProvider
                        .shutdown()
                        .join(10, java.util.concurrent.TimeUnit.SECONDS)
                        .isSuccess())
                .isTrue();

        long total = (long) THREADS * SPANS_PER_THREAD;
        assertThat(escaped).isEmpty();
        assertThat(checker.problems).isEmpty();
        assertThat(checker.seen.get()).isEqualTo(total);
        assertThat(failedExports.get()).isEqualTo(total);
        assertThat(checker.coded.get()).isEqualTo(total / 4);
        assertThat(HumeSpanProcessorTest.counts(metrics.collectAllMetrics()))
                .containsExactlyInAnyOrderElementsOf(expectedCounts(total, "span"));
        assertThat(spanFailures.records).extracting(LogRecord::getMessage).isEmpty();
    }

    @Test
    void eightyThousandLogRecordsOnEightThreads() throws InterruptedException {
        LogRecordExporter throwing = CallbackExporters.logs(batch -> {
            failedExports.incrementAndGet();
            throw new IllegalStateException("collector down");
        });
        LogRecordExporter healthy =
                CallbackExporters.logs(batch -> batch.forEach(r -> checker.check(r.getAttributes(), null)));
        SdkLoggerProvider loggerProvider = SdkLoggerProvider.builder()
                .addLogRecordProcessor(SimpleLogRecordProcessor.create(throwing))
                .addLogRecordProcessor(SimpleLogRecordProcessor.create(healthy))
                .addLogRecordProcessorFirst(HumeLogRecordProcessor.builder()
                        .setDetector(Detector.create())
                        .setCounter(counter)
                        .build())
                .build();
        Logger logger = loggerProvider.get("load");
        List<Throwable> escaped = onEightThreads(LOGS_PER_THREAD, n -> {
            LogRecordBuilder record = logger.logRecordBuilder().setAttribute(CASE, (long) n);
            String code = codeOf(n);
            if (code == null) {
                record.setBody("processed 1000 records for chat e0300f00");
            } else if (wayOf(n) == 0) {
                record.setBody("hume(" + code + "): request failed");
            } else if (wayOf(n) == 1) {
                record.setBody("chat failed").setException(new IllegalStateException("Code=" + code));
            } else {
                record.setBody("chat failed").setAttribute(stringKey("evi.code"), code);
            }
            record.emit();
        });
        assertThat(loggerProvider
                        .shutdown()
                        .join(10, java.util.concurrent.TimeUnit.SECONDS)
                        .isSuccess())
                .isTrue();

        long total = (long) THREADS * LOGS_PER_THREAD;
        assertThat(escaped).isEmpty();
        assertThat(checker.problems).isEmpty();
        assertThat(checker.seen.get()).isEqualTo(total);
        assertThat(failedExports.get()).isEqualTo(total);
        assertThat(checker.coded.get()).isEqualTo(total / 4);
        assertThat(HumeSpanProcessorTest.counts(metrics.collectAllMetrics()))
                .containsExactlyInAnyOrderElementsOf(expectedCounts(total, "log"));
        assertThat(logFailures.records).extracting(LogRecord::getMessage).isEmpty();
    }
}
