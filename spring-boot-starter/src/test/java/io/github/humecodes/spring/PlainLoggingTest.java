package io.github.humecodes.spring;

import static io.github.humecodes.spring.BootApp.HUME_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.humecodes.logback.HumeEnrichingAppender;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Spring Boot's plain console pattern, and {@code %hume} in patterns set by properties, with no XML. */
@ExtendWith(OutputCaptureExtension.class)
class PlainLoggingTest {
    private static final String LOGGER = "com.example.voice.HumeClient";

    @Test
    void theDefaultPatternShowsCodeAndCategoryBeforeTheLoggerName(CapturedOutput output) {
        try (ConfigurableApplicationContext app = BootApp.run()) {
            HUME_CLIENT.error("[plain-1] Error (E0705): Custom language model disconnected.");
            HUME_CLIENT.info("[plain-2] session started");

            assertThat(line(output, "[plain-1]")).contains("[E0705 custom_llm] " + LOGGER + " ");
            String uncoded = line(output, "[plain-2]");
            assertThat(uncoded)
                    .contains(LOGGER)
                    .doesNotContain("custom_llm")
                    .doesNotContain("[] ")
                    .doesNotContain("[ ] ");
            assertThat(output.getOut()).doesNotContain("PARSER_ERROR");
            BootApp.assertNoLogbackErrors();
            // A pattern shows the fields itself: its appender is behind the enriching one only to redact.
            assertThat(BootApp.rootAppenders()).anyMatch(HumeEnrichingAppender.class::isInstance);
        }
    }

    @Test
    void withoutRedactionAPatternAppenderIsLeftAlone(CapturedOutput output) {
        try (ConfigurableApplicationContext app = BootApp.run("--humecodes.redact-credentials=false")) {
            HUME_CLIENT.error("[plain-8] Error (E0705): Custom language model disconnected.");

            assertThat(line(output, "[plain-8]")).contains("[E0705 custom_llm] " + LOGGER + " ");
            assertThat(BootApp.rootAppenders()).noneMatch(HumeEnrichingAppender.class::isInstance);
        }
    }

    @Test
    void humeWorksInTheConsolePatternProperty(CapturedOutput output) {
        try (ConfigurableApplicationContext app =
                BootApp.run("--logging.pattern.console=%level %hume{code}/%hume{category}/%hume{severity} %msg%n")) {
            HUME_CLIENT.warn("[plain-3] closed with status 1008");

            assertThat(line(output, "[plain-3]"))
                    .isEqualTo("WARN 1008/connection/error [plain-3] closed with status" + " 1008");
            assertThat(output.getOut()).doesNotContain("PARSER_ERROR");
            BootApp.assertNoLogbackErrors();
        }
    }

    @Test
    void aCorrelationPatternOfTheApplicationWins(CapturedOutput output) {
        try (ConfigurableApplicationContext app = BootApp.run("--logging.pattern.correlation=[corr] ")) {
            HUME_CLIENT.error("[plain-4] hume(E0300): out of credits");

            assertThat(line(output, "[plain-4]")).contains("[corr] " + LOGGER).doesNotContain("billing");
        }
    }

    @Test
    void defaultPropertiesOfTheApplicationWinToo(CapturedOutput output) {
        try (ConfigurableApplicationContext app = BootApp.run(Map.of("logging.pattern.correlation", "[dflt] "))) {
            HUME_CLIENT.error("[plain-5] hume(E0300): out of credits");

            assertThat(line(output, "[plain-5]")).contains("[dflt] " + LOGGER).doesNotContain("billing");
        }
    }

    @Test
    void springBootsOwnCorrelationIdStaysInFront() {
        try (ConfigurableApplicationContext app = BootApp.run("--logging.expect-correlation-id=true")) {
            assertThat(app.getEnvironment().getProperty("logging.pattern.correlation"))
                    .isEqualTo("%correlationId" + LogbackInstaller.PATTERN);
        }
        try (ConfigurableApplicationContext app = BootApp.run("--logging.expect-correlation-id=false")) {
            assertThat(app.getEnvironment().getProperty("logging.pattern.correlation"))
                    .isEqualTo(LogbackInstaller.PATTERN);
        }
    }

    @Test
    void enrichFalseLeavesSpringBootsOutputAsItWas(CapturedOutput output) {
        try (ConfigurableApplicationContext app =
                BootApp.run("--humecodes.logback.enrich=false", "--logging.expect-correlation-id=false")) {
            HUME_CLIENT.error("[plain-6] hume(E0300): out of credits");

            assertThat(line(output, "[plain-6]")).doesNotContain("billing");
            assertThat(app.getEnvironment().getProperty("logging.pattern.correlation"))
                    .isNull();
            assertThat(BootApp.rootAppenders()).noneMatch(HumeEnrichingAppender.class::isInstance);
        }
    }

    @Test
    void humeStillWorksInAPatternWithEnrichFalse(CapturedOutput output) {
        try (ConfigurableApplicationContext app =
                BootApp.run("--humecodes.logback.enrich=false", "--logging.pattern.console=%hume{code} %msg%n")) {
            HUME_CLIENT.error("[plain-7] hume(E0300): out of credits");

            assertThat(line(output, "[plain-7]")).isEqualTo("E0300 [plain-7] hume(E0300): out of credits");
            BootApp.assertNoLogbackErrors();
        }
    }

    private static String line(CapturedOutput output, String marker) {
        List<String> lines = BootApp.lines(output.getOut(), marker);
        assertThat(lines)
                .as("lines holding %s in:%n%s", marker, output.getOut())
                .hasSize(1);
        return lines.get(0);
    }
}
