package io.github.humecodes.benchmarks;

import io.github.humecodes.otel.HumeLogRecordProcessor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
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
 * Log records and HumeLogRecordProcessor. {@code humeOnly}: the processor's own work on one record (a record of
 * this class whose setters keep nothing, so that every call does the whole job of a fresh record, with the
 * body and the two attributes OpenTelemetry's Logback appender would give it). {@code plainEmit} and
 * {@code humeEmit}: a record emitted through the SDK to a processor that only keeps it, without and with
 * HumeLogRecordProcessor in front. The {@code NoRedaction} variants: the processor set not to redact credentials,
 * what redaction costs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class LogRecordBenchmark {
    static final AttributeKey<String> THREAD = AttributeKey.stringKey("thread.name");
    static final AttributeKey<String> CHAT_ID = AttributeKey.stringKey("chat_id");

    @Param({"false", "true"})
    public boolean hasCode;

    private HumeLogRecordProcessor processor;
    private HumeLogRecordProcessor processorNoRedaction;
    private BareRecord record;
    private SdkLoggerProvider plainProvider;
    private SdkLoggerProvider humeProvider;
    private SdkLoggerProvider humeNoRedactionProvider;
    private Logger plain;
    private Logger hume;
    private Logger humeNoRedaction;
    private String body;

    @Setup
    public void setUp() {
        processor = HumeLogRecordProcessor.create();
        processorNoRedaction =
                HumeLogRecordProcessor.builder().setRedactCredentials(false).build();
        body = Texts.message(hasCode);
        record = new BareRecord(body, Attributes.of(THREAD, "main", CHAT_ID, "8b1f3c2e"));
        Keep kept = new Keep();
        plainProvider =
                SdkLoggerProvider.builder().addLogRecordProcessor(new Keep()).build();
        humeProvider = SdkLoggerProvider.builder()
                .addLogRecordProcessor(processor)
                .addLogRecordProcessor(kept)
                .build();
        humeNoRedactionProvider = SdkLoggerProvider.builder()
                .addLogRecordProcessor(processorNoRedaction)
                .addLogRecordProcessor(new Keep())
                .build();
        plain = plainProvider.get("bench");
        hume = humeProvider.get("bench");
        humeNoRedaction = humeNoRedactionProvider.get("bench");
        processor.onEmit(Context.root(), record);
        if (record.set != (hasCode ? 5 : 0)) {
            throw new IllegalStateException("the processor set " + record.set + " attributes");
        }
        emit(hume);
        String code = kept.last.getAttribute(AttributeKey.stringKey("hume.code"));
        if (hasCode ? !Texts.CODED_MESSAGE_CODE.equals(code) : code != null) {
            throw new IllegalStateException("hume.code was " + code);
        }
    }

    @TearDown
    public void tearDown() {
        plainProvider.close();
        humeProvider.close();
        humeNoRedactionProvider.close();
    }

    @Benchmark
    public BareRecord humeOnly() {
        processor.onEmit(Context.root(), record);
        return record;
    }

    @Benchmark
    public BareRecord humeOnlyNoRedaction() {
        processorNoRedaction.onEmit(Context.root(), record);
        return record;
    }

    @Benchmark
    public void plainEmit() {
        emit(plain);
    }

    @Benchmark
    public void humeEmit() {
        emit(hume);
    }

    @Benchmark
    public void humeEmitNoRedaction() {
        emit(humeNoRedaction);
    }

    private void emit(Logger logger) {
        logger.logRecordBuilder()
                .setSeverity(Severity.INFO)
                .setBody(body)
                .setAttribute(THREAD, "main")
                .setAttribute(CHAT_ID, "8b1f3c2e")
                .emit();
    }

    /** A record with a body and attributes whose setter counts and keeps nothing. Not thread-safe. */
    public static final class BareRecord implements ReadWriteLogRecord {
        private final Value<?> body;
        private final Attributes attributes;
        int set;

        BareRecord(String body, Attributes attributes) {
            this.body = Value.of(body);
            this.attributes = attributes;
        }

        @Override
        public <T> ReadWriteLogRecord setAttribute(AttributeKey<T> key, T value) {
            set++;
            return this;
        }

        @Override
        public <T> T getAttribute(AttributeKey<T> key) {
            return attributes.get(key);
        }

        @Override
        public Value<?> getBodyValue() {
            return body;
        }

        @Override
        public Attributes getAttributes() {
            return attributes;
        }

        @Override
        public LogRecordData toLogRecordData() {
            throw new UnsupportedOperationException();
        }
    }

    /** Keeps a reference to the last record, copying nothing. */
    static final class Keep implements LogRecordProcessor {
        ReadWriteLogRecord last;

        @Override
        public void onEmit(Context context, ReadWriteLogRecord logRecord) {
            last = logRecord;
        }
    }
}
