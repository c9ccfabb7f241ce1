package io.github.humecodes.benchmarks;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.github.humecodes.logback.HumeTurboFilter;
import java.util.List;
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
 * Logging calls {@code debug(format, argument)} (disabled: the logger is at INFO) and {@code info(format,
 * argument)} (enabled; the root appender only counts), with no turbo filter ({@code None}: the baseline, an
 * application without humecodes), with a turbo filter that returns NEUTRAL and does nothing else
 * ({@code Neutral}: what Logback charges for having any turbo filter), with Logback's DuplicateMessageFilter, and
 * with HumeTurboFilter at its defaults (logback-turbo-*.xml). The argument is a number, an object, an 80-character
 * String, a 2 KB JSON String or a throwable. DuplicateMessageFilter is given a repetition allowance no run reaches,
 * so that it lets every call through as HumeTurboFilter does: both pay for deciding, neither drops.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class TurboFilterBenchmark {
    private static final String FORMAT_CODE_FREE = "EVI chat 8b1f3c2e: assistant_message received: {}";
    /** E0705 is an error, below the default forceLogSeverity (critical): its debug call stays dropped. */
    private static final String FORMAT_CODED =
            "EVI chat 8b1f3c2e: Error (E0705): Custom language model disconnected: {}";

    @Param({"false", "true"})
    public boolean hasCode;

    @Param({"number", "object", "text80", "json2k", "throwable"})
    public String argument;

    private LoggerContext noneContext;
    private LoggerContext neutralContext;
    private LoggerContext duplicateContext;
    private LoggerContext humeContext;
    private Logger none;
    private Logger neutral;
    private Logger duplicate;
    private Logger hume;
    private String format;
    private Object arg;

    @Setup
    public void setUp() {
        noneContext = LogbackSetup.configure("logback-turbo-none.xml");
        neutralContext = LogbackSetup.configure("logback-turbo-neutral.xml");
        duplicateContext = LogbackSetup.configure("logback-turbo-duplicate.xml");
        humeContext = LogbackSetup.configure("logback-turbo-hume.xml");
        none = noneContext.getLogger("com.example.evi.ChatSession");
        neutral = neutralContext.getLogger("com.example.evi.ChatSession");
        duplicate = duplicateContext.getLogger("com.example.evi.ChatSession");
        hume = humeContext.getLogger("com.example.evi.ChatSession");
        format = hasCode ? FORMAT_CODED : FORMAT_CODE_FREE;
        arg = argument(argument);
        if (noneContext.getTurboFilterList().size() != 0
                || neutralContext.getTurboFilterList().size() != 1
                || duplicateContext.getTurboFilterList().size() != 1
                || !(humeContext.getTurboFilterList().get(0) instanceof HumeTurboFilter)
                || !humeContext.getTurboFilterList().get(0).isStarted()) {
            throw new IllegalStateException("turbo filters not as configured");
        }
        CountingAppender root = (CountingAppender)
                humeContext.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("COUNT");
        long before = root.seen;
        hume.debug(format, arg);
        hume.info(format, arg);
        if (root.seen != before + 1) {
            throw new IllegalStateException("expected the info call only to be appended");
        }
        // A critical code in the format is forced through at DEBUG: the filter is at work, not just present.
        hume.debug("HumeError: CODE E0300: out of credits {}", arg);
        if (root.seen != before + 2) {
            throw new IllegalStateException("expected the critical debug call to be forced through");
        }
    }

    /** A number, an object, an 80-character String, a 2 KB JSON String (none with a code), or a throwable. */
    static Object argument(String kind) {
        switch (kind) {
            case "number":
                return 412;
            case "object":
                return List.of("8b1f3c2e", 412);
            case "text80":
                return Texts.of(80, false);
            case "json2k":
                return json(2048);
            case "throwable":
                return new IllegalStateException("socket closed by the peer after 412 ms");
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    /** A JSON document of {@code length} characters in the shape of an EVI message, without a code. */
    static String json(int length) {
        StringBuilder b = new StringBuilder("{\"type\":\"assistant_message\",\"id\":\"5c0e9d1b7a3f4e21\",\"items\":[");
        int i = 0;
        while (b.length() < length - 100) {
            b.append(i == 0 ? "" : ",")
                    .append("{\"text\":\"")
                    .append(Texts.FILLER, 0, 60)
                    .append("\",\"n\":")
                    .append(i++)
                    .append('}');
        }
        b.append("]}");
        while (b.length() < length) {
            b.insert(b.length() - 1, ' ');
        }
        return b.toString();
    }

    @TearDown
    public void tearDown() {
        noneContext.stop();
        neutralContext.stop();
        duplicateContext.stop();
        humeContext.stop();
    }

    @Benchmark
    public void debugNone() {
        none.debug(format, arg);
    }

    @Benchmark
    public void debugNeutral() {
        neutral.debug(format, arg);
    }

    @Benchmark
    public void debugDuplicate() {
        duplicate.debug(format, arg);
    }

    @Benchmark
    public void debugHume() {
        hume.debug(format, arg);
    }

    @Benchmark
    public void infoNone() {
        none.info(format, arg);
    }

    @Benchmark
    public void infoHume() {
        hume.info(format, arg);
    }
}
