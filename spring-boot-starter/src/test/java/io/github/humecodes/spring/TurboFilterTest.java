package io.github.humecodes.spring;

import static io.github.humecodes.spring.BootApp.HUME_CLIENT;
import static io.github.humecodes.spring.StructuredLoggingTest.count;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.turbo.TurboFilter;
import io.github.humecodes.logback.HumeTurboFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The turbo filter, installed with the {@code humecodes.logback.*} values. */
@ExtendWith(OutputCaptureExtension.class)
class TurboFilterTest {

    @Test
    void criticalCodesAreLoggedBelowTheLevelByDefault(CapturedOutput output) {
        try (ConfigurableApplicationContext app = BootApp.run()) {
            HUME_CLIENT.debug("[turbo-1] hume(E0300): out of credits");
            HUME_CLIENT.debug("[turbo-2] Error (E0705): Custom language model disconnected.");

            assertThat(BootApp.lines(output.getOut(), "[turbo-1]")).hasSize(1);
            assertThat(BootApp.lines(output.getOut(), "[turbo-2]")).isEmpty(); // error, below critical
            assertThat(count(app, "E0300")).isEqualTo(1.0);
        }
    }

    @Test
    void theSettingsReachTheFilter(CapturedOutput output) {
        try (ConfigurableApplicationContext app = BootApp.run(
                "--humecodes.logback.force-log-severity=Error",
                "--humecodes.logback.max-repeats=2",
                "--humecodes.logback.repeat-window=1h")) {
            HUME_CLIENT.debug("[turbo-3] Error (E0705): Custom language model disconnected.");
            for (int i = 0; i < 5; i++) {
                HUME_CLIENT.error("[turbo-4] hume(E0300): out of credits, attempt " + i);
            }

            assertThat(BootApp.lines(output.getOut(), "[turbo-3]")).hasSize(1);
            assertThat(BootApp.lines(output.getOut(), "[turbo-4]")).hasSize(2);
            assertThat(count(app, "E0300")).isEqualTo(2.0); // suppressed calls are not logged, so not counted
            HumeTurboFilter filter = installedFilter();
            assertThat(filter.getForceLogSeverity()).isEqualTo("error");
            assertThat(filter.getMaxRepeats()).isEqualTo(2);
            assertThat(filter.getRepeatWindow().getMilliseconds()).isEqualTo(3_600_000L);
        }
    }

    @Test
    void offLogsNothingBelowTheLevel(CapturedOutput output) {
        try (ConfigurableApplicationContext app = BootApp.run("--humecodes.logback.force-log-severity=off")) {
            HUME_CLIENT.debug("[turbo-5] hume(E0300): out of credits");

            assertThat(BootApp.lines(output.getOut(), "[turbo-5]")).isEmpty();
        }
    }

    private static HumeTurboFilter installedFilter() {
        for (TurboFilter filter : BootApp.loggerContext().getTurboFilterList()) {
            if (filter instanceof HumeTurboFilter) {
                return (HumeTurboFilter) filter;
            }
        }
        throw new AssertionError("no HumeTurboFilter installed");
    }
}
