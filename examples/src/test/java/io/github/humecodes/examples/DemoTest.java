package io.github.humecodes.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.github.humecodes.Catalog;
import io.github.humecodes.HumeCode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The demo's default run, checked against what its workload does by design (Workload's table of
 * operations), not against its own output: logs.jsonl through the real logback.xml, spans.jsonl through the
 * OpenTelemetry SDK with humecodes switched on by autoconfigure, and the console account.
 */
class DemoTest {
    /** logback.xml: the turbo filter lets 5 events of one code through per window; the E0703 flood has 10. */
    private static final int FLOOD_KEPT = 5;

    private static DemoRun demo;

    @BeforeAll
    static void runDemo() throws Exception {
        demo = DemoRun.shared();
    }

    @Test
    void logsCarryTheCategoriesTheWorkloadProduces() {
        Map<String, Long> expected = new TreeMap<>(Map.ofEntries(
                entry("session", 5L), // E0714 x4, E0715
                entry("config", (long) FLOOD_KEPT),
                entry("connection", 4L), // 1008 after the flood, 1011 x2 in EVI, 1011 in a stream
                entry("custom_llm", 2L), // E0705, E0712
                entry("llm_provider", 1L),
                entry("tool", 2L),
                entry("rate_limit", 3L), // E0700, E0811 x2
                entry("not_found", 1L),
                entry("access", 2L), // E0701, E0602
                entry("billing", 2L), // E0300 in EVI and in TTS
                entry("service", 2L), // I0116, and I0100 logged at DEBUG
                entry("unknown", 1L), // E0731, not in the catalog
                entry("content_policy", 1L),
                entry("generation", 1L),
                entry("request", 1L),
                entry("timeout", 1L),
                entry("no_result", 3L), // W0103 x2, W0105
                entry("media", 2L))); // E0203 x2
        assertThat(countBy(demo.logs, "hume.category")).isEqualTo(expected);
    }

    @Test
    void logsCarryTheSeveritiesTheWorkloadProduces() {
        assertThat(countBy(demo.logs, "hume.severity"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "critical", 5L, // E0300 x2, I0116, I0100, E0701
                        "error", 15L + FLOOD_KEPT,
                        "warning", 6L, // E0718, E0700, E0811 x2, E0801, E0601
                        "info", 8L)); // E0714 x4, E0715, W0103 x2, W0105
    }

    @Test
    void everyEnrichedLineAgreesWithTheCatalog() {
        Catalog catalog = Catalog.builtIn();
        List<JsonNode> enriched =
                demo.logs.stream().filter(l -> l.has("hume.code")).toList();
        assertThat(enriched).hasSize(34 + FLOOD_KEPT);
        for (JsonNode line : enriched) {
            HumeCode code = catalog.lookup(line.path("hume.code").asString());
            assertThat(code).as("%s", line).isNotNull();
            assertThat(line.path("hume.category").asString()).as("%s", line).isEqualTo(code.category());
            assertThat(line.path("hume.severity").asString())
                    .as("%s", line)
                    .isEqualTo(code.severity().id());
            assertThat(line.path("hume.description").asString()).as("%s", line).isEqualTo(code.description());
            assertThat(line.path("hume.retryable").isBoolean()).as("%s", line).isTrue();
            assertThat(line.path("hume.retryable").asBoolean()).as("%s", line).isEqualTo(code.retryable());
        }
    }

    @Test
    void codeFreeLinesStayPlain() {
        // 144 lines by design, plus the forced DEBUG line, less the flood's cut.
        assertThat(demo.logs).hasSize(144 + 1 - (10 - FLOOD_KEPT));
        List<JsonNode> plain =
                demo.logs.stream().filter(l -> !l.has("hume.code")).toList();
        assertThat(plain).hasSize(demo.logs.size() - 34 - FLOOD_KEPT).allSatisfy(l -> assertThat(l.propertyNames())
                .noneMatch(n -> n.startsWith("hume")));
        assertThat(plain).anySatisfy(l -> assertThat(l.path("message").asString())
                .isEqualTo("warm-up done: processed 1000 audio frames in 12 batches"));
    }

    @Test
    void turboFilterForcesCriticalDebugLinesAndCutsTheFlood() {
        assertThat(demo.logsWhere("hume.code", "I0100"))
                .singleElement()
                .satisfies(l -> assertThat(l.path("level").asString()).isEqualTo("DEBUG"));
        assertThat(demo.logsWhere("hume.code", "E0703")).hasSize(FLOOD_KEPT);
        assertThat(demo.logsWhere("level", "DEBUG")).hasSize(1);
    }

    @Test
    void spansCarryTheCodesOfTheirOperations() {
        assertThat(demo.spans).hasSize(Workload.OPERATIONS_PER_ROUND);
        assertThat(countBy(demo.spans, "name"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "evi.chat", (long) Workload.EVI_CHATS,
                        "tts.synthesize", (long) Workload.TTS_REQUESTS,
                        "expression_measurement.stream", (long) Workload.EXPRESSION_STREAMS));
        List<JsonNode> enriched = demo.spans.stream()
                .filter(s -> s.path("attributes").has("hume.code"))
                .toList();
        // Every operation but the 21 + 22 + 13 plain ones meets a code.
        assertThat(enriched).hasSize(Workload.OPERATIONS_PER_ROUND - 56);
        // Error and critical codes set the status of spans whose status was unset (otel.hume.mark-error-status).
        List<JsonNode> errors = demo.spans.stream()
                .filter(s -> "ERROR".equals(s.path("status").path("code").asString()))
                .toList();
        assertThat(errors).hasSize(20).allSatisfy(s -> assertThat(
                        s.path("attributes").path("hume.severity").asString())
                .isIn("error", "critical"));
        // A close status on a span attribute counts.
        assertThat(demo.spans.stream()
                        .filter(s -> s.path("attributes")
                                        .path("websocket.close_code")
                                        .asLong()
                                == 1011))
                .hasSize(3)
                .allSatisfy(s -> {
                    assertThat(s.path("attributes").path("hume.code").asString())
                            .isEqualTo("1011");
                    assertThat(s.path("attributes").path("hume.category").asString())
                            .isEqualTo("connection");
                });
    }

    @Test
    void consoleGivesTheCountsAndWhereTheFilesAre() {
        assertThat(demo.console)
                .startsWith("humecodes demo: simulated Hume traffic")
                .contains("90 simulated Hume operations.")
                // The console pattern's composite %hume: brackets on coded lines only.
                .containsPattern("ERROR voiceagent\\.evi\\.ChatSession +\\[E0705 custom_llm/error\\] EVI chat ")
                .doesNotContain("[ /]")
                .contains((34 + FLOOD_KEPT) + " of " + demo.logs.size() + " log lines carry a Hume code")
                .containsPattern("billing\\s+2\\n")
                .containsPattern("critical\\s+5\\n")
                .contains(demo.out.resolve(Demo.LOGS_FILE).toString())
                .contains(demo.out.resolve(Demo.SPANS_FILE).toString())
                .contains("\"hume.category\":\"");
    }

    private static Map<String, Long> countBy(List<JsonNode> nodes, String field) {
        return nodes.stream()
                .filter(n -> n.path(field).isString())
                .collect(Collectors.groupingBy(n -> n.path(field).asString(), TreeMap::new, Collectors.counting()));
    }
}
