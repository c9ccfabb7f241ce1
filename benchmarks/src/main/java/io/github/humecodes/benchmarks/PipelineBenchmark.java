package io.github.humecodes.benchmarks;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.AppenderAttachable;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
 * A whole enabled logging call, {@code logger.info(format, argument)}, as an application pays for it: the event,
 * LogstashEncoder, an OutputStreamAppender whose stream drops the bytes (logback-pipeline.xml). {@code plain}: no
 * humecodes component, the baseline. {@code passThrough}: a wrapper appender that only hands the event on, the floor of
 * any wrapper (Logback's per-appender work, deeper calls for the JIT). {@code plainWithFields}: the pass-through
 * wrapper adding the five fields of the coded line's code, found beforehand (FixedFieldsAppender): the floor of
 * writing those bytes at all. {@code appender}: HumeEnrichingAppender in front
 * (credential redaction on, its default); {@code unredacted}: the same with {@code redactCredentials} off;
 * {@code provider}: HumeJsonProvider in the encoder; {@code masker}: the encoder's masking decorator with
 * HumeValueMasker.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class PipelineBenchmark {
    private static final String FORMAT_CODE_FREE = "EVI chat {}: assistant_message received after {} ms (voice ITO)";
    private static final String FORMAT_CODED =
            "EVI Error: Code={}, Slug=max_duration_timeout, Message=The chat" + " reached its maximum duration";

    @Param({"false", "true"})
    public boolean hasCode;

    private LoggerContext context;
    private Logger plain;
    private Logger passThrough;
    private Logger plainWithFields;
    private Logger appender;
    private Logger unredacted;
    private Logger provider;
    private Logger masker;
    private String format;
    private Object first;
    private final Object second = 412;

    @Setup
    public void setUp() {
        context = LogbackSetup.configure("logback-pipeline.xml");
        plain = context.getLogger("plain");
        passThrough = context.getLogger("pass");
        plainWithFields = context.getLogger("fields");
        appender = context.getLogger("appender");
        unredacted = context.getLogger("unredacted");
        provider = context.getLogger("provider");
        masker = context.getLogger("masker");
        format = hasCode ? FORMAT_CODED : FORMAT_CODE_FREE;
        first = hasCode ? "E0715" : "8b1f3c2e";
        check(plain, "PLAIN", false);
        check(passThrough, "PASS", false);
        check(plainWithFields, "FIELDS", hasCode);
        check(appender, "APPENDER", hasCode);
        check(unredacted, "UNREDACTED", hasCode);
        check(provider, "PROVIDER", hasCode);
        check(masker, "MASKER", false);
    }

    /** One call through {@code logger}, its bytes caught: the JSON line, with the fields exactly when expected. */
    private void check(Logger logger, String name, boolean fields) {
        Appender<ILoggingEvent> a = logger.getAppender(name);
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> out = (OutputStreamAppender<ILoggingEvent>)
                (a instanceof AppenderAttachable
                        ? ((AppenderAttachable<ILoggingEvent>) a)
                                .iteratorForAppenders()
                                .next()
                        : a);
        ByteArrayOutputStream caught = new ByteArrayOutputStream();
        out.setOutputStream(caught);
        logger.info(format, first, second);
        out.setOutputStream(OutputStream.nullOutputStream());
        String line = caught.toString(StandardCharsets.UTF_8);
        if (!line.startsWith("{")
                || line.contains("\"hume.code\":\"E0715\"") != fields
                || !line.contains("\"message\":\"" + (hasCode ? "EVI Error: Code=E0715" : "EVI chat 8b1f3c2e"))) {
            throw new IllegalStateException(name + " wrote " + line);
        }
    }

    @TearDown
    public void tearDown() {
        context.stop();
    }

    @Benchmark
    public void plain() {
        plain.info(format, first, second);
    }

    @Benchmark
    public void passThrough() {
        passThrough.info(format, first, second);
    }

    @Benchmark
    public void plainWithFields() {
        plainWithFields.info(format, first, second);
    }

    @Benchmark
    public void appender() {
        appender.info(format, first, second);
    }

    @Benchmark
    public void unredacted() {
        unredacted.info(format, first, second);
    }

    @Benchmark
    public void provider() {
        provider.info(format, first, second);
    }

    @Benchmark
    public void masker() {
        masker.info(format, first, second);
    }
}
