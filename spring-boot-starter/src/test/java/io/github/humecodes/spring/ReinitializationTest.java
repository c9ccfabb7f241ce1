package io.github.humecodes.spring;

import static io.github.humecodes.spring.BootApp.HUME_CLIENT;
import static io.github.humecodes.spring.StructuredLoggingTest.count;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.turbo.TurboFilter;
import io.github.humecodes.logback.HumeEnrichingAppender;
import io.github.humecodes.logback.HumeTurboFilter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spring Boot resets Logback each time it initialises logging: after a restart of the application in the same JVM
 * (what devtools does, and what a test suite does), or a clean-up of the logging system, the enrichment is back,
 * once; an application started while another runs (logging already initialised) adds nothing twice.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReinitializationTest {
    private static final String LOGSTASH = "--logging.structured.format.console=logstash";

    @Test
    void aRestartedApplicationIsEnrichedAgainOnce(CapturedOutput output) {
        try (ConfigurableApplicationContext first = BootApp.run(LOGSTASH)) {
            HUME_CLIENT.error("[restart-1] hume(E0300): out of credits");
            assertThat(count(first, "E0300")).isEqualTo(1.0);
        }
        try (ConfigurableApplicationContext second = BootApp.run(LOGSTASH)) {
            HUME_CLIENT.error("[restart-2] hume(E0300): out of credits");

            assertThat(BootApp.jsonLines(output.getOut(), "[restart-2]"))
                    .singleElement()
                    .satisfies(
                            line -> assertThat(line.get("hume.code").asText()).isEqualTo("E0300"));
            assertThat(count(second, "E0300")).isEqualTo(1.0);
            assertInstalledOnce();
        }
    }

    @Test
    void aCleanedUpLoggingSystemIsEnrichedAgainByTheNextRun(CapturedOutput output) {
        try (ConfigurableApplicationContext first = BootApp.run(LOGSTASH)) {
            LoggingSystem.get(getClass().getClassLoader()).cleanUp();
        }
        try (ConfigurableApplicationContext second = BootApp.run(LOGSTASH)) {
            HUME_CLIENT.error("[cleanup-1] hume(E0300): out of credits");

            assertThat(BootApp.jsonLines(output.getOut(), "[cleanup-1]"))
                    .singleElement()
                    .satisfies(line ->
                            assertThat(line.get("hume.category").asText()).isEqualTo("billing"));
            assertInstalledOnce();
        }
    }

    @Test
    void anApplicationStartedBesideAnotherAddsNothingTwice(CapturedOutput output) {
        try (ConfigurableApplicationContext first = BootApp.run(LOGSTASH);
                ConfigurableApplicationContext second = BootApp.run(LOGSTASH)) {
            HUME_CLIENT.error("[beside-1] hume(E0300): out of credits");

            assertThat(BootApp.jsonLines(output.getOut(), "[beside-1]")).hasSize(1);
            assertInstalledOnce();
            // Each application's registry counts the event once.
            assertThat(count(first, "E0300")).isEqualTo(1.0);
            assertThat(count(second, "E0300")).isEqualTo(1.0);
        }
    }

    private static void assertInstalledOnce() {
        assertThat(BootApp.rootAppenders())
                .filteredOn(HumeEnrichingAppender.class::isInstance)
                .hasSize(1);
        assertThat(BootApp.rootAppenders())
                .filteredOn(CodeCountingAppender.class::isInstance)
                .hasSize(1);
        List<TurboFilter> turboFilters = BootApp.loggerContext().getTurboFilterList();
        assertThat(turboFilters).filteredOn(HumeTurboFilter.class::isInstance).hasSize(1);
    }
}
