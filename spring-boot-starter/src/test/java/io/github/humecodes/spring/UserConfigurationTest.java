package io.github.humecodes.spring;

import static io.github.humecodes.spring.BootApp.HUME_CLIENT;
import static io.github.humecodes.spring.StructuredLoggingTest.count;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.Appender;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.humecodes.logback.HumeEnrichingAppender;
import io.github.humecodes.logback.HumeTurboFilter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** An application's own Logback configuration ({@code logging.config}, as a {@code logback-spring.xml} would be). */
@ExtendWith(OutputCaptureExtension.class)
class UserConfigurationTest {

    @Test
    void anOwnHumecodesSetupIsLeftAsItIs(CapturedOutput output) {
        try (ConfigurableApplicationContext app = BootApp.run(
                "--logging.config=classpath:logback/own-enrichment.xml", "--humecodes.logback.max-repeats=50")) {
            HUME_CLIENT.error("[own-1] hume(E0300): out of credits");
            HUME_CLIENT.error("[own-2] hume(E0300): out of credits"); // the configuration's maxRepeats is 1

            // Parsed with duplicate detection: each field once.
            JsonNode line = single(output, "[own-1]");
            assertThat(line.get("hume.code").asText()).isEqualTo("E0300");
            assertThat(BootApp.jsonLines(output.getOut(), "[own-2]")).isEmpty();

            List<Appender<ILoggingEvent>> root = BootApp.rootAppenders();
            assertThat(root).extracting(Appender::getName).containsExactly("OWN_HUME", LogbackInstaller.COUNTER_NAME);
            List<TurboFilter> turboFilters = BootApp.loggerContext().getTurboFilterList();
            assertThat(turboFilters)
                    .filteredOn(HumeTurboFilter.class::isInstance)
                    .extracting(TurboFilter::getName)
                    .containsExactly("OWN");
            assertThat(count(app, "E0300")).isEqualTo(1.0);
            BootApp.assertNoLogbackErrors();
        }
    }

    @Test
    void aConfigurationWithoutHumecodesGetsTheFieldsAndTheWord(CapturedOutput output) {
        try (ConfigurableApplicationContext app = BootApp.run("--logging.config=classpath:logback/no-humecodes.xml")) {
            HUME_CLIENT.error("[own-3] hume(E0300): out of credits");

            assertThat(single(output, "[own-3]").get("hume.category").asText()).isEqualTo("billing");
            assertThat(BootApp.lines(output.getOut(), "[own-3]"))
                    .filteredOn(line -> line.startsWith("PLAIN"))
                    .containsExactly("PLAIN ERROR E0300 [own-3] hume(E0300): out of credits");
            // The structured appender is wrapped for the fields, the pattern appender to have credentials redacted.
            HumeEnrichingAppender enricher = (HumeEnrichingAppender) BootApp.rootAppenders().stream()
                    .filter(HumeEnrichingAppender.class::isInstance)
                    .findFirst()
                    .orElseThrow();
            assertThat(enricher.getAppender("JSON")).isNotNull();
            assertThat(enricher.getAppender("PLAIN")).isNotNull();
            assertThat(BootApp.rootAppenders()).extracting(Appender::getName).doesNotContain("PLAIN", "JSON");
            BootApp.assertNoLogbackErrors();
        }
    }

    @Test
    void anEncoderWritingTheFieldsItselfIsNotWrapped(CapturedOutput output) {
        try (ConfigurableApplicationContext app = BootApp.run("--logging.config=classpath:logback/json-provider.xml")) {
            HUME_CLIENT.error("[own-4] hume(E0300): out of credits");

            JsonNode line = single(output, "[own-4]");
            assertThat(line.get("hume").get("code").asText()).isEqualTo("E0300");
            assertThat(line.has("hume.code")).isFalse();
            assertThat(BootApp.rootAppenders()).noneMatch(HumeEnrichingAppender.class::isInstance);
        }
    }

    private static JsonNode single(CapturedOutput output, String marker) {
        List<JsonNode> lines = BootApp.jsonLines(output.getOut(), marker);
        assertThat(lines)
                .as("JSON lines holding %s in:%n%s", marker, output.getOut())
                .hasSize(1);
        return lines.get(0);
    }
}
