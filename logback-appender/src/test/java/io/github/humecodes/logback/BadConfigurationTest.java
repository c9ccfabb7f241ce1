package io.github.humecodes.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Bad values for every property of every component (bad-config.xml, one variable each): each is reported once,
 * naming the component, the setting or file and what is wrong; nothing is thrown; every component keeps
 * working with the built-in catalog and defaults.
 */
class BadConfigurationTest {
    private static final String TURBO = "HumeTurboFilter [TURBO]";
    private static final String APPENDER = "HumeEnrichingAppender [HUME]";
    private static final String PROVIDER = "HumeJsonProvider";

    @TempDir
    static Path dir;

    private LoggerContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    /** The catalog files: name, content (null: no such file), what the report must say is wrong. */
    static Stream<Arguments> badCatalogs() {
        List<String[]> files = List.of(
                new String[] {"missing.json", null, "catalog file not found"},
                new String[] {"empty.json", "", "the file is empty"},
                new String[] {"malformed.json", "{\"codes\": [{\"code\": \"E0601\",", "not valid JSON"},
                new String[] {"top-field.json", "{\"codes\": [], \"version\": 2}", "unknown field \"version\""},
                new String[] {
                    "entry-field.json",
                    "{\"codes\": [{\"code\": \"E0601\", \"colour\": \"red\"}]}",
                    "entry 1 (\"E0601\"): unknown field \"colour\""
                },
                new String[] {
                    "severity.json",
                    "{\"codes\": [{\"code\": \"E0601\", \"severity\": \"fatal\"}]}",
                    "entry 1 (\"E0601\"): severity \"fatal\" is not one of critical, error, warning, info"
                },
                new String[] {
                    "duplicate.json",
                    "{\"codes\": [{\"code\": \"E0601\", \"severity\": \"error\"},"
                            + " {\"code\": \"E0601\", \"severity\": \"info\"}]}",
                    "entry 2 (\"E0601\"): duplicate code"
                },
                new String[] {
                    "shape.json",
                    "{\"codes\": [{\"code\": \"E060\", \"severity\": \"error\","
                            + " \"category\": \"config\", \"description\": \"x\"}]}",
                    "entry 1 (\"E060\"): not a Hume code"
                });
        List<String[]> components = List.of(
                new String[] {"T_CATALOG", TURBO},
                new String[] {"A_CATALOG", APPENDER},
                new String[] {"P_CATALOG", PROVIDER},
                new String[] {"C_OPTIONS", "HumeConverter %hume{code, catalog="});
        return files.stream().flatMap(f -> components.stream().map(c -> Arguments.of(c[0], c[1], f[0], f[1], f[2])));
    }

