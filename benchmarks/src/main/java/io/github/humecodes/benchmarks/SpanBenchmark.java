package io.github.humecodes.benchmarks;

import io.github.humecodes.otel.HumeSpanProcessor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.internal.ExtendedSpanProcessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 * A span started and ended through the SDK: without any humecodes component ({@code plain}), with
 * HumeSpanProcessor (default settings: credentials redacted, error status marked) in front ({@code hume}), and
 * with it set not to redact credentials ({@code humeNoRedaction}: what redaction costs). {@code snapshot}: a
 * processor that only takes the span's snapshot ({@code toSpanData()}) when it ends, which is what reading a span
 * through its copy costs. The pipeline behind: {@code simple}, SimpleSpanProcessor and an exporter that does
 * nothing, the cheapest exporting pipeline; {@code batch}, BatchSpanProcessor and an exporter that drops everything
 * (the pipeline of earlier runs), the export on the processor's own thread. {@link OtlpSpanBenchmark} measures the
 * pipeline applications run, the OTLP exporter's work included. The code-free span carries two attributes and no
 * status; the coded one the same attributes and an ERROR status whose description holds a code.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class SpanBenchmark {
    static final AttributeKey<String> CHAT_ID = AttributeKey.stringKey("hume.chat_id");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");

    @Param({"simple", "batch"})
    public String pipeline;

    @Param({"false", "true"})
    public boolean hasCode;

    private final List<SdkTracerProvider> providers = new ArrayList<>();
    private Tracer plain;
    private Tracer hume;
    private Tracer humeNoRedaction;
    private Tracer snapshot;

    @Setup
    public void setUp() {
        HumeSpanProcessor processor = HumeSpanProcessor.create();
        plain = tracer(null);
        hume = tracer(processor);
        humeNoRedaction =
                tracer(HumeSpanProcessor.builder().setRedactCredentials(false).build());
        snapshot = tracer(new SnapshotOnly());
        check(processor);
    }

    /** A tracer whose provider has {@code first} (none when null) in front of the pipeline. */
    private Tracer tracer(SpanProcessor first) {
        var builder = SdkTracerProvider.builder();
        if (first != null) {
            builder.addSpanProcessor(first);
        }
        SdkTracerProvider provider = builder.addSpanProcessor(exporting()).build();
        providers.add(provider);
        return provider.get("bench");
    }

    /** The exporting processor of {@link #pipeline}. */
    private SpanProcessor exporting() {
        switch (pipeline) {
            case "simple":
                return SimpleSpanProcessor.create(new NoopExporter());
            case "batch":
                return BatchSpanProcessor.builder(new NoopExporter()).build();
            default:
                throw new IllegalArgumentException("pipeline " + pipeline);
        }
    }

    static SpanExporter otlp(NullHttpSender sender) {
        Supplier<MeterProvider> noMetrics = MeterProvider::noop;
        return OtlpHttpSpanExporter.builder()
                .setComponentLoader(sender.loader())
                .setMeterProvider(noMetrics)
                .build();
    }

    /**
     * The processor, in a pipeline of its own, must add hume.code to the coded span only; an OTLP exporter behind it
     * must serialize what it added.
     */
    private void check(HumeSpanProcessor processor) {
        Recorder recorder = new Recorder();
        NullHttpSender sender = new NullHttpSender();
        sender.capture();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(processor)
                .addSpanProcessor(recorder)
                .addSpanProcessor(SimpleSpanProcessor.create(otlp(sender)))
                .build()) {
            span(provider.get("check"));
            provider.forceFlush().join(10, TimeUnit.SECONDS);
        }
        String code = recorder.last.getAttributes().get(AttributeKey.stringKey("hume.code"));
        if (hasCode ? !Texts.CODED_MESSAGE_CODE.equals(code) : code != null) {
            throw new IllegalStateException("hume.code was " + code);
        }
        String request = sender.captured();
        if (!request.contains("evi.chat.message") || request.contains("hume.code") != hasCode) {
            throw new IllegalStateException(
                    "the OTLP request was not what the span holds: " + request.length() + " bytes");
        }
    }

    @TearDown
    public void tearDown() {
        for (SdkTracerProvider p : providers) {
            p.close();
        }
        providers.clear();
    }

    private Span span(Tracer tracer) {
        Span span = tracer.spanBuilder("evi.chat.message")
                .setAttribute(OPERATION, "chat")
                .startSpan();
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
    public Span humeNoRedaction() {
        return span(humeNoRedaction);
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

    /** Exports nothing, at once. */
    static final class NoopExporter implements SpanExporter {
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
        volatile SpanData last;

        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {}

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
