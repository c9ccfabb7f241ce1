package io.github.humecodes.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The turbo filter configured from turbo.xml; flood windows driven by an injected clock. */
class HumeTurboFilterTest {
    private LoggerContext context;
    private CaptureAppender out;
    private HumeTurboFilter filter;
    private final AtomicLong now = TestClock.NOW;

    private Logger configure(String force, String maxRepeats, String window) {
        now.set(1_000_000_000L);
        context = Logs.configure("turbo.xml", Map.of("FORCE", force, "MAX_REPEATS", maxRepeats, "WINDOW", window));
        out = Logs.appender(context, "OUT");
        filter = (HumeTurboFilter) context.getTurboFilterList().get(0);
        return context.getLogger("voiceagent.evi");
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void defaults() {
        HumeTurboFilter fresh = new HumeTurboFilter();
        assertThat(fresh.getForceLogSeverity()).isEqualTo("critical");
        assertThat(fresh.isForceLogParameters()).isFalse();
        assertThat(fresh.getMaxRepeats()).isZero();
        assertThat(fresh.getRepeatWindow().getMilliseconds()).isEqualTo(60_000);
        assertThat(fresh.getCatalog()).isNull();
        assertThat(fresh.getMaxScanChars()).isEqualTo(65536);
    }

    @Test
    void aCriticalCodeLoggedAtDebugIsForcedThroughAnInfoLogger() {
        Logger log = configure("critical", "0", "1 minute");
        log.debug("HumeError: CODE E0300: out of credits");
        log.debug("account {}", "E0301 monthly limit"); // a text parameter: not read by default
        log.debug("call failed", new IllegalStateException("wrapped", new RuntimeException("I0100 outage")));
        log.debug("call {} failed", 7, new IllegalStateException("E0301 monthly limit")); // the last parameter
        log.debug("HumeError: CODE W0105: no speech"); // info: not forced
        log.debug("Error (E0705): disconnected"); // error: not forced at critical
        log.debug("nothing at all");
        log.trace("E0300 at trace too");

        assertThat(out.lines)
                .containsExactly(
                        "DEBUG voiceagent.evi HumeError: CODE E0300: out of credits",
                        "DEBUG voiceagent.evi call failed",
                        "DEBUG voiceagent.evi call 7 failed",
                        "TRACE voiceagent.evi E0300 at trace too");
        assertThat(Logs.problems(context)).isEmpty();
    }

    @Test
    void textParametersOfDisabledCallsAreReadWhenAskedFor() {
        context = Logs.configure(
                "turbo.xml",
                Map.of("FORCE", "critical", "MAX_REPEATS", "0", "WINDOW", "1 minute", "PARAMETERS", "true"));
        out = Logs.appender(context, "OUT");
        Logger log = context.getLogger("voiceagent.evi");
        assertThat(((HumeTurboFilter) context.getTurboFilterList().get(0)).isForceLogParameters())
                .isTrue();
        log.debug("account {}", "E0301 monthly limit");
        log.debug("account {} {}", 42, new StringBuilder("HumeError: CODE E0300"));
        log.debug("account {}", "W0105 no speech"); // info: not forced
        assertThat(out.lines)
                .containsExactly(
                        "DEBUG voiceagent.evi account E0301 monthly limit",
                        "DEBUG voiceagent.evi account 42 HumeError: CODE E0300");
        assertThat(Logs.problems(context)).isEmpty();
    }

    @Test
    void aLowerThresholdAndOff() {
        Logger log = configure("error", "0", "1 minute");
        log.debug("Error (E0705): disconnected");
        log.debug("HumeError: CODE E0601: timed out"); // warning
        assertThat(out.lines).containsExactly("DEBUG voiceagent.evi Error (E0705): disconnected");
        context.stop();

        log = configure("off", "0", "1 minute");
        log.debug("HumeError: CODE E0300: out of credits");
        log.info("HumeError: CODE E0300: out of credits");
        assertThat(out.lines).containsExactly("INFO voiceagent.evi HumeError: CODE E0300: out of credits");
        assertThat(Logs.problems(context)).isEmpty();
    }

    @Test
    void floodsOfOneCodeAreCutAndSummarized() {
        Logger log = configure("critical", "3", "10 seconds");
        for (int i = 1; i <= 5; i++) {
            log.error("config error E0711 #{}", i);
            log.warn("other E0601");
        }
        log.debug("E0711 below the level is not counted");
        now.addAndGet(TimeUnit.SECONDS.toNanos(9));
        log.error("config error E0711 #6"); // still in the window
        log.info("connected");
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        log.info("connected again"); // the window has ended: the summaries come first
        log.error("config error E0711 #7"); // a new window

        assertThat(out.lines)
                .containsExactly(
                        "ERROR voiceagent.evi config error E0711 #1",
                        "WARN voiceagent.evi other E0601",
                        "ERROR voiceagent.evi config error E0711 #2",
                        "WARN voiceagent.evi other E0601",
                        "ERROR voiceagent.evi config error E0711 #3",
                        "WARN voiceagent.evi other E0601",
                        "INFO voiceagent.evi connected",
                        "WARN io.github.humecodes.logback.HumeTurboFilter Hume code E0711: 3 more call(s) suppressed after 3"
                                + " within 10 seconds (maxRepeats 3)",
                        "WARN io.github.humecodes.logback.HumeTurboFilter Hume code E0601: 2 more call(s) suppressed after 3"
                                + " within 10 seconds (maxRepeats 3)",
                        "INFO voiceagent.evi connected again",
                        "ERROR voiceagent.evi config error E0711 #7");
    }

    @Test
    void whatIsPendingAtStopGoesToTheStatusManager() {
        Logger log = configure("critical", "1", "10 seconds");
        log.error("E0711 a");
        log.error("E0711 b");
        filter.stop();
        assertThat(Logs.problems(context))
                .containsExactly("Hume code E0711: 1 more call(s) suppressed after 1 within 10 seconds (maxRepeats 1)");
    }

    @Test
    void neutralWhenThereIsNothingToDo() {
        Logger log = configure("critical", "2", "10 seconds");
        Logger quiet = context.getLogger("voiceagent");
        assertThat(filter.decide(null, quiet, Level.DEBUG, null, null, null))
                .as("isDebugEnabled()")
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, quiet, Level.DEBUG, "no code here", null, null))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, quiet, Level.ERROR, "E0300 enabled anyway", null, null))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, quiet, Level.DEBUG, "E0300", null, null)).isEqualTo(FilterReply.ACCEPT);
        filter.stop();
        assertThat(filter.decide(null, quiet, Level.DEBUG, "E0300", null, null))
                .as("stopped")
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(log.isDebugEnabled()).isFalse();
    }

    @Test
    void badValuesAreReportedAndSafeDefaultsUsed() {
        Logger log = configure("fatal", "-2", "0 seconds");
        assertThat(Logs.errors(context))
                .contains(
                        "HumeTurboFilter [HUME]: forceLogSeverity must be critical, error, warning, info or off, was"
                                + " 'fatal'; using critical",
                        "HumeTurboFilter [HUME]: maxRepeats must be 0 (off) or a positive number, was -2; flood control is"
                                + " off");
        log.debug("E0300 forced");
        for (int i = 0; i < 20; i++) {
            log.error("E0711 not cut");
        }
        assertThat(out.lines).hasSize(21);

        context.stop();
        configure("critical", "3", "0 seconds");
        assertThat(Logs.errors(context)).anySatisfy(m -> assertThat(m)
                .startsWith("HumeTurboFilter [HUME]: repeatWindow must be positive, was "));
    }

    @Test
    void theReadmeSnippet() {
        context = Logs.configure("readme-turbo.xml");
        HumeTurboFilter turbo = (HumeTurboFilter) context.getTurboFilterList().get(0);
        assertThat(turbo.isStarted()).isTrue();
        assertThat(turbo.getForceLogSeverity()).isEqualTo("critical");
        assertThat(turbo.getMaxRepeats()).isEqualTo(10);
        assertThat(turbo.getRepeatWindow().getMilliseconds()).isEqualTo(10_000);
        assertThat(Logs.problems(context)).isEmpty();
    }
}
