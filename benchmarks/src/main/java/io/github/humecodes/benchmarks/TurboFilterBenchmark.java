package io.github.humecodes.benchmarks;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
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
 * Logging calls through a logger at INFO whose root appender only counts: {@code debug} (disabled) and
 * {@code info} (enabled), with no turbo filter, with Logback's DuplicateMessageFilter, and with HumeTurboFilter
 * as the README configures it (logback-turbo-*.xml). DuplicateMessageFilter is given a repetition allowance no
 * run reaches, so that it lets every call through as HumeTurboFilter does: both pay for deciding, neither drops.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class TurboFilterBenchmark {
    private static final String FORMAT_CODE_FREE = "EVI chat {}: assistant_message received after {} ms";
    private static final String FORMAT_CODED = "EVI chat {}: Error (E0705): Custom language model disconnected";

    @Param({"false", "true"})
    public boolean hasCode;

    private LoggerContext noneContext;
    private LoggerContext duplicateContext;
    private LoggerContext humeContext;
    private Logger none;
    private Logger duplicate;
    private Logger hume;
    private String format;
    private final String chat = "8b1f3c2e";
    private final Integer millis = 412;

    @Setup
    public void setUp() {
        noneContext = LogbackSetup.configure("logback-turbo-none.xml");
        duplicateContext = LogbackSetup.configure("logback-turbo-duplicate.xml");
        humeContext = LogbackSetup.configure("logback-turbo-hume.xml");
        none = noneContext.getLogger("com.example.evi.ChatSession");
        duplicate = duplicateContext.getLogger("com.example.evi.ChatSession");
        hume = humeContext.getLogger("com.example.evi.ChatSession");
        format = hasCode ? FORMAT_CODED : FORMAT_CODE_FREE;
        if (noneContext.getTurboFilterList().size() != 0 || duplicateContext.getTurboFilterList().size() != 1
                || !(humeContext.getTurboFilterList().get(0) instanceof io.github.humecodes.logback.HumeTurboFilter)
                || !humeContext.getTurboFilterList().get(0).isStarted()) {
            throw new IllegalStateException("turbo filters not as configured");
        }
        // E0705 is an error, below the default forceLogSeverity (critical): its debug call stays dropped.
        CountingAppender root = (CountingAppender) humeContext.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("COUNT");
        long before = root.seen;
        hume.debug(format, chat, millis);
        hume.info(format, chat, millis);
        if (root.seen != before + 1) {
            throw new IllegalStateException("expected the info call only to be appended");
        }
    }

    @TearDown
    public void tearDown() {
        noneContext.stop();
        duplicateContext.stop();
        humeContext.stop();
    }

    @Benchmark
    public void debugNone() {
        none.debug(format, chat, millis);
    }

    @Benchmark
    public void debugDuplicate() {
        duplicate.debug(format, chat, millis);
    }

    @Benchmark
    public void debugHume() {
        hume.debug(format, chat, millis);
    }

    @Benchmark
    public void infoNone() {
        none.info(format, chat, millis);
    }

    @Benchmark
    public void infoDuplicate() {
        duplicate.info(format, chat, millis);
    }

    @Benchmark
    public void infoHume() {
        hume.info(format, chat, millis);
    }
}
