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
 * Events per second through HumeEnrichingAppender and through the pass-through wrapper, both in front of a
 * LogstashEncoder child, with every thread appending to the same appenders. The subclasses fix the number of
 * threads (1, 2, 8).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public abstract class AppenderThroughput {
    @Param({"false", "true"})
    public boolean hasCode;

    private LoggerContext context;
    private Appender<ILoggingEvent> passThrough;
    private Appender<ILoggingEvent> hume;
    private ILoggingEvent event;

    @Setup
    public void setUp() {
        context = LogbackSetup.configure("logback-appenders.xml");
        passThrough = LogbackSetup.appender(context, "PASS_JSON");
        hume = LogbackSetup.appender(context, "HUME_JSON");
        event = LogbackSetup.event(context, Texts.message(hasCode));
        AppenderChecks.check(context, hume, event, hasCode);
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
    public void hume() {
        hume.doAppend(event);
    }
}
