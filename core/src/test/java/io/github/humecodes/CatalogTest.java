package io.github.humecodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CatalogTest {
    /** Every code of Hume's public error page, in its order. */
    static final List<String> HUME_LIST = List.of(
            "E0100", "E0101", "E0102", "E0200", "E0201", "E0202", "E0203", "E0204", "E0205", "E0206", "E0207", "E0300",
            "E0301", "E0400", "E0401", "E0600", "E0601", "E0602", "E0603", "E0700", "E0701", "E0702", "E0703", "E0704",
            "E0705", "E0706", "E0707", "E0708", "E0709", "E0711", "E0712", "E0713", "E0714", "E0715", "E0716", "E0717",
            "E0718", "E0719", "E0720", "E0721", "E0722", "E0723", "E0724", "E0725", "E0726", "E0727", "E0728", "E0729",
            "E0730", "E0800", "E0801", "E0802", "E0803", "E0804", "E0805", "E0806", "E0807", "E0808", "E0809", "E0810",
            "E0811", "E0812", "E0813", "E0814", "E0815", "E0816", "1000", "1008", "1011", "W0101", "W0102", "W0103",
            "W0104", "W0105", "W0106", "W0107", "W0108", "W0109", "W0110", "W0111", "W0112", "W0113");

    /** The category table of the catalog's specification: code -> "category severity". */
    static final Map<String, String> TABLE = table();

    private static Map<String, String> table() {
        Map<String, String> t = new LinkedHashMap<>();
        put(t, "billing critical", "E0300", "E0301");
        put(t, "access critical", "E0701");
        put(t, "access error", "E0602", "E0803", "E0810");
        put(t, "rate_limit warning", "E0700", "E0811");
        put(
                t,
                "request error",
                "E0100",
                "E0101",
                "E0603",
                "E0707",
                "E0723",
                "E0725",
                "E0728",
                "E0800",
                "E0804",
                "E0812",
                "E0813",
                "E0814",
                "E0815");
        put(t, "request warning", "W0107", "W0108", "W0109", "W0110");
        put(
                t,
                "media error",
                "E0102",
                "E0200",
                "E0201",
                "E0202",
                "E0203",
                "E0204",
                "E0205",
                "E0206",
                "E0207",
                "E0401",
                "E0806",
                "E0807",
                "E0808",
                "E0816");
        put(t, "not_found error", "E0400", "E0600", "E0708", "E0709", "E0710", "E0720", "E0729", "E0730");
        put(t, "config error", "E0703", "E0704", "E0711", "E0716", "E0717", "E0722", "E0726", "E0727");
        put(t, "config warning", "W0106", "W0111", "W0113");
        put(t, "custom_llm critical", "E0706");
        put(t, "custom_llm error", "E0705", "E0712", "E0713", "E0724");
        put(t, "llm_provider warning", "E0718");
        put(t, "llm_provider error", "E0719");
        put(t, "tool error", "E0702");
        put(t, "session info", "E0714", "E0715");
        put(t, "timeout warning", "E0601");
        put(t, "content_policy warning", "E0721", "E0801", "E0809", "W0112");
        put(t, "generation error", "E0802", "E0805");
        put(t, "no_result info", "W0101", "W0102", "W0103", "W0104", "W0105");
        put(t, "service critical", "I0100", "I0116");
        put(t, "connection info", "1000");
        put(t, "connection error", "1008", "1011");
        return t;
    }

    private static void put(Map<String, String> t, String categorySeverity, String... codes) {
        for (String c : codes) {
            assertThat(t.put(c, categorySeverity)).as("%s listed twice", c).isNull();
        }
    }

    static final Set<String> RETRYABLE =
            Set.of("E0700", "E0811", "E0718", "E0719", "E0601", "E0802", "E0805", "I0100", "I0116", "1011");

    private final Catalog catalog = Catalog.builtIn();

    private static List<String> codeStrings(Catalog c) {
        return c.codes().stream().map(HumeCode::code).collect(Collectors.toList());
    }

    @Test
    void holdsHumesWholeListAndTheThreeExtraCodesAndNothingElse() {
        assertThat(HUME_LIST).hasSize(82).doesNotHaveDuplicates();
        List<String> expected = new ArrayList<>(HUME_LIST);
        expected.addAll(List.of("E0710", "I0100", "I0116"));
        assertThat(codeStrings(catalog))
                .hasSize(85)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
        for (String code : expected) {
            assertThat(catalog.contains(code)).as(code).isTrue();
            assertThat(catalog.lookup(code).inCatalog()).as(code).isTrue();
        }
    }

    @Test
    void theTableCoversEveryEntry() {
        assertThat(TABLE.keySet()).containsExactlyInAnyOrderElementsOf(codeStrings(catalog));
    }

    @Test
    void categoryAndSeverityFollowTheDesignTable() {
        for (HumeCode c : catalog.codes()) {
            assertThat(c.category() + " " + c.severity().id()).as(c.code()).isEqualTo(TABLE.get(c.code()));
        }
    }

    @Test
    void retryableExactlyForTheRetryableCodes() {
        for (HumeCode c : catalog.codes()) {
            assertThat(c.retryable()).as(c.code()).isEqualTo(RETRYABLE.contains(c.code()));
        }
    }

    @Test
    void closeCodesAreMarkedAsSuchAndFoundByNumber() {
        for (HumeCode c : catalog.codes()) {
            assertThat(c.isCloseCode()).as(c.code()).isEqualTo(c.code().length() == 4);
        }
        assertThat(catalog.closeCode(1011)).isSameAs(catalog.lookup("1011"));
        assertThat(catalog.closeCode(1000).code()).isEqualTo("1000");
        assertThat(catalog.closeCode(1008).code()).isEqualTo("1008");
        assertThat(catalog.closeCode(1001)).isNull();
        assertThat(catalog.closeCode(999)).isNull();
        assertThat(catalog.closeCode(-1)).isNull();
        assertThat(catalog.closeCode(Long.MAX_VALUE)).isNull();
    }

    @Test
    void descriptionsAreOneNonEmptyLine() {
        for (HumeCode c : catalog.codes()) {
            assertThat(c.description())
                    .as(c.code())
                    .isNotBlank()
                    .doesNotContain("\n")
                    .doesNotContain("\r")
                    .isEqualTo(c.description().strip());
        }
    }

    @Test
    void descriptionsCarryHumesStatedLimits() {
        assertThat(catalog.lookup("E0203").description()).contains("5000");
        assertThat(catalog.lookup("E0204").description()).contains("5000");
        assertThat(catalog.lookup("E0205").description()).contains("3,000 x 3,000");
        assertThat(catalog.lookup("E0206").description()).contains("10,000");
    }

    @Test
    void knownSlugs() {
        assertThat(catalog.lookup("E0705").slug()).isEqualTo("custom_language_model_disconnected");
        assertThat(catalog.lookup("E0712").slug()).isEqualTo("custom_language_model_timed_out");
        assertThat(catalog.lookup("E0714").slug()).isEqualTo("inactivity_timeout");
        assertThat(catalog.lookup("E0715").slug()).isEqualTo("max_duration_timeout");
        assertThat(catalog.lookup("I0116").slug()).isEqualTo("transcription_failure");
        assertThat(catalog.lookup("E0300").slug()).isNull();
    }

    @Test
    void unknownWellFormedCodesGetAStandIn() {
        HumeCode e = catalog.lookup("E0999");
        assertThat(e.code()).isEqualTo("E0999");
        assertThat(e.category()).isEqualTo(HumeCode.UNKNOWN_CATEGORY).isEqualTo("unknown");
        assertThat(e.severity()).isEqualTo(Severity.ERROR);
        assertThat(e.inCatalog()).isFalse();
        assertThat(e.retryable()).isFalse();
        assertThat(e.isCloseCode()).isFalse();
        assertThat(e.description()).isNotBlank().doesNotContain("\n");

        HumeCode w = catalog.lookup("W0999");
        assertThat(w.category()).isEqualTo("unknown");
        assertThat(w.severity()).isEqualTo(Severity.WARNING);
        assertThat(w.inCatalog()).isFalse();

        HumeCode i = catalog.lookup("I0234");
        assertThat(i.code()).isEqualTo("I0234");
        assertThat(i.category()).isEqualTo("service");
        assertThat(i.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(i.retryable()).isTrue();
        assertThat(i.inCatalog()).isFalse();

        assertThat(catalog.contains("E0999")).isFalse();
        assertThat(catalog.lookup(new StringBuilder("E0999"))).isSameAs(e);
    }

    @Test
    void unknownCodesCountOnlyInsideHumesNumbering() {
        for (String other : new String[] {"E1165", "I2510", "W1000", "E2003", "I9999", "W1234"}) {
            assertThat(catalog.lookup(other)).as(other).isNull();
            assertThat(Detector.create().scan("code " + other + " here"))
                    .as(other)
                    .isNull();
        }
        assertThat(catalog.lookup("E0000").inCatalog()).isFalse();
        assertThat(catalog.lookup("I0999").category()).isEqualTo("service");
    }

    @Test
    void builtInEntriesPassTheChecksOfCatalogFiles() throws Exception {
        // The built-in entries are Java, not a file: written out and read back as one, they must all pass.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        catalog.writeJson(out);
        Catalog read = Catalog.builtIn().withOverrides(new ByteArrayInputStream(out.toByteArray()), "built-in");
        assertThat(read.codes()).hasSameSizeAs(catalog.codes());
        for (HumeCode c : catalog.codes()) {
            assertThat(c.category()).as(c.code()).matches("[a-z][a-z0-9_]*");
            assertThat(c.slug() == null || c.slug().matches("[a-z][a-z0-9_]*"))
                    .as(c.code())
                    .isTrue();
            assertThat(c.inCatalog()).as(c.code()).isTrue();
        }
    }

    @Test
    void lookupOfWhatIsNotACode() {
        for (String s : new String[] {
            "e0300", "E030", "E03000", "X0300", "999", "1001", "", " E0300", "E03O0", "1011 ", "E0300\n"
        }) {
            assertThat(catalog.lookup(s)).as(s).isNull();
            assertThat(catalog.contains(s)).as(s).isFalse();
        }
        assertThat(catalog.lookup(null)).isNull();
        assertThat(catalog.contains(null)).isFalse();
    }

    @Test
    void codesAreUnmodifiable() {
        List<HumeCode> codes = catalog.codes();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> codes.remove(0))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void severityIds() {
        assertThat(Severity.fromId("critical")).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.fromId(" Warning ")).isEqualTo(Severity.WARNING);
        assertThat(Severity.fromId("fatal")).isNull();
        assertThat(Severity.fromId(null)).isNull();
        assertThat(Severity.INFO.id()).isEqualTo("info");
        assertThat(Severity.CRITICAL.atLeast(Severity.ERROR)).isTrue();
        assertThat(Severity.ERROR.atLeast(Severity.ERROR)).isTrue();
        assertThat(Severity.WARNING.atLeast(Severity.ERROR)).isFalse();
    }

    @Test
    void writeJsonRoundTrip() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        catalog.writeJson(out);
        JsonNode root = JsonMapper.builder().build().readTree(out.toByteArray());
        assertThat(root.propertyNames()).containsExactly("codes");
        JsonNode list = root.get("codes");
        assertThat(list.size()).isEqualTo(catalog.codes().size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            HumeCode c = catalog.codes().get(i);
            assertThat(n.get("code").stringValue()).isEqualTo(c.code());
            assertThat(n.get("category").stringValue()).isEqualTo(c.category());
            assertThat(n.get("severity").stringValue()).isEqualTo(c.severity().id());
            assertThat(n.get("description").stringValue()).isEqualTo(c.description());
            assertThat(n.get("retryable").isBoolean()).isTrue();
            assertThat(n.get("retryable").booleanValue()).isEqualTo(c.retryable());
            if (c.slug() == null) {
                assertThat(n.has("slug")).as(c.code()).isFalse();
            } else {
                assertThat(n.get("slug").stringValue()).isEqualTo(c.slug());
            }
        }
        assertThat(list.get(0).get("code").stringValue()).isEqualTo("E0100");

        // The written file is a valid override file that changes nothing.
        Catalog again = catalog.withOverrides(new ByteArrayInputStream(out.toByteArray()), "written");
        assertThat(again.codes()).hasSameSizeAs(catalog.codes());
        for (int i = 0; i < again.codes().size(); i++) {
            HumeCode a = again.codes().get(i);
            HumeCode b = catalog.codes().get(i);
            assertThat(List.of(
                            a.code(),
                            a.category(),
                            a.severity(),
                            a.description(),
                            a.retryable(),
                            String.valueOf(a.slug()),
                            a.inCatalog()))
                    .isEqualTo(List.of(
                            b.code(),
                            b.category(),
                            b.severity(),
                            b.description(),
                            b.retryable(),
                            String.valueOf(b.slug()),
                            b.inCatalog()));
        }
    }
}
