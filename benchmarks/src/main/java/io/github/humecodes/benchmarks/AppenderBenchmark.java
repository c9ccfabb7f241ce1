package io.github.humecodes.benchmarks;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
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
 * One event through HumeEnrichingAppender, against the same event through a wrapper that only passes it on
 * (logback-appenders.xml). The child either counts the event ({@code count}: the appender's own cost shows) or
 * encodes it with LogstashEncoder ({@code json}: what an application pays per log line).
 * {@code passThroughWithFields}: the pass-through wrapper with an event that already carries the five fields as
 * key-value pairs, so that the child writes the same bytes as behind HumeEnrichingAppender. {@code unredacted}:
 * HumeEnrichingAppender with {@code redactCredentials} off, so that {@code hume} minus it is what the credential
 * check costs an event without a credential.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class AppenderBenchmark {
    @Param({"false", "true"})
    public boolean hasCode;

    @Param({"count", "json"})
    public String child;

    private LoggerContext context;
    private Appender<ILoggingEvent> passThrough;
    private Appender<ILoggingEvent> hume;
    private Appender<ILoggingEvent> unredacted;
    private ILoggingEvent event;
    private ILoggingEvent eventWithFields;

    @Setup
    public void setUp() {
        context = LogbackSetup.configure("logback-appenders.xml");
        String suffix = child.toUpperCase(java.util.Locale.ROOT);
        passThrough = LogbackSetup.appender(context, "PASS_" + suffix);
        hume = LogbackSetup.appender(context, "HUME_" + suffix);
        unredacted = LogbackSetup.appender(context, "UNREDACTED_" + suffix);
        event = LogbackSetup.event(context, Texts.message(hasCode));
        eventWithFields = LogbackSetup.eventWithFields(context, Texts.message(hasCode));
        AppenderChecks.check(context, hume, event, hasCode);
        AppenderChecks.check(context, unredacted, event, hasCode);
    }

    @TearDown
    public void tearDown() {
        context.stop();
    }

    @Benchmark
    public void passThrough() {
        passThrough.doAppend(event);
    }

    @Benchmark
    public void passThroughWithFields() {
        passThrough.doAppend(eventWithFields);
    }

    @Benchmark
    public void hume() {
        hume.doAppend(event);
    }

    @Benchmark
    public void unredacted() {
        unredacted.doAppend(event);
    }
}
