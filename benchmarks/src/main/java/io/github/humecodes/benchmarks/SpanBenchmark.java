package io.github.humecodes.benchmarks;

import io.github.humecodes.otel.HumeSpanProcessor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.internal.ExtendedSpanProcessor;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A span started and ended through the SDK with a BatchSpanProcessor and an exporter that drops everything:
 * without HumeSpanProcessor ({@code plain}) and with it ({@code hume}). The code-free span carries two
 * attributes and no status; the coded one the same attributes and an ERROR status whose description holds a code.
 * {@code snapshot}: a processor that only takes the span's snapshot ({@code toSpanData()}) when it ends, the one
 * way the SDK gives to read a span's status and events there, so the floor of any processor that reads them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class SpanBenchmark {
    static final AttributeKey<String> CHAT_ID = AttributeKey.stringKey("hume.chat_id");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");

    @Param({"false", "true"})
    public boolean hasCode;

    private SdkTracerProvider plainProvider;
    private SdkTracerProvider humeProvider;
    private SdkTracerProvider snapshotProvider;
    private Tracer plain;
    private Tracer hume;
    private Tracer snapshot;

    @Setup
    public void setUp() {
        plainProvider = SdkTracerProvider.builder()
                .addSpanProcessor(BatchSpanProcessor.builder(new DroppingExporter()).build())
                .build();
        HumeSpanProcessor processor = HumeSpanProcessor.create();
        humeProvider = SdkTracerProvider.builder()
                .addSpanProcessor(processor)
                .addSpanProcessor(BatchSpanProcessor.builder(new DroppingExporter()).build())
                .build();
        snapshotProvider = SdkTracerProvider.builder()
                .addSpanProcessor(new SnapshotOnly())
                .addSpanProcessor(BatchSpanProcessor.builder(new DroppingExporter()).build())
                .build();
        plain = plainProvider.get("bench");
        hume = humeProvider.get("bench");
        snapshot = snapshotProvider.get("bench");
        check(processor);
    }

    /** The processor, in a pipeline of its own, must add hume.code to the coded span only. */
    private void check(HumeSpanProcessor processor) {
        Recorder recorder = new Recorder();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(processor).addSpanProcessor(recorder).build()) {
            span(provider.get("check"));
        }
        String code = recorder.last.getAttributes().get(AttributeKey.stringKey("hume.code"));
        if (hasCode ? !"E0715".equals(code) : code != null) {
            throw new IllegalStateException("hume.code was " + code);
        }
    }

    @TearDown
    public void tearDown() {
        plainProvider.close();
        humeProvider.close();
        snapshotProvider.close();
    }

    private Span span(Tracer tracer) {
        Span span = tracer.spanBuilder("evi.chat.message").setAttribute(OPERATION, "chat").startSpan();
        span.setAttribute(CHAT_ID, "8b1f3c2e");
        if (hasCode) {
            span.setStatus(StatusCode.ERROR, Texts.CODED_MESSAGE);
        }
        span.end();
        return span;
    }

    @Benchmark
    public Span plain() {
        return span(plain);
    }

    @Benchmark
    public Span hume() {
        return span(hume);
    }

    @Benchmark
    public Span snapshot() {
        return span(snapshot);
    }

    /** Takes the span's snapshot when it ends, and nothing else. */
    static final class SnapshotOnly implements ExtendedSpanProcessor {
        volatile int attributes;

        @Override
        public void onEnding(ReadWriteSpan span) {
            attributes = span.toSpanData().getAttributes().size(); // kept, so the snapshot is not optimised away
        }

        @Override
        public boolean isOnEndingRequired() {
            return true;
        }

        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
        }

        @Override
        public boolean isEndRequired() {
            return false;
        }
    }

    /** Exports nothing, at once. */
    static final class DroppingExporter implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    /** Keeps the last span ended. */
    static final class Recorder implements SpanProcessor {
        SpanData last;

        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            last = span.toSpanData();
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }
    }
}
