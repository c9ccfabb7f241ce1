package io.github.humecodes.benchmarks;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
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
 * LogstashEncoder.encode of one event, as configured in logback-encoder.xml: plain, and with HumeJsonProvider.
 * {@code plainWithFields}: the plain encoder on the same event carrying the five fields as key-value pairs,
 * the cost of writing those bytes without finding anything (a coded line grows from 270 to 499 bytes).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class EncoderBenchmark {
    @Param({"false", "true"})
    public boolean hasCode;

    private LoggerContext context;
    private Encoder<ILoggingEvent> plain;
    private Encoder<ILoggingEvent> hume;
    private Encoder<ILoggingEvent> emptyProvider;
    private ILoggingEvent event;
    private ILoggingEvent eventWithFields;

    @Setup
    public void setUp() {
        context = LogbackSetup.configure("logback-encoder.xml");
        plain = LogbackSetup.<EncodingAppender>appender(context, "JSON").getEncoder();
        hume = LogbackSetup.<EncodingAppender>appender(context, "JSON_HUME").getEncoder();
        emptyProvider =
                LogbackSetup.<EncodingAppender>appender(context, "JSON_EMPTY").getEncoder();
        event = LogbackSetup.event(context, Texts.message(hasCode));
        eventWithFields = LogbackSetup.eventWithFields(context, Texts.message(hasCode));
        String withFields = new String(hume.encode(event), java.nio.charset.StandardCharsets.UTF_8);
        // The same JSON but for the timestamp, which differs between the two events.
        if (!withoutTimestamp(withFields)
                        .equals(withoutTimestamp(
                                new String(plain.encode(eventWithFields), java.nio.charset.StandardCharsets.UTF_8)))
                || withFields.contains("\"hume.code\":\"" + Texts.CODED_MESSAGE_CODE + "\"") != hasCode
                || new String(plain.encode(event), java.nio.charset.StandardCharsets.UTF_8).contains("hume.")) {
            throw new IllegalStateException("unexpected JSON: " + withFields);
        }
    }

    private static String withoutTimestamp(String json) {
        return json.replaceFirst("\"@timestamp\":\"[^\"]*\"", "");
    }

    @TearDown
    public void tearDown() {
        context.stop();
    }

    @Benchmark
    public byte[] plain() {
        return plain.encode(event);
    }

    @Benchmark
    public byte[] emptyProvider() {
        return emptyProvider.encode(event);
    }

    @Benchmark
    public byte[] plainWithFields() {
        return plain.encode(eventWithFields);
    }

    @Benchmark
    public byte[] humeProvider() {
        return hume.encode(event);
    }
}
