package io.github.humecodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogOverridesTest {
    @TempDir
    Path dir;

    private Path file(String name, String json) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, json, StandardCharsets.UTF_8);
        return p;
    }

    private static String snapshot(Catalog c) {
        return c.codes().stream()
                .map(h -> h.code() + "|" + h.category() + "|" + h.severity() + "|" + h.description() + "|"
                        + h.retryable() + "|" + h.slug())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void aPartialEntryChangesOnlyWhatItGives() throws Exception {
        Path p = file("partial.json", "{\"codes\":[{\"code\":\"E0300\",\"severity\":\"warning\"}]}");
        Catalog c = Catalog.load(p);
        HumeCode changed = c.lookup("E0300");
        HumeCode old = Catalog.builtIn().lookup("E0300");
        assertThat(changed.severity()).isEqualTo(Severity.WARNING);
        assertThat(changed.category()).isEqualTo("billing");
        assertThat(changed.description()).isEqualTo(old.description());
        assertThat(changed.retryable()).isFalse();
        assertThat(changed.inCatalog()).isTrue();
        // Order is kept: the entry stays where the built-in catalog has it.
        assertThat(c.codes()).hasSameSizeAs(Catalog.builtIn().codes());
        assertThat(c.codes().indexOf(changed))
                .isEqualTo(Catalog.builtIn().codes().indexOf(old));
        assertThat(Catalog.builtIn().lookup("E0300").severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aFullEntryReplacesEveryField() throws Exception {
        Path p = file(
                "full.json",
                "{\"codes\":[{\"code\":\"E0705\",\"category\":\"my_llm\",\"severity\":\"critical\","
                        + "\"description\":\"Our model server dropped the socket.\",\"retryable\":true,\"slug\":\"dropped\"}]}");
        HumeCode c = Catalog.load(p).lookup("E0705");
        assertThat(List.of(c.category(), c.severity(), c.description(), c.retryable(), c.slug()))
                .containsExactly("my_llm", Severity.CRITICAL, "Our model server dropped the socket.", true, "dropped");
    }

    @Test
    void anEntryMayTurnRetryableOff() throws Exception {
        Path p = file("r.json", "{\"codes\":[{\"code\":\"1011\",\"retryable\":false}]}");
        assertThat(Catalog.load(p).closeCode(1011).retryable()).isFalse();
        assertThat(Catalog.builtIn().closeCode(1011).retryable()).isTrue();
    }

    @Test
    void aNewCodeIsAddedAndDetected() throws Exception {
        Path p = file(
                "add.json",
                "{\"codes\":[{\"code\":\"E0999\",\"category\":\"beta\",\"severity\":\"critical\","
                        + "\"description\":\"A code of a beta feature.\"}]}");
        Catalog c = Catalog.load(p);
        HumeCode added = c.lookup("E0999");
        assertThat(added.inCatalog()).isTrue();
        assertThat(added.category()).isEqualTo("beta");
        assertThat(added.retryable()).isFalse();
        assertThat(added.slug()).isNull();
        assertThat(c.codes()).hasSize(86).last().isSameAs(added);
        assertThat(c.contains("E0999")).isTrue();

        Detection d = Detector.create(c, 1000).scan("hume(E0999): beta feature failed");
        assertThat(d.primary()).isSameAs(added);
        assertThat(d.primary().category()).isEqualTo("beta");
        // The built-in detector still reports it as unknown.
        assertThat(Detector.create().scan("hume(E0999): x").primary().category())
                .isEqualTo("unknown");
    }

    @Test
    void aNewCloseCodeIsDetectedInACloseContextOnly() throws Exception {
        Path p = file(
                "close.json",
                "{\"codes\":[{\"code\":\"4001\",\"category\":\"connection\","
                        + "\"severity\":\"warning\",\"description\":\"Closed by our gateway.\",\"retryable\":true}]}");
        Catalog c = Catalog.load(p);
        assertThat(c.closeCode(4001).code()).isEqualTo("4001");
        assertThat(c.closeCode(4001).isCloseCode()).isTrue();
        Detector d = Detector.create(c, 1000);
        assertThat(d.scan("socket closed with status 4001").primary().code()).isEqualTo("4001");
        assertThat(d.scan("processed 4001 records")).isNull();
        assertThat(d.scanValue("ws.close_code", 4001L, null).primary()).isSameAs(c.closeCode(4001));
        assertThat(Detector.create().scan("socket closed with status 4001")).isNull();
    }

    @Test
    void overridesComposeFromAStream() throws Exception {
        Catalog c = Catalog.builtIn()
                .withOverrides(
                        new ByteArrayInputStream("{\"codes\":[{\"code\":\"W0103\",\"severity\":\"warning\"}]}"
                                .getBytes(StandardCharsets.UTF_8)),
                        "s");
        assertThat(c.lookup("W0103").severity()).isEqualTo(Severity.WARNING);
        Path p = file("more.json", "{\"codes\":[{\"code\":\"W0103\",\"category\":\"faces\"}]}");
        HumeCode w = c.withOverrides(p).lookup("W0103");
        assertThat(w.severity()).isEqualTo(Severity.WARNING);
        assertThat(w.category()).isEqualTo("faces");
    }

    @Test
    void anEmptyListChangesNothing() throws Exception {
        Catalog c = Catalog.load(file("none.json", "{\"codes\":[]}"));
        assertThat(snapshot(c)).isEqualTo(snapshot(Catalog.builtIn()));
    }

    private void rejected(String name, String json, String... fragments) throws Exception {
        String before = snapshot(Catalog.builtIn());
        Path p = file(name, json);
        assertThatThrownBy(() -> Catalog.load(p))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(p.toString())
                .hasMessageContainingAll(fragments);
        assertThat(snapshot(Catalog.builtIn())).isEqualTo(before);
        assertThat(Catalog.builtIn().codes()).hasSize(85);
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("absent.json");
        assertThatThrownBy(() -> Catalog.load(p))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(p.toString())
                .hasMessageContaining("not found");
        assertThatThrownBy(() -> Catalog.load(null)).isInstanceOf(CatalogException.class);
    }

    @Test
    void emptyFile() throws Exception {
        rejected("empty.json", "", "empty");
        rejected("blank.json", "  \n", "empty");
    }

    @Test
    void malformedJson() throws Exception {
        rejected("bad.json", "{\"codes\":[{\"code\":\"E0300\",}", "not valid JSON");
        rejected("array.json", "[]", "expected an object");
        rejected("nolist.json", "{\"codes\":{}}", "\"codes\"");
        rejected(
                "dupkey.json",
                "{\"codes\":[{\"code\":\"E0300\",\"severity\":\"error\",\"severity\":\"info\"}]}",
                "severity");
    }

    @Test
    void unknownTopLevelField() throws Exception {
        rejected("top.json", "{\"codes\":[],\"version\":2}", "unknown field \"version\"");
    }

    @Test
    void unknownEntryField() throws Exception {
        rejected(
                "field.json",
                "{\"codes\":[{\"code\":\"E0300\"},{\"code\":\"E0301\",\"colour\":\"red\"}]}",
                "entry 2",
                "E0301",
                "unknown field \"colour\"");
    }

    @Test
    void badSeverity() throws Exception {
        rejected("sev.json", "{\"codes\":[{\"code\":\"E0300\",\"severity\":\"fatal\"}]}", "entry 1", "E0300", "fatal");
        rejected("sevnum.json", "{\"codes\":[{\"code\":\"E0300\",\"severity\":3}]}", "E0300", "severity");
    }

    @Test
    void duplicateCode() throws Exception {
        rejected(
                "dup.json",
                "{\"codes\":[{\"code\":\"E0300\",\"severity\":\"error\"},"
                        + "{\"code\":\"E0300\",\"severity\":\"info\"}]}",
                "entry 2",
                "E0300",
                "duplicate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"e0300", "E030", "E03000", "X0300", "999", "0999", "5000", " E0300", "E03O0"})
    void codeOfTheWrongShape(String code) throws Exception {
        rejected(
                "shape.json",
                "{\"codes\":[{\"code\":\"" + code + "\",\"category\":\"x\",\"severity\":\"error\","
                        + "\"description\":\"d\"}]}",
                "entry 1",
                code,
                "not a Hume code");
    }

    @Test
    void codeMissingOrNotAString() throws Exception {
        rejected("nocode.json", "{\"codes\":[{\"severity\":\"error\"}]}", "entry 1", "\"code\"");
        rejected("numcode.json", "{\"codes\":[{\"code\":1011}]}", "entry 1", "\"code\"");
        rejected("notobj.json", "{\"codes\":[\"E0300\"]}", "entry 1");
    }

    @Test
    void newCodeMissingRequiredFields() throws Exception {
        rejected(
                "req1.json",
                "{\"codes\":[{\"code\":\"E0999\",\"severity\":\"error\",\"description\":\"d\"}]}",
                "E0999",
                "\"category\"",
                "required");
        rejected(
                "req2.json",
                "{\"codes\":[{\"code\":\"E0999\",\"category\":\"x\",\"description\":\"d\"}]}",
                "E0999",
                "\"severity\"",
                "required");
        rejected(
                "req3.json",
                "{\"codes\":[{\"code\":\"E0999\",\"category\":\"x\",\"severity\":\"error\"}]}",
                "E0999",
                "\"description\"",
                "required");
    }

    @Test
    void nonBooleanRetryable() throws Exception {
        rejected("retry.json", "{\"codes\":[{\"code\":\"E0300\",\"retryable\":\"yes\"}]}", "E0300", "retryable");
        rejected("retry1.json", "{\"codes\":[{\"code\":\"E0300\",\"retryable\":1}]}", "E0300", "retryable");
    }

    @Test
    void multiLineOrEmptyDescription() throws Exception {
        rejected(
                "desc.json",
                "{\"codes\":[{\"code\":\"E0300\",\"description\":\"one\\ntwo\"}]}",
                "E0300",
                "description");
        rejected(
                "desccr.json",
                "{\"codes\":[{\"code\":\"E0300\",\"description\":\"one\\rtwo\"}]}",
                "E0300",
                "description");
        rejected("descblank.json", "{\"codes\":[{\"code\":\"E0300\",\"description\":\"  \"}]}", "E0300", "description");
    }

    @Test
    void badCategoryOrSlug() throws Exception {
        rejected("cat.json", "{\"codes\":[{\"code\":\"E0300\",\"category\":\"Bill ing\"}]}", "E0300", "category");
        rejected("slug.json", "{\"codes\":[{\"code\":\"E0300\",\"slug\":\"Out Of Credits\"}]}", "E0300", "slug");
    }

    @Test
    void aRejectedFileLeavesTheCatalogItWasMergedIntoUnchanged() throws Exception {
        Catalog base = Catalog.load(file("ok.json", "{\"codes\":[{\"code\":\"E0300\",\"severity\":\"info\"}]}"));
        String before = snapshot(base);
        Path bad =
                file("late.json", "{\"codes\":[{\"code\":\"E0301\",\"severity\":\"info\"}," + "{\"code\":\"E0302\"}]}");
        assertThatThrownBy(() -> base.withOverrides(bad))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(bad.toString())
                .hasMessageContaining("entry 2")
                .hasMessageContaining("E0302");
        assertThat(snapshot(base)).isEqualTo(before);
        assertThat(base.lookup("E0301").severity()).isEqualTo(Severity.CRITICAL);
    }
}
