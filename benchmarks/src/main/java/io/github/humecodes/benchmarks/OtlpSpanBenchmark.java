package io.github.humecodes.benchmarks;

import io.github.humecodes.otel.HumeSpanProcessor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What applications run: spans through BatchSpanProcessor and the OTLP/HTTP exporter, whose HTTP sender writes
 * each serialized request to a null sink ({@link NullHttpSender}), without humecodes ({@code plain}), with
 * HumeSpanProcessor in front ({@code hume}) and with it set not to redact credentials ({@code humeNoRedaction}).
 * BatchSpanProcessor exports on its own thread, so a single span's end would not show the exporter's work: each
 * invocation ends {@value #BATCH} spans (one export batch) and flushes the processor, waiting for the export; the
 * time is per span. The spans are those of {@link SpanBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class OtlpSpanBenchmark {
    /** BatchSpanProcessor's default export batch size. */
    static final int BATCH = 512;

    static final AttributeKey<String> CHAT_ID = SpanBenchmark.CHAT_ID;
    static final AttributeKey<String> OPERATION = SpanBenchmark.OPERATION;

    @Param({"false", "true"})
    public boolean hasCode;

    private final List<SdkTracerProvider> providers = new ArrayList<>();
    private final List<NullHttpSender> senders = new ArrayList<>();
    private SdkTracerProvider plain;
    private SdkTracerProvider hume;
    private SdkTracerProvider humeNoRedaction;

    @Setup
    public void setUp() {
        plain = provider(null);
        hume = provider(HumeSpanProcessor.create());
        humeNoRedaction =
                provider(HumeSpanProcessor.builder().setRedactCredentials(false).build());
        for (SdkTracerProvider p : providers) {
            spans(p);
        }
        for (NullHttpSender s : senders) {
            if (s.bytes() < BATCH * 50L) {
                throw new IllegalStateException("the exporter serialized only " + s.bytes() + " bytes");
            }
        }
    }

    private SdkTracerProvider provider(SpanProcessor first) {
        NullHttpSender sender = new NullHttpSender();
        SdkTracerProviderBuilder builder = SdkTracerProvider.builder();
        if (first != null) {
            builder.addSpanProcessor(first);
        }
        SdkTracerProvider provider = builder.addSpanProcessor(
                        BatchSpanProcessor.builder(SpanBenchmark.otlp(sender)).build())
                .build();
        providers.add(provider);
        senders.add(sender);
        return provider;
    }

    @TearDown
    public void tearDown() {
        for (SdkTracerProvider p : providers) {
            p.close();
        }
        providers.clear();
        senders.clear();
    }

    /** Ends one batch of spans and waits until they are exported. */
    private Span spans(SdkTracerProvider provider) {
        Tracer tracer = provider.get("bench");
        Span last = null;
        for (int i = 0; i < BATCH; i++) {
            last = tracer.spanBuilder("evi.chat.message")
                    .setAttribute(OPERATION, "chat")
                    .startSpan();
            last.setAttribute(CHAT_ID, "8b1f3c2e");
            if (hasCode) {
                last.setStatus(StatusCode.ERROR, Texts.CODED_MESSAGE);
            }
            last.end();
        }
        if (!provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()) {
            throw new IllegalStateException("the export did not finish");
        }
        return last;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Span plain() {
        return spans(plain);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Span hume() {
        return spans(hume);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Span humeNoRedaction() {
        return spans(humeNoRedaction);
    }
}