    @ParameterizedTest(name = "{0} = {2}")
    @MethodSource("badCatalogs")
    void aBadCatalogFileIsReportedOnceAndTheBuiltInOneUsed(
            String variable, String label, String name, String content, String wrong) throws IOException {
        Path file = dir.resolve(name);
        if (content != null) {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
        String value = variable.equals("C_OPTIONS") ? ", catalog=" + file : file.toString();
        configure(Map.of(variable, value));

        List<String> reports = Logs.problems(context);
        assertThat(reports).as("one report, naming the file").hasSize(1);
        assertThat(reports.get(0))
                .startsWith(label)
                .contains(file.toString())
                .contains(wrong)
                .endsWith("; using the built-in catalog");
        assertThat(Logs.errors(context)).hasSize(1);
        assertWorking(true);
    }

    /** A bad value: variable, value, the exact report (Logback's own when the text is not even a value). */
    static Stream<Arguments> badValues() {
        String joran = "Failed to set property [%s] to value \"%s\".";
        return Stream.of(
                Arguments.of(
                        "T_FORCE",
                        "fatal",
                        TURBO + ": forceLogSeverity must be critical, error, warning, info"
                                + " or off, was 'fatal'; using critical"),
                Arguments.of(
                        "T_MAX_REPEATS",
                        "-2",
                        TURBO + ": maxRepeats must be 0 (off) or a positive number, was -2;" + " flood control is off"),
                Arguments.of("T_MAX_REPEATS", "lots", String.format(joran, "maxRepeats", "lots")),
                Arguments.of(
                        "T_WINDOW",
                        "0 seconds",
                        TURBO + ": repeatWindow must be positive, was 0 milliseconds;" + " using 1 minutes"),
                Arguments.of(
                        "T_WINDOW",
                        "-5 seconds",
                        TURBO + ": repeatWindow must be positive, was -5000 milliseconds;" + " using 1 minutes"),
                Arguments.of("T_WINDOW", "5 fortnights", String.format(joran, "repeatWindow", "5 fortnights")),
                Arguments.of("T_MAX_SCAN", "0", TURBO + ": maxScanChars must be a positive number, was 0; using 65536"),
                Arguments.of("T_MAX_SCAN", "99999999999", String.format(joran, "maxScanChars", "99999999999")),
                Arguments.of(
                        "A_PREFIX",
                        "hume code.",
                        APPENDER + ": fieldPrefix must not contain whitespace, control"
                                + " characters, quotes or '=', was 'hume code.'; using hume."),
                Arguments.of(
                        "A_PREFIX",
                        "hume=",
                        APPENDER + ": fieldPrefix must not contain whitespace, control"
                                + " characters, quotes or '=', was 'hume='; using hume."),
                Arguments.of(
                        "A_MAX_SCAN", "-1", APPENDER + ": maxScanChars must be a positive number, was -1; using 65536"),
                Arguments.of("A_MAX_SCAN", "abc", String.format(joran, "maxScanChars", "abc")),
                Arguments.of("A_SCAN_MDC", "maybe", String.format(joran, "scanMdc", "maybe")),
                Arguments.of(
                        "P_PREFIX",
                        "hume\"",
                        PROVIDER + ": fieldPrefix must not contain whitespace, control"
                                + " characters, quotes or '=', was 'hume\"'; using hume."),
                Arguments.of(
                        "P_MAX_SCAN", "0", PROVIDER + ": maxScanChars must be a positive number, was 0; using 65536"),
                Arguments.of("P_SCAN_MDC", "yes please", String.format(joran, "scanMdc", "yes please")),
                Arguments.of(
                        "C_OPTIONS",
                        ", maxScanChars=0",
                        "HumeConverter %hume{code, maxScanChars=0}: maxScanChars"
                                + " must be a positive number, was 0; using 65536"),
                Arguments.of(
                        "C_OPTIONS",
                        ", maxScanChars=lots",
                        "HumeConverter %hume{code, maxScanChars=lots}:"
                                + " maxScanChars must be a positive number, was lots; using 65536"),
                Arguments.of(
                        "C_OPTIONS",
                        ", scanMdc=maybe",
                        "HumeConverter %hume{code, scanMdc=maybe}: scanMdc must be"
                                + " true or false, was maybe; using false"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badValues")
    void aBadValueIsReportedOnceAndTheDefaultUsed(String variable, String value, String report) {
        configure(Map.of(variable, value));

        List<String> reports =
                Logs.problems(context).stream().map(String::strip).collect(Collectors.toList());
        assertThat(reports).filteredOn(report::equals).as("reported once").hasSize(1);
        assertThat(reports)
                .filteredOn(m -> m.startsWith("Hume") && !m.equals(report))
                .as("nothing else of ours")
                .isEmpty();
        assertWorking(true);
    }

    /** What cannot fall back to a default: reported once, the component prints or writes as documented. */
    static Stream<Arguments> badChoices() {
        return Stream.of(
                Arguments.of(
                        "C_FIELD",
                        "colour",
                        "HumeConverter %hume{colour}: unknown field 'colour'; use code,"
                                + " category, severity, description, retryable or codes; printing nothing"),
                Arguments.of(
                        "C_OPTIONS",
                        ", colour=red",
                        "HumeConverter %hume{code, colour=red}: unknown option"
                                + " 'colour=red'; use catalog=FILE, maxScanChars=N or scanMdc=true|false; printing nothing"),
                Arguments.of(
                        "N_FIELD_NAME", "  ", PROVIDER + ": fieldName must not be blank; writing the fields flat"));
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @MethodSource("badChoices")
    void aBadChoiceIsReportedOnce(String variable, String value, String report) {
        configure(Map.of(variable, value));

        assertThat(Logs.problems(context)).containsExactly(report);
        if (variable.equals("N_FIELD_NAME")) {
            assertWorking(true);
            JsonNode flat = Logs.json(((CaptureAppender) Logs.appender(context, "NESTED")).lines.get(1));
            assertThat(flat.get("hume.code").asString()).isEqualTo("E0601");
        } else {
            assertWorking(false);
            assertThat(((CaptureAppender) Logs.appender(context, "PATTERN")).lines.get(1))
                    .isEqualTo("[] [warning]");
        }
    }

    private void configure(Map<String, String> properties) {
        context = Logs.configure("bad-config.xml", properties);
    }

    /**
     * A critical code logged at DEBUG on an INFO logger is forced through, and a warning is enriched by the
     * wrapper, the providers and (when {@code converter}) the converter, from the built-in catalog.
     */
    private void assertWorking(boolean converter) {
        Logger quiet = context.getLogger("quiet");
        quiet.debug("HumeError: CODE E0300: out of credits");
        quiet.warn("HumeError: CODE E0601: timed out");

        CaptureAppender json = Logs.appender(context, "JSON");
        assertThat(json.lines).hasSize(2);
        for (String appender : List.of("JSON", "PROVIDED")) {
            CaptureAppender a = Logs.appender(context, appender);
            JsonNode forced = Logs.json(a.lines.get(0));
            JsonNode warned = Logs.json(a.lines.get(1));
            assertThat(forced.get("hume.code").asString()).as(appender).isEqualTo("E0300");
            assertThat(warned.get("hume.code").asString()).as(appender).isEqualTo("E0601");
            assertThat(warned.get("hume.severity").asString())
                    .as(appender + ", built-in catalog")
                    .isEqualTo("warning");
        }
        JsonNode nested = Logs.json(((CaptureAppender) Logs.appender(context, "NESTED")).lines.get(1));
        if (nested.has("hume")) {
            assertThat(nested.get("hume").get("code").asString()).isEqualTo("E0601");
        }
        if (converter) {
            assertThat(((CaptureAppender) Logs.appender(context, "PATTERN")).lines)
                    .containsExactly("[E0300] [critical]", "[E0601] [warning]");
        }
    }
}
