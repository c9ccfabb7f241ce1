package io.github.humecodes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.humecodes.Catalog;
import io.github.humecodes.HumeCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MainTest {
    static final Path SAMPLE = Path.of("src/test/resources/sample.log");
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The detections of sample.log, derived by reading it line by line: line number to codes in order. */
    static final Map<Integer, List<String>> SAMPLE_DETECTIONS = new LinkedHashMap<>();

    static {
        SAMPLE_DETECTIONS.put(5, List.of("E0714"));
        SAMPLE_DETECTIONS.put(6, List.of("1000"));
        SAMPLE_DETECTIONS.put(7, List.of("E0715"));
        SAMPLE_DETECTIONS.put(10, List.of("E0300"));
        SAMPLE_DETECTIONS.put(11, List.of("E0811"));
        SAMPLE_DETECTIONS.put(14, List.of("W0103"));
        SAMPLE_DETECTIONS.put(15, List.of("E0203"));
        SAMPLE_DETECTIONS.put(16, List.of("E0203"));
        SAMPLE_DETECTIONS.put(23, List.of("E0705"));
        SAMPLE_DETECTIONS.put(24, List.of("E0705"));
        SAMPLE_DETECTIONS.put(25, List.of("1011"));
        SAMPLE_DETECTIONS.put(27, List.of("E0703"));
        SAMPLE_DETECTIONS.put(28, List.of("E0703"));
        SAMPLE_DETECTIONS.put(29, List.of("1008"));
        SAMPLE_DETECTIONS.put(30, List.of("I0100"));
        SAMPLE_DETECTIONS.put(31, List.of("W0107", "E0700"));
        SAMPLE_DETECTIONS.put(34, List.of("E0799"));
    }

    record Result(int status, String out, String err) {}

    static Result run(InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                args,
                in,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), args);
    }

    @Test
    void scanJsonlFindsExactlyTheSampleDetections() {
        Result r = run("scan", "--jsonl", SAMPLE.toString());
        assertThat(r.status).isZero();
        Map<Integer, List<String>> found = new LinkedHashMap<>();
        for (String line : r.out.split("\n")) {
            JsonNode o = JSON.readTree(line);
            List<String> codes = new ArrayList<>();
            o.get("codes").forEach(c -> codes.add(c.stringValue()));
            found.put(o.get("line").intValue(), codes);
            HumeCode primary = Catalog.builtIn().lookup(o.get("code").stringValue());
            assertThat(o.get("category").stringValue()).isEqualTo(primary.category());
            assertThat(o.get("severity").stringValue())
                    .isEqualTo(primary.severity().id());
            assertThat(o.get("description").stringValue()).isEqualTo(primary.description());
            assertThat(o.get("retryable").booleanValue()).isEqualTo(primary.retryable());
            assertThat(o.has("file")).isFalse();
        }
        assertThat(found).containsExactlyEntriesOf(SAMPLE_DETECTIONS);
    }

    @Test
    void primaryIsMostSevereThenFirst() throws Exception {
        Result r = run(
                new ByteArrayInputStream("EVI warning W0107 and error E0700 then E0300\nE0714 then W0105\n"
                        .getBytes(StandardCharsets.UTF_8)),
                "scan",
                "--jsonl");
        String[] lines = r.out.split("\n");
        assertThat(JSON.readTree(lines[0]).get("code").stringValue()).isEqualTo("E0300");
        assertThat(JSON.readTree(lines[1]).get("code").stringValue()).isEqualTo("E0714"); // both info: first
    }

    @Test
    void summaryCountsLinesByPrimaryCategoryAndCode() {
        Result r = run("scan", "--summary", SAMPLE.toString());
        assertThat(r.status).isZero();
        assertThat(r.out).contains("lines: 35, with a Hume code: 17");
        Map<String, Integer> categories = Map.ofEntries(
                Map.entry("connection", 3),
                Map.entry("session", 2),
                Map.entry("media", 2),
                Map.entry("custom_llm", 2),
                Map.entry("config", 2),
                Map.entry("billing", 1),
                Map.entry("rate_limit", 1),
                Map.entry("no_result", 1),
                Map.entry("service", 1),
                Map.entry("request", 1),
                Map.entry("unknown", 1));
        String byCategory = r.out.substring(r.out.indexOf("by category"), r.out.indexOf("by code:"));
        categories.forEach(
                (category, n) -> assertThat(byCategory).containsPattern("(?m)^  " + category + " +" + n + "$"));
        assertThat(byCategory.lines().count()).isEqualTo(1 + categories.size());
        String byCode = r.out.substring(r.out.indexOf("by code:"));
        assertThat(byCode)
                .containsPattern("(?m)^  E0203 +2$")
                .containsPattern("(?m)^  W0107 +1$")
                .containsPattern("(?m)^  E0799 +1$")
                .doesNotContainPattern("(?m)^  E0700 ");
    }

    @Test
    void plainScanAnnotatesLines() {
        Result r = run("scan", SAMPLE.toString());
        assertThat(r.out.lines().count()).isEqualTo(SAMPLE_DETECTIONS.size());
        assertThat(r.out)
                .contains("10: 2026-11-23 09:15:40.516 ERROR [tts-1]")
                .contains("[hume.code=E0300 hume.category=billing hume.severity=critical]")
                .contains("[hume.code=W0107 hume.category=request hume.severity=warning hume.codes=W0107,E0700]");
    }

    @Test
    void jsonSummaryGoesToStderrSoStdoutStaysJsonLines() {
        Result r = run("scan", "--jsonl", "--summary", SAMPLE.toString());
        r.out.lines().forEach(l -> assertThat(JSON.readTree(l).isObject()).isTrue());
        assertThat(r.err).contains("with a Hume code: 17");
    }

    @Test
    void severalFilesNameTheFile(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.log"), "ok\nE0300 here\n");
        Path b = Files.writeString(dir.resolve("b.log"), "close code 1011\n");
        Result r = run("scan", "--jsonl", a.toString(), b.toString());
        List<JsonNode> rows = r.out.lines().map(JSON::readTree).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("file").stringValue()).isEqualTo(a.toString());
        assertThat(rows.get(0).get("line").intValue()).isEqualTo(2);
        assertThat(rows.get(1).get("file").stringValue()).isEqualTo(b.toString());
        assertThat(rows.get(1).get("code").stringValue()).isEqualTo("1011");
        assertThat(run("scan", a.toString(), b.toString()).out).startsWith(a + ":2: E0300 here");
    }

    @Test
    void aByteThatIsNotUtf8SpoilsOnlyItsOwnCharacter(@TempDir Path dir) throws Exception {
        byte[] latin1 = "caf\u00e9 E0714 inactivity\nsecond line E0300\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("mixed.log"), latin1);
        Result r = run("scan", "--jsonl", file.toString());
        assertThat(r.status).isZero();
        assertThat(r.out.lines()
                        .map(JSON::readTree)
                        .map(o -> o.get("code").stringValue())
                        .toList())
                .containsExactly("E0714", "E0300");
        // The same bytes through standard input give the same lines.
        Result stdin = run(new ByteArrayInputStream(latin1), "scan", "--jsonl");
        assertThat(stdin.out).isEqualTo(r.out);
    }

    @Test
    void stdinWhenNoFileOrDash() {
        byte[] text = "a\r\nb E0300\rc W0105\n".getBytes(StandardCharsets.UTF_8);
        Result none = run(new ByteArrayInputStream(text), "scan", "--jsonl");
        Result dash = run(new ByteArrayInputStream(text), "scan", "--jsonl", "-");
        assertThat(none.out).isEqualTo(dash.out);
        List<JsonNode> rows = none.out.lines().map(JSON::readTree).toList();
        assertThat(rows).extracting(o -> o.get("line").intValue()).containsExactly(2, 3);
    }

    @Test
    void catalogOverrideChangesScanAndCatalog(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(
                dir.resolve("mine.json"),
                "{\"codes\":[{\"code\":\"E0799\",\"category\":\"config\",\"severity\":\"warning\","
                        + "\"description\":\"Our reading of a new code.\"}]}");
        Result scan = run(
                new ByteArrayInputStream("EVI error E0799\n".getBytes(StandardCharsets.UTF_8)),
                "scan",
                "--jsonl",
                "--catalog",
                file.toString());
        assertThat(JSON.readTree(scan.out.trim()).get("category").stringValue()).isEqualTo("config");
        JsonNode catalog = JSON.readTree(run("catalog", "--catalog=" + file).out);
        assertThat(catalog.get("codes").size())
                .isEqualTo(Catalog.builtIn().codes().size() + 1);
        assertThat(run("catalog", "--format", "markdown", "--catalog", file.toString()).out)
                .contains("| `E0799` | config | warning | no | Our reading of a new code. |");
    }

    @Test
    void catalogJsonIsTheBuiltInCatalogEntryForEntry() {
        Result r = run("catalog");
        assertThat(r.status).isZero();
        JsonNode codes = JSON.readTree(r.out).get("codes");
        List<HumeCode> expected = Catalog.builtIn().codes();
        assertThat(codes.size()).isEqualTo(expected.size()).isEqualTo(85);
        for (int i = 0; i < expected.size(); i++) {
            HumeCode c = expected.get(i);
            JsonNode o = codes.get(i);
            assertThat(o.get("code").stringValue()).isEqualTo(c.code());
            assertThat(o.get("category").stringValue()).isEqualTo(c.category());
            assertThat(o.get("severity").stringValue()).isEqualTo(c.severity().id());
            assertThat(o.get("description").stringValue()).isEqualTo(c.description());
            assertThat(o.get("retryable").booleanValue()).isEqualTo(c.retryable());
        }
    }

    @Test
    void markdownGroupsByCategoryInTheDesignOrder() {
        String md = run("catalog", "--format", "markdown").out;
        List<String> rows = md.lines().skip(2).toList();
        assertThat(rows).hasSize(85);
        assertThat(rows.get(0)).startsWith("| `E0300` | billing | critical | no |");
        assertThat(rows.get(rows.size() - 1)).startsWith("| `1011` | connection | error | yes |");
        assertThat(md).contains("| `E0707` | request | error | no |");
        int lastIndex = -1;
        for (String category : CatalogCommand.CATEGORY_ORDER) {
            int first = md.indexOf("| " + category + " |");
            assertThat(first).as(category).isGreaterThan(lastIndex);
            lastIndex = md.lastIndexOf("| " + category + " |");
        }
    }

    @Test
    void explainCodeTextAndBareCloseCode() {
        Result code = run("explain", "E0300");
        assertThat(code.status).isZero();
        assertThat(code.out).contains("E0300", "category:    billing", "severity:    critical", "retryable:   no");
        Result close = run("explain", "1011");
        assertThat(close.out).contains("connection", "slug:        server_error", "retryable:   yes");
        Result text = run("explain", "EVI", "Error:", "Code=E0715,", "then", "E0300");
        assertThat(text.out).contains("E0715", "E0300", "primary: E0300");
        Result unknown = run("explain", "E0999");
        assertThat(unknown.out).contains("E0999 (not in the catalog)", "category:    unknown");
    }

    @Test
    void anArgumentThatIsExactlyACodeIsThatCode() {
        Result two = run("explain", "1011", "1008");
        assertThat(two.status).isZero();
        assertThat(two.out.lines().filter(l -> l.matches("\\d{4}")).toList()).containsExactly("1011", "1008");
        Result mixed = run("explain", "E0300", "1011");
        assertThat(mixed.out.lines().filter(l -> l.matches("[EWI]?\\d{4}")).toList())
                .containsExactly("E0300", "1011");
        assertThat(mixed.out).contains("primary: E0300");
        // Unquoted words keep their context: the pylint line is not Hume's, the close context is.
        assertThat(run("explain", "W0611:", "Unused", "import", "os", "(unused-import)").status)
                .isEqualTo(1);
        assertThat(run("explain", "socket", "closed", "with", "status", "1011").out)
                .startsWith("1011");
        // Outside Hume's numbering only catalog codes count.
        assertThat(run("explain", "E1165").status).isEqualTo(1);
    }

    @Test
    void explainWithoutCodeFails() {
        Result r = run("explain", "processed 1000 records");
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err).contains("no Hume code found");
        assertThat(run("explain").status).isEqualTo(2);
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run().status).isEqualTo(2);
        Result unknown = run("frobnicate");
        assertThat(unknown.status).isEqualTo(2);
        assertThat(unknown.err).contains("unknown command 'frobnicate'");
        Result option = run("scan", "--bogus");
        assertThat(option.status).isEqualTo(2);
        assertThat(option.err).contains("unknown option --bogus");
        assertThat(run("scan", "--catalog").err).contains("--catalog needs a value");
        assertThat(run("scan", "--max-scan-chars", "0").err)
                .contains("--max-scan-chars must be a positive whole number, was '0'");
        assertThat(run("scan", "--max-scan-chars", "ten").status).isEqualTo(2);
        assertThat(run("catalog", "--format", "yaml").err).contains("--format must be json or markdown");
        assertThat(run("catalog", "extra").status).isEqualTo(2);
        Result help = run("--help");
        assertThat(help.status).isZero();
        assertThat(help.out).contains("usage: humecodes");
    }

    @Test
    void unreadableFilesAndBadCatalogsExitOneNamingTheFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.log");
        Result r = run("scan", missing.toString());
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err).contains(missing + ": no such file");
        Result directory = run("scan", dir.toString());
        assertThat(directory.status).isEqualTo(1);
        assertThat(directory.err).contains(dir.toString());
        Path bad =
                Files.writeString(dir.resolve("bad.json"), "{\"codes\":[{\"code\":\"E0300\",\"severity\":\"fatal\"}]}");
        Result catalog = run("catalog", "--catalog", bad.toString());
        assertThat(catalog.status).isEqualTo(1);
        assertThat(catalog.err).contains(bad.toString(), "entry 1", "E0300", "fatal");
        assertThat(catalog.out).isEmpty();
        assertThat(r.err + directory.err + catalog.err).doesNotContain("Exception", "\tat ");
    }
}
