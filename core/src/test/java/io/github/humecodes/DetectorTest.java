package io.github.humecodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DetectorTest {
    private final Detector detector = Detector.create();
    private final Catalog catalog = Catalog.builtIn();

    private List<String> codes(CharSequence text) {
        return codes(detector.scan(text));
    }

    private static List<String> codes(Detection d) {
        if (d == null) {
            return List.of();
        }
        assertThat(d.size()).isEqualTo(d.codes().size()).isPositive();
        return d.codes().stream().map(HumeCode::code).collect(Collectors.toList());
    }

    private String primary(CharSequence text) {
        Detection d = detector.scan(text);
        return d == null ? null : d.primary().code();
    }

    private static String sup(int codePoint) {
        return new String(Character.toChars(codePoint));
    }

    // ---- realistic message shapes from Hume's SDKs and apps ----

    @Test
    void sdkAndAppMessages() {
        assertThat(codes("hume(E0203): Your audio file was too long. The limit is 5000 milliseconds."))
                .containsExactly("E0203");
        assertThat(codes("HumeError: CODE W0103: No faces could be detected in the media."))
                .containsExactly("W0103");
        assertThat(codes("Error (E0705): Custom language model at wss://llm.example.com disconnected."))
                .containsExactly("E0705");
        assertThat(codes("EVI Error: Code=E0715, Slug=max_duration_timeout, Message=The EVI WebSocket connection "
                        + "was closed due to the maximum duration timeout being reached."))
                .containsExactly("E0715");
        assertThat(codes("code='E0705' slug='custom_language_model_disconnected' type='error' "
                        + "message='Your custom model was disconnected'"))
                .containsExactly("E0705");
    }

    @Test
    void eviWebSocketErrorJsonWithHexAndUuidRequestIds() {
        String hex = "{\"type\":\"error\",\"code\":\"E0714\",\"slug\":\"inactivity_timeout\",\"message\":\"The EVI "
                + "WebSocket connection was closed due to the user inactivity timeout being reached.\","
                + "\"request_id\":\"8a1e0300f3c2b9d7e0714aa0e0301b2c\"}";
        assertThat(codes(hex)).containsExactly("E0714");
        String uuid = "{\"type\":\"error\",\"code\":\"I0116\",\"slug\":\"transcription_failure\",\"message\":\"x\","
                + "\"request_id\":\"0E0300ab-E071-4e07-a1b2-E0301c0ffee0W0103\"}";
        assertThat(codes(uuid)).containsExactly("I0116");
        assertThat(codes("{\"request_id\":\"d7a3e0f1-19c4-4b3e-9d1e-2c5f00e0a1b21011\",\"code\":\"E0300\"}"))
                .containsExactly("E0300");
    }

    @Test
    void expressionMeasurementStreamMessages() {
        assertThat(codes("{\"error\":\"Your audio file was too long. The limit is 5000 milliseconds.\","
                        + "\"code\":\"E0203\",\"payload_id\":\"f3e2a1b0E0203c\"}"))
                .containsExactly("E0203");
        assertThat(
                        codes(
                                "{\"face\":{\"warning\":\"No faces could be detected in the media.\",\"code\":\"W0103\"},"
                                        + "\"prosody\":{\"warning\":\"No speech could be detected in the media.\",\"code\":\"W0105\"}}"))
                .containsExactly("W0103", "W0105");
    }

    @Test
    void multiLineTypeScriptError() {
        String ts = "HumeError: Status code: 400\n"
                + "Body: {\n"
                + "  \"type\": \"error\",\n"
                + "  \"code\": \"E0709\",\n"
                + "  \"message\": \"The configuration you are trying to use does not exist.\"\n"
                + "}\n"
                + "    at Object.<anonymous> (/app/node_modules/hume/core/fetcher.js:1000:17)\n"
                + "    at processTicksAndRejections (node:internal/process/task_queues:95:5)";
        assertThat(codes(ts)).containsExactly("E0709");
    }

    // ---- the token rule ----

    @ParameterizedTest
    @ValueSource(
            strings = {
                "E0300",
                "(E0300)",
                "[W0105]",
                "code=I0100;",
                "\"E0300\"",
                "E0300:",
                "E0300.",
                "x E0300 y",
                "E0300-",
                "E0300- x",
                "-E0300",
                "_-E0300",
                "E0300/E",
                "E0300\tend",
                "@E0300",
                "#E0300",
                "E0300.-",
                "E0300..x",
                "error E0300",
                "Error[E0300]",
                "explain E0300",
                "--explain=E0300 x"
            })
    void aWholeTokenMatches(String text) {
        assertThat(codes(text)).as(text).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "e0300", "w0105", "#i0116", "E030", "E03000", "X0300", "EE0300", "aE0300", "E0300a", "9E0300", "E03009",
                "_E0300", "E0300_", "$E0300", "E0300$", "E0300x", "xE0300", "E 0300", "E-0300", "E0３00", "Ｅ0300",
                "E０３００"
            })
    void partOfAWordDoesNot(String text) {
        assertThat(codes(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "c0ffeeE0300deadbeef",
                "sha256:9f86d081884c7d659a2feaa0c55ad015aE0300bf4f1b2b0b822cd15d6c15b0f00a08",
                "commit 3E0300f9a1b",
                "0xE0300",
                "d7a3e0f1-19c4-4b3e-9d1e-2c5fE0300a1",
                "D7A3E0F1-19C4-4B3E-E0300-2C5F00E0A1B2",
                "550e8400-e29b-41d4-a716-E0300",
                "E0300-4e07-a1b2-c3d4",
                "id E0300-01",
                "part E0300-A",
                "E0300.1",
                "E0300.java",
                "v2.E0300.x",
                "PYL-W0612",
                "SKU-W0105",
                "ab9-E0300",
                "E0300_retry",
                "handleE0300",
                "ERR_E0300",
                "E0300α",
                "αE0300"
            })
    void hexHashesUuidsPartNumbersIdentifiersDoNot(String text) {
        assertThat(codes(text)).as(text).isEmpty();
    }

    @Test
    void upperAndLowerCaseUuidsWithoutCodesFindNothing() {
        assertThat(codes("request 3fa85f64-5717-4562-b3fc-2c963f66afa6")).isEmpty();
        assertThat(codes("REQUEST 3FA85F64-5717-4562-B3FC-2C963F66AFA6")).isEmpty();
        assertThat(codes("E0300 for 3FA85F64-E071-4562-B3FC-2C963F66AFA6")).containsExactly("E0300");
    }

    // ---- other tools' diagnostics ----

    @ParameterizedTest
    @ValueSource(
            strings = {
                "error[E0599]: no method named `foo` found for struct `Bar` in the current scope",
                "For more information about this error, try `rustc --explain E0499`.",
                "src/app.py:3:0: W0611: Unused import os (unused-import)",
                "app.py:12:4: W0612: Unused variable 'x' (unused-variable)   ",
                "W0612(unused-variable)",
                "x = 1  # pylint: disable=W0612",
                "# PyLint: disable=W0612,E0602",
                "************* Module app\napp.py:1:0: E0401: Unable to import 'hume' (import-error)",
                "PYL-W0612",
                "import os  # noqa: E0602",
                "import os  # NOQA:E0602"
            })
    void otherToolsDiagnosticsDoNot(String text) {
        assertThat(codes(text)).as(text).isEmpty();
    }

    @Test
    void toolContextIsBoundToItsLineAndWindow() {
        // The pylint mention is on another line.
        assertThat(codes("# pylint: disable=W0612\nhume(E0300): out of credits"))
                .containsExactly("E0300");
        // The pylint mention is further back than the look-back window.
        String far = "pylint" + " ".repeat(Detector.LINE_LOOKBACK) + "E0300";
        assertThat(codes(far)).containsExactly("E0300");
        String near = "pylint" + " ".repeat(Detector.LINE_LOOKBACK - 6) + "E0300";
        assertThat(codes(near)).isEmpty();
        // The pylint mention after the code does not count.
        assertThat(codes("hume(E0300): out of credits; pylint is happy")).containsExactly("E0300");
        // The trailing symbol is on the next line, or is not a pylint symbol.
        assertThat(codes("W0103: no faces\n(unused-import)")).containsExactly("W0103");
        assertThat(codes("W0103: no faces (face)")).containsExactly("W0103");
        assertThat(codes("W0103: no faces (Unused-Import)")).containsExactly("W0103");
        assertThat(codes("W0103: no faces (unused-import) then more")).containsExactly("W0103");
        assertThat(codes("W0103: no faces (unused-import)\r\nnext")).isEmpty();
        // The trailing symbol beyond the look-ahead window does not count.
        String longLine = "W0103 " + "x".repeat(Detector.LINE_LOOKAHEAD) + " (unused-import)";
        assertThat(codes(longLine)).containsExactly("W0103");
        // rustc contexts only right before the code.
        assertThat(codes("error[ E0599]")).containsExactly("E0599");
        assertThat(codes("rustc --explain  E0499")).containsExactly("E0499");
        assertThat(codes("hume error: E0300")).containsExactly("E0300");
    }

    // ---- close codes ----

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "close code 1011|1011",
                "WebSocket closed with status 1008 (policy_violation)|1008",
                "CloseStatus[code=1011, reason=server_error]|1011",
                "{\"close_code\":1011}|1011",
                "onClose(1000, \"bye\")|1000",
                "ws.close(1000)|1000",
                "Close Code: 1000|1000",
                "CLOSE STATUS = 1008|1008",
                "closed: errorcode 1011|1011",
                "closed, status — «1011»|1011",
                "closed, status 「1011」|1011",
                "hume socket closeStatus=1011; will retry|1011",
                "onClose (1000)|1000",
                "closing 1011|1011"
            })
    void closeCodesInACloseContext(String text, String code) {
        assertThat(codes(text)).as(text).containsExactly(code);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "processed 1000 records",
                "listening on port 1008",
                "status 1011",
                "code 1011",
                "1011",
                "closed after 5 retries, status 1011",
                "close code\n1011",
                "close code 1001",
                "close code 999",
                "close code 10110",
                "close code 1011.5",
                "close code 1,1011",
                "close code 1.1011",
                "close code 1011,5",
                "close code x1011",
                "close code 1011x",
                "close code _1011",
                "close code $1011",
                "close code 1011_",
                "close code é 1011",
                "close code 码 1011",
                "close code ٣ 1011",
                "close code ١٠١١",
                "close code ab 1011",
                "onClose(x, 1000)",
                "closed the file; records: 1000",
                "closing tag code-1000x",
                "closed 1000 connections",
                "closing\t1000 idle sockets"
            })
    void closeCodesOutOfContextDoNot(String text) {
        assertThat(codes(text)).as(text).isEmpty();
    }

    @Test
    void closeContextWindow() {
        int w = Detector.CLOSE_WINDOW;
        // "clos" must lie within the window before the number.
        String inside = "close code" + " ".repeat(w - 10) + "1011";
        assertThat(codes(inside)).containsExactly("1011");
        String outside = "close code" + " ".repeat(w - 9) + "1011";
        assertThat(codes(outside)).isEmpty();
        // The last "clos" decides.
        assertThat(codes("close code: closing the 1011")).isEmpty();
        assertThat(codes("closing soon; close status 1011")).containsExactly("1011");
    }

    // ---- unknown codes, several codes, primary ----

    @Test
    void unknownCodesAreReportedWithTheirFamily() {
        Detection d = detector.scan("hume(E0999): something new, W0999 too, and I0234");
        assertThat(d.codes()).extracting(HumeCode::code).containsExactly("E0999", "W0999", "I0234");
        assertThat(d.codes()).extracting(HumeCode::category).containsExactly("unknown", "unknown", "service");
        assertThat(d.codes()).extracting(HumeCode::inCatalog).containsExactly(false, false, false);
        assertThat(d.primary().code()).isEqualTo("I0234");
    }

    @Test
    void primaryIsTheMostSevereThenTheFirst() {
        assertThat(primary("W0105 then E0203 then E0300")).isEqualTo("E0300");
        assertThat(primary("E0203 then E0204")).isEqualTo("E0203");
        assertThat(primary("E0204 then E0203")).isEqualTo("E0204");
        assertThat(primary("E0714 (info) then W0105 (info) then E0601 (warning)"))
                .isEqualTo("E0601");
        assertThat(primary("E0300 and E0301, both critical")).isEqualTo("E0300");
        assertThat(primary("E0601 warning, then E0999 unknown error")).isEqualTo("E0999");
        assertThat(primary("I0100 after E0706? no: E0706 then I0100")).isEqualTo("I0100");
        assertThat(primary("closed with status 1000, then E0714")).isEqualTo("1000");
        assertThat(primary("closed with status 1000, then E0203")).isEqualTo("E0203");
    }

    @Test
    void aDetectionKeepsAtMostMaxCodesAndAlwaysItsPrimary() {
        StringBuilder text = new StringBuilder();
        List<String> warnings = new ArrayList<>();
        for (int i = 201; i < 201 + 40; i++) {
            warnings.add("W0" + i);
            text.append("W0").append(i).append(' ');
        }
        Detection few = detector.scan(text);
        assertThat(few.codes()).extracting(HumeCode::code).containsExactlyElementsOf(warnings.subList(0, 32));
        assertThat(few.primary().code()).isEqualTo("W0201");

        text.append("E0203 then E0300 then E0301 and W0201 again");
        Detection d = detector.scan(text);
        assertThat(d.size()).isEqualTo(Detection.MAX_CODES).isEqualTo(32);
        List<String> expected = new ArrayList<>(warnings.subList(0, 31));
        expected.add("E0300");
        assertThat(d.codes()).extracting(HumeCode::code).containsExactlyElementsOf(expected);
        assertThat(d.primary().code()).isEqualTo("E0300");

        // Merging follows the same rule: a full detection takes a more severe code in its last place only.
        Detection more = Detection.merge(few, detector.scan("E0203 and W0105"));
        assertThat(more.size()).isEqualTo(32);
        assertThat(more.code(31).code()).isEqualTo("E0203");
        assertThat(more.primary().code()).isEqualTo("E0203");
        assertThat(Detection.merge(few, detector.scan("W0105"))).isSameAs(few);
    }

    @Test
    void codesAreDistinctInOrderOfFirstAppearance() {
        assertThat(codes("E0203 W0105 E0203 E0300 W0105 close code 1011 E0300"))
                .containsExactly("E0203", "W0105", "E0300", "1011");
        Detection d = detector.scan("E0203 W0105");
        assertThat(d.code(0).code()).isEqualTo("E0203");
        assertThat(d.contains(catalog.lookup("W0105"))).isTrue();
        assertThat(d.contains(catalog.lookup("E0300"))).isFalse();
        assertThatThrownBy(() -> d.codes().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFloodOfOneCodeIsOneCode() {
        Detection d = detector.scan("E0703 invalid config; ".repeat(10));
        assertThat(d).isSameAs(catalog.lookup("E0703").alone());
    }

    @Test
    void aSingleCodeDetectionIsShared() {
        Detection a = detector.scan("hume(E0300): out of credits");
        Detection b = detector.scan(new StringBuilder("billing: E0300"));
        assertThat(a).isSameAs(b).isSameAs(Detection.of(catalog.lookup("E0300")));
        assertThat(detector.scan("E0999 x")).isSameAs(detector.scan("y E0999"));
        assertThat(detector.scan("close code 1011")).isSameAs(Detection.of(catalog.closeCode(1011)));
    }

    @Test
    void nothingFound() {
        assertThat(detector.scan("")).isNull();
        assertThat(detector.scan((CharSequence) null)).isNull();
        assertThat(detector.scan("all good, 200 OK in 1234 ms")).isNull();
    }

    // ---- chaining over fields ----

    @Test
    void scanWithSoFarReturnsSoFarItselfWhenNothingIsNew() {
        Detection first = detector.scan("E0300 and W0105");
        assertThat(detector.scan("nothing here", first)).isSameAs(first);
        assertThat(detector.scan("W0105 again and E0300", first)).isSameAs(first);
        assertThat(detector.scan((CharSequence) null, first)).isSameAs(first);
        assertThat(detector.scan("nothing", null)).isNull();

        Detection more = detector.scan("now I0100", first);
        assertThat(more.codes()).extracting(HumeCode::code).containsExactly("E0300", "W0105", "I0100");
        assertThat(more.primary().code()).isEqualTo("E0300");
        Detection single = detector.scan("E0203");
        assertThat(detector.scan("E0203 again", single)).isSameAs(single);
    }

    @Test
    void mergeIsNullSafeAndKeepsTheRules() {
        Detection a = detector.scan("W0105");
        Detection b = detector.scan("E0300 W0105");
        assertThat(Detection.merge(null, null)).isNull();
        assertThat(Detection.merge(a, null)).isSameAs(a);
        assertThat(Detection.merge(null, b)).isSameAs(b);
        assertThat(Detection.merge(a, a)).isSameAs(a);
        Detection m = Detection.merge(a, b);
        assertThat(m.codes()).extracting(HumeCode::code).containsExactly("W0105", "E0300");
        assertThat(m.primary().code()).isEqualTo("E0300");
    }

    // ---- the scan bound ----

    @Test
    void onlyTheFirstMaxScanCharsAreRead() {
        Detector small = Detector.create(catalog, 300);
        assertThat(small.maxScanChars()).isEqualTo(300);
        assertThat(small.catalog()).isSameAs(catalog);
        String justInside = " ".repeat(295) + "E0300" + " tail";
        assertThat(small.scan(justInside).primary().code()).isEqualTo("E0300");
        String justOutside = " ".repeat(296) + "E0300";
        assertThat(small.scan(justOutside)).isNull();
        assertThat(detector.scan(justOutside).primary().code()).isEqualTo("E0300");
        // The text is taken to end at the bound: what follows cannot spoil a code.
        assertThat(small.scan(" ".repeat(295) + "E0300" + "x")).isNotNull();
        assertThat(small.scan(" ".repeat(295) + "E0300" + "5")).isNotNull();
        assertThat(Detector.create(catalog, 5).scan("E0300")).isNotNull();
        assertThat(Detector.create(catalog, 4).scan("E0300")).isNull();
        String close = " ".repeat(300 - 19) + "close code 1011";
        assertThat(small.scan(close + "x")).isNull();
        assertThat(Detector.create(catalog, close.length()).scan(close + "x")).isNotNull();
        String big = " ".repeat(Detector.DEFAULT_MAX_SCAN_CHARS - 5);
        assertThat(detector.scan(big + " E0300")).isNull();
        assertThat(detector.scan(big.substring(1) + " E0300")).isNotNull();
    }

    @Test
    void createChecksItsArguments() {
        assertThatThrownBy(() -> Detector.create(catalog, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxScanChars");
        assertThatThrownBy(() -> Detector.create(null, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Detector.create()).isSameAs(Detector.create());
        assertThat(Detector.create().maxScanChars())
                .isEqualTo(Detector.DEFAULT_MAX_SCAN_CHARS)
                .isEqualTo(65536);
    }

    // ---- throwables ----

    static final class HumeApiException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HumeApiException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final class E0706Exception extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void throwableMessagesCausesAndSuppressed() {
        RuntimeException root = new IllegalStateException("socket closed with status 1011");
        HumeApiException mid = new HumeApiException("hume(E0203): audio too long", root);
        RuntimeException top = new RuntimeException("request failed", mid);
        top.addSuppressed(new RuntimeException("cleanup: W0105"));
        Detection d = detector.scan(top, null);
        assertThat(d.codes()).extracting(HumeCode::code).containsExactly("E0203", "1011", "W0105");
        assertThat(d.primary().code()).isEqualTo("E0203");
        assertThat(detector.scan(new RuntimeException("fine"), null)).isNull();
        assertThat(detector.scan((Throwable) null, d)).isSameAs(d);
    }

    @Test
    void throwableClassNamesAreScanned() {
        Detection d = detector.scan(new E0706Exception(), null);
        // The nested class name is "...DetectorTest$E0706Exception": '$' joins it, so it is not a code.
        assertThat(d).isNull();
        Throwable named = new RuntimeException() {
            @Override
            public String toString() {
                return "E0300";
            }
        };
        assertThat(detector.scan(named, null)).isNull();
    }

    @Test
    void throwableCyclesEnd() {
        RuntimeException a = new RuntimeException("a E0300");
        RuntimeException b = new RuntimeException("b W0105", a);
        a.initCause(b);
        a.addSuppressed(b);
        b.addSuppressed(a);
        Detection d = detector.scan(a, null);
        assertThat(d.codes()).extracting(HumeCode::code).containsExactly("E0300", "W0105");
    }

    @Test
    void throwableDepthIsBounded() {
        int n = Detector.MAX_THROWABLES;
        Throwable deep = new RuntimeException("deepest E0300");
        for (int i = 0; i < n; i++) {
            deep = new RuntimeException("level " + i, deep);
        }
        // n + 1 throwables: the deepest is not read.
        assertThat(detector.scan(deep, null)).isNull();
        assertThat(detector.scan(deep.getCause(), null).primary().code()).isEqualTo("E0300");

        Throwable wide = new RuntimeException("top");
        List<Throwable> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Throwable s = new RuntimeException(
                    "suppressed " + i + (i == n - 1 ? " W0105" : "") + (i == n - 2 ? " W0103" : ""));
            wide.addSuppressed(s);
            list.add(s);
        }
        assertThat(detector.scan(wide, null).codes()).extracting(HumeCode::code).containsExactly("W0103");
    }

    @Test
    void aThrowingGetMessageIsTolerated() {
        RuntimeException bad = new RuntimeException("hidden") {
            @Override
            public String getMessage() {
                throw new IllegalStateException("boom");
            }
        };
        RuntimeException top = new RuntimeException("E0300 outer", bad);
        bad.initCause(new RuntimeException("W0105 inner"));
        Detection d = detector.scan(top, null);
        assertThat(d.codes()).extracting(HumeCode::code).containsExactly("E0300", "W0105");
        RuntimeException badCause = new RuntimeException("E0203") {
            @Override
            public synchronized Throwable getCause() {
                throw new IllegalStateException("boom");
            }
        };
        assertThat(detector.scan(badCause, null).primary().code()).isEqualTo("E0203");
    }

    @Test
    void anErrorThrownByAnExceptionClassIsTolerated() {
        RuntimeException bad = new RuntimeException("hidden") {
            @Override
            public String getMessage() {
                throw new AssertionError("boom");
            }

            @Override
            public synchronized Throwable getCause() {
                throw new StackOverflowError();
            }
        };
        bad.addSuppressed(new RuntimeException("W0105 suppressed"));
        Detection d = detector.scan(new RuntimeException("E0300 outer", bad), null);
        assertThat(d.codes()).extracting(HumeCode::code).containsExactly("E0300", "W0105");
    }

    // ---- structured values ----

    @Test
    void structuredValuesAreReadLikeText() {
        assertThat(codes(detector.scanValue("hume_code", "E0300", null))).containsExactly("E0300");
        assertThat(codes(detector.scanValue(null, "W0105", null))).containsExactly("W0105");
        assertThat(detector.scanValue("code", "I0234", null).primary().category())
                .isEqualTo("service");
        assertThat(detector.scanValue("code", "E0999", null).primary().category())
                .isEqualTo("unknown");
        // A code inside a value counts, as in a message: one rule for key-value pairs, MDC and attributes.
        assertThat(codes(detector.scanValue("error", "Hume returned E0300: out of credits", null)))
                .containsExactly("E0300");
        assertThat(codes(detector.scanValue("error", new StringBuilder("hume(E0203): too long"), null)))
                .containsExactly("E0203");
        for (String v : new String[] {"e0300", "E030", "E03000", "X0300", "", "1011", "hello", "xE0300", "E1165"}) {
            assertThat(detector.scanValue("code", v, null)).as(v).isNull();
        }
        assertThat(detector.scanValue("code", null, null)).isNull();
        // Values that are neither text nor numbers hold no code: nothing calls their toString().
        Object loud = new Object() {
            @Override
            public String toString() {
                throw new AssertionError("toString() must not be called");
            }
        };
        assertThat(detector.scanValue("error", loud, null)).isNull();
        assertThat(detector.scanValue("error", true, null)).isNull();
        assertThat(detector.scanValue("ws.close.code", 1011.0, null)).isNull();
    }

    @Test
    void aValueAddsToWhatWasFoundBefore() {
        Detection before = detector.scan("W0105 first");
        Detection both = detector.scanValue("error", "then E0300", before);
        assertThat(codes(both)).containsExactly("W0105", "E0300");
        assertThat(both.primary().code()).isEqualTo("E0300");
        assertThat(detector.scanValue("note", "nothing here", before)).isSameAs(before);
    }

    @Test
    void numbersAndNumericStringsUnderACloseCodeKeyAreCloseCodes() {
        HumeCode c1011 = catalog.closeCode(1011);
        assertThat(detector.scanValue("websocket.close.code", "1011", null).primary())
                .isSameAs(c1011);
        assertThat(detector.scanValue("ws.close_code", "1011", null).primary()).isSameAs(c1011);
        assertThat(detector.scanValue("closeStatus", "1008", null).primary()).isSameAs(catalog.closeCode(1008));
        assertThat(detector.scanValue("CLOSE_STATUS", 1000L, null).primary()).isSameAs(catalog.closeCode(1000));
        assertThat(detector.scanValue("ws.close.code", 1011L, null).primary()).isSameAs(c1011);
        assertThat(detector.scanValue("ws.close.code", 1011, null).primary()).isSameAs(c1011);
        assertThat(detector.scanValue("ws.close.code", (short) 1011, null).primary())
                .isSameAs(c1011);
        assertThat(detector.scanValue("ws.close.code", "1001", null)).isNull();
        assertThat(detector.scanValue("ws.close.code", 1001L, null)).isNull();
        assertThat(detector.scanValue("ws.close.code", " 1011", null)).isNull();
        assertThat(detector.scanValue("port", "1008", null)).isNull();
        assertThat(detector.scanValue("port", 1008L, null)).isNull();
        assertThat(detector.scanValue("close", 1011L, null)).isNull();
        assertThat(detector.scanValue("status_code", 1011L, null)).isNull();
        assertThat(detector.scanValue(null, 1011L, null)).isNull();
        assertThat(codes(detector.scanValue("ws.close.code", "E0300", null))).containsExactly("E0300");

        assertThat(Detector.isCloseCodeKey("websocket.close.code")).isTrue();
        assertThat(Detector.isCloseCodeKey("WS_CLOSE_STATUS")).isTrue();
        assertThat(Detector.isCloseCodeKey("closeCode")).isTrue();
        assertThat(Detector.isCloseCodeKey("status.close")).isTrue();
        assertThat(Detector.isCloseCodeKey("http.status_code")).isFalse();
        assertThat(Detector.isCloseCodeKey("close.reason")).isFalse();
        assertThat(Detector.isCloseCodeKey("")).isFalse();
        assertThat(Detector.isCloseCodeKey(null)).isFalse();
    }

    @Test
    void collectionsArraysAndMapsAreReadElementByElement() {
        assertThat(codes(detector.scanValue("errors", List.of("ok", "failed: E0300", "W0105"), null)))
                .containsExactly("E0300", "W0105");
        assertThat(codes(detector.scanValue("errors", new Object[] {"E0714"}, null)))
                .containsExactly("E0714");
        // A map's values are read under their own keys; a list keeps the key it is under.
        Map<String, Object> close = new LinkedHashMap<>();
        close.put("code", 1011);
        close.put("reason", "internal error");
        assertThat(detector.scanValue("ws", close, null)).isNull();
        assertThat(codes(detector.scanValue("ws", Map.of("close_code", 1011L), null)))
                .containsExactly("1011");
        assertThat(codes(detector.scanValue("ws.close.code", List.of(1000L, 1011L), null)))
                .containsExactly("1000", "1011");
        assertThat(codes(detector.scanValue("body", Map.of("face", Map.of("warning", "none", "code", "W0103")), null)))
                .containsExactly("W0103");
    }

    @Test
    void structuredValuesAreBoundedInDepthAndSize() {
        Object nested = "E0300";
        for (int i = 0; i < Detector.MAX_VALUE_DEPTH; i++) {
            nested = List.of(nested);
        }
        assertThat(codes(detector.scanValue("v", nested, null))).containsExactly("E0300");
        assertThat(detector.scanValue("v", List.of(nested), null)).isNull();

        List<Object> many = new ArrayList<>();
        for (int i = 0; i < Detector.MAX_VALUES - 1; i++) {
            many.add("nothing");
        }
        many.add("E0300");
        assertThat(codes(detector.scanValue("v", many, null))).containsExactly("E0300");
        many.add(0, "one more");
        assertThat(detector.scanValue("v", many, null)).isNull();

        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        cyclic.add("E0300");
        assertThat(codes(detector.scanValue("v", cyclic, null))).containsExactly("E0300");
    }

    // ---- non-ASCII neighbours ----

    @Test
    void lettersAndDigitsOfOtherScriptsJoinACode() {
        String[] joining = {"é", "ß", "Ω", "д", "中", "ｘ", "٣", "０", sup(0x1D400), sup(0x20000), sup(0x1D7CE)};
        for (String n : joining) {
            assertThat(codes(n + "E0300")).as("before %s", n).isEmpty();
            assertThat(codes("E0300" + n)).as("after %s", n).isEmpty();
            assertThat(codes("close code " + n + "1011"))
                    .as("close before %s", n)
                    .isEmpty();
            assertThat(codes("close code 1011" + n)).as("close after %s", n).isEmpty();
        }
    }

    @Test
    void punctuationAndSymbolsOfOtherScriptsDoNot() {
        String[] separating = {
            "«",
            "»",
            "·",
            "—",
            "「",
            "」",
            "。",
            "、",
            "（",
            "）",
            "²",
            "€",
            " ",
            "\u00A0",
            sup(0x1F600),
            sup(0x1F4A5),
            "\uD800",
            "\uDC00"
        };
        for (String n : separating) {
            assertThat(codes(n + "E0300" + n)).as("around %s", n).containsExactly("E0300");
            assertThat(codes("close code" + n + "1011" + n))
                    .as("close around %s", n)
                    .containsExactly("1011");
        }
        assertThat(codes("错误：E0300。请充值")).containsExactly("E0300");
        assertThat(codes("⚠️W0105🙂")).containsExactly("W0105");
    }
}
