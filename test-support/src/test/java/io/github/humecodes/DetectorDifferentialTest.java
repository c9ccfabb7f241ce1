package io.github.humecodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Compares {@link Detector} with {@link RegexReferenceDetector} on a million generated texts built to sit on the
 * edges of the rules. The seed and case count can be changed with {@code -Dhumecodes.diff.seed} and
 * {@code -Dhumecodes.diff.cases}; every disagreement is reported with the seed, the index and the text.
 */
class DetectorDifferentialTest {
    static final long SEED = Long.getLong("humecodes.diff.seed", 20_260_124L);
    static final int CASES = Integer.getInteger("humecodes.diff.cases", 1_000_000);
    static final int SMALL_BOUND = 300;

    private static String sup(int codePoint) {
        return new String(Character.toChars(codePoint));
    }

    static final String[] CODES = {
        "E0300", "E0301", "E0203", "W0105", "W0103", "I0100", "I0116", "E0714", "E0601", "E0705", "E0100", "E0816",
        "W0113", "E0710", "E0999", "W0999", "I0234", "I9999", "E0000", "W0612", "W0611", "E0599", "E0499", "E0602",
        "E1165", "I2510", "W1000", "E2003", "W0511"
    };
    static final String[] CLOSE_NUMBERS = {
        "1000", "1008", "1011", "1011", "1000", "1001", "1009", "0999", "999", "10110", "4000"
    };
    static final String[] CLOSE_CONTEXTS = {
        "close code ",
        "closed with status ",
        "CloseStatus[code=",
        "\"close_code\":",
        "onClose(",
        "ws.close(",
        "Close Code: ",
        "CLOSE STATUS = ",
        "closing, errorcode ",
        "closed: ",
        "close ",
        "code ",
        "status ",
        "clos",
        "closed after 5 retries, status ",
        "close code\n",
        "close code \r",
        "close code — ",
        "close code é ",
        "close code 码 ",
        "closeé(",
        "close code ٣ ",
        "disclose the status: ",
        "onClose (",
        "onClose(x, ",
        "closeStatus=",
        "close_status\t",
        "CLOSED\u00A0STATUS ",
        "close code " + sup(0x1D7CE) + " ",
        "close " + sup(0x1D400) + "(",
        "close code " + sup(0x1F600) + " ",
        "close code «",
        "processed ",
        "port ",
        "close code 1,",
        "close code 1.",
        "close code x.",
        "close code ,",
        "close code a-",
        "close code $",
        "close code _",
        "CloseReason[",
        "websocket: close ",
        "closed ",
        "closed: ",
        "closed unexpectedly (",
        "Closed  ",
        "closing\t",
        "received ",
        "sent ",
        "{",
        "{ code: ",
        "{\"code\":",
        "[Symbol(kCode)]: ",
        "statusCode=",
        "CloseEvent {isTrusted: true, wasClean: false, code: ",
        "{ reason: 'x', code: ",
        "{\n  code: ",
        "{\"reason\":\"\",\"code\": ",
        "code:",
        "code: \"",
        "(",
        "closed ("
    };
    static final String[] AFTER_CLOSE_NUMBER = {
        ".5",
        ",000",
        ".",
        ",",
        "x",
        "_",
        "$",
        "é",
        "٣",
        ")",
        "-1",
        ".x",
        sup(0x1D400),
        sup(0x1F600),
        " (internal error)",
        " (INTERNAL ERROR)",
        " (unexpected error)",
        " (internal server error)",
        " (policy violation)",
        " (OK)",
        " (normal)",
        " (ok",
        " (internal_error)",
        "=SERVER_ERROR,",
        "=NORMAL}",
        "=POLICY_VIOLATION",
        "=SERVER_ERRORS",
        "=server error",
        " Bye",
        " Internal server error",
        " Policy violation",
        " Bye_",
        " Byeé",
        " connections",
        " \tidle",
        "\tidle",
        " Idle",
        ", reason: 'x', wasClean: true }",
        ",\"reason\":\"\"}",
        ", wasClean: true}",
        ", x: 1 }",
        ",\n  [Symbol(kReason)]: 'Internal server error',\n  [Symbol(kWasClean)]: true\n}",
        " }",
        ", reason: '" + "x".repeat(195) + "' }",
        "(internal error)",
        "  (internal error)"
    };
    static final String[] BEFORE_CODE = {
        "error[",
        "rustc --explain ",
        "--explain ",
        "--explain  ",
        "Error[",
        "error[ ",
        "# pylint: disable=",
        "# PyLint: disable=",
        "# noqa: ",
        "NOQA:",
        "PYL-",
        "SKU-",
        "ab9-",
        "_-",
        "-",
        ".",
        "v2.",
        "(",
        "[",
        "\"",
        "'",
        "=",
        "0x",
        "#",
        "hume(",
        "CODE ",
        "Code=",
        "code='",
        "é",
        "Ω-",
        "٣",
        "０",
        sup(0x1D400),
        sup(0x20000),
        sup(0x1F600),
        "\uD800",
        "\uDC00",
        "「",
        "$",
        "_",
        "a",
        "9",
        "\"code\":{\"code\":\"",
        "\"code\":{ \"code\":\"",
        "compile_fail,",
        "compile_fail, ",
        "\"message-id\": \"",
        "\"messageId\":\"",
        "\"message_id\": \"",
        "rustc(",
        "Pylint(",
        "pylint(",
        "rust-analyzer(",
        "hume(",
        "Hume(",
        "HumeError(",
        "x.hume-sdk(",
        "scope(",
        "a_(",
        "é(",
        " (",
        "x (",
        "foo.py:1:0: ",
        "src/app.rs:12: ",
        "C:\\a\\b.py:3:1: ",
        "12:00:03: ",
        "a.b:1:2: ",
        "v1.2:3:4: ",
        "x.py:1:0:  ",
        "x.py:1:0:",
        "x.py1:0: ",
        "x.py :1: ",
        "/:1:2: ",
        "a.py:1:2:3: "
    };
    static final String[] AFTER_CODE = {
        "(unused-variable)",
        ": Unused import (unused-import)",
        ": x (unused-import)  \t",
        " (unused-import)\nnext",
        "(Unused-Import)",
        "(unused)",
        "(a-b)",
        "(a--b)",
        "(-a)",
        "(a-)",
        "(a1-b2-c3)",
        "]: ",
        ")",
        "(",
        ".java",
        ".1",
        "-01",
        "-A",
        "-",
        ".",
        ".-",
        "..",
        "-é",
        ".٣",
        "_x",
        "$",
        "a",
        "9",
        "٣",
        "０",
        "é",
        "中",
        "。",
        "」",
        sup(0x1D400),
        sup(0x1F600),
        "\uD800",
        "\uDC00",
        ": ",
        "\"",
        "'",
        ",",
        "\n",
        " (unused-import",
        " (unused-import)x",
        "(fixme)",
        "(fixme",
        "(reimported)",
        "(x1)",
        "(1x)",
        "(Fixme)",
        ":unused-import)",
        ":",
        "):",
        ": TODO (fixme)",
        ": Unused import os (unused-import)",
        "::"
    };
    static final String[] WORDS = {
        "hume",
        "error",
        "Error",
        "HumeError:",
        "code",
        "status",
        "close",
        "closed",
        "pylint",
        "noqa",
        "rustc",
        "explain",
        "warning",
        "request_id",
        "port",
        "processed",
        "records",
        "the",
        "x",
        "socket",
        "EVI",
        "Slug=max_duration_timeout",
        "message",
        "type",
        "payload",
        "face",
        "prosody",
        "E",
        "W",
        "I",
        "e",
        "w",
        "i",
        "EWI"
    };
    static final String[] NON_ASCII = {
        "é",
        "ß",
        "ª",
        "²",
        "µ",
        "«",
        "»",
        "·",
        "α",
        "Ω",
        "д",
        "中",
        "码",
        "「",
        "」",
        "。",
        "、",
        "（",
        "）",
        "ｘ",
        "Ｅ",
        "０",
        "٣",
        "—",
        "\u00A0",
        "\u2028",
        "\u0085",
        "€",
        sup(0x1F600),
        sup(0x1F4A5),
        sup(0x1D400),
        sup(0x20000),
        sup(0x1D7CE),
        "\uD800",
        "\uDC00",
        "\uDBFF",
        "\uDFFF",
        "\uD83D",
        "\uDE00"
    };
    static final String SEPARATORS = " \n\r\t-._$(),:=\"'[]{}/#;";
    static final String HEX = "0123456789abcdef";

    /** Builds the texts. Deterministic for a seed. */
    static final class Generator {
        private final Random random;

        Generator(long seed) {
            random = new Random(seed);
        }

        private String pick(String[] options) {
            return options[random.nextInt(options.length)];
        }

        private char pickChar(String options) {
            return options.charAt(random.nextInt(options.length()));
        }

        /** A code, or a near miss of one. */
        private String code() {
            String c = pick(CODES);
            switch (random.nextInt(12)) {
                case 0:
                    return c.toLowerCase();
                case 1:
                    return c.substring(0, 4); // three digits
                case 2:
                    return c + random.nextInt(10); // five digits
                case 3:
                    return pickChar("XEWIewi") + c.substring(1);
                default:
                    return c;
            }
        }

        private String hex(int n, boolean upper) {
            StringBuilder b = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                char h = pickChar(HEX);
                b.append(upper ? Character.toUpperCase(h) : h);
            }
            return b.toString();
        }

        private String uuid() {
            boolean upper = random.nextBoolean();
            String u = hex(8, upper) + "-" + hex(4, upper) + "-" + hex(4, upper) + "-" + hex(4, upper) + "-"
                    + hex(12, upper);
            switch (random.nextInt(4)) {
                case 0:
                    return u + random.nextInt(10_000); // a UUID with digits appended
                case 1: {
                    int at = random.nextInt(u.length());
                    return u.substring(0, at) + pick(CODES) + u.substring(at);
                }
                default:
                    return u;
            }
        }

        private String asciiRun() {
            int n = 1 + random.nextInt(12);
            StringBuilder b = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                int r = random.nextInt(10);
                if (r < 2) {
                    b.append(pickChar("EWI"));
                } else if (r < 5) {
                    b.append((char) ('0' + random.nextInt(10)));
                } else if (r < 6) {
                    b.append(pickChar("\n\r\t"));
                } else {
                    b.append((char) (32 + random.nextInt(95)));
                }
            }
            return b.toString();
        }

        private String digits() {
            int n = 1 + random.nextInt(6);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                b.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextInt(4) == 0) {
                b.append(random.nextBoolean() ? '.' : ',').append(random.nextInt(100));
            }
            return b.toString();
        }

        /** Text between a close context and its number: often short, sometimes about the window's size. */
        private String filler() {
            int n = random.nextInt(3) == 0 ? 20 + random.nextInt(26) : random.nextInt(3);
            boolean plain = random.nextBoolean(); // spaces and punctuation only, so the context can still hold
            StringBuilder b = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                int r = random.nextInt(8);
                b.append(r == 0 ? pickChar(plain ? " -.:=\"'[]{}/#;" : SEPARATORS) : r == 1 && !plain ? 'e' : ' ');
            }
            return b.toString();
        }

        private String piece() {
            int r = random.nextInt(100);
            if (r < 18) {
                return code();
            }
            if (r < 30) {
                return pick(CLOSE_CONTEXTS)
                        + (random.nextInt(4) == 0 ? filler() : "")
                        + pick(CLOSE_NUMBERS)
                        + (random.nextInt(4) == 0 ? pick(AFTER_CLOSE_NUMBER) : "");
            }
            if (r < 40) {
                return pick(BEFORE_CODE) + code();
            }
            if (r < 50) {
                return code() + pick(AFTER_CODE);
            }
            if (r < 62) {
                return asciiRun();
            }
            if (r < 74) {
                return pick(WORDS);
            }
            if (r < 80) {
                return digits();
            }
            if (r < 88) {
                return pick(NON_ASCII);
            }
            if (r < 92) {
                return uuid();
            }
            if (r < 95) {
                return hex(8 + random.nextInt(33), random.nextBoolean());
            }
            return String.valueOf(pickChar(SEPARATORS));
        }

        String next() {
            StringBuilder b = new StringBuilder();
            int shape = random.nextInt(100);
            if (shape < 4) {
                // Around the small bound: a code or close context straddles character 300.
                int n = SMALL_BOUND - 20 + random.nextInt(30);
                while (b.length() < n) {
                    b.append(random.nextInt(8) == 0 ? piece() : " ");
                }
                b.setLength(n);
                b.append(random.nextBoolean() ? code() : pick(CLOSE_CONTEXTS) + pick(CLOSE_NUMBERS));
                b.append(piece());
                return b.toString();
            }
            if (shape < 7) {
                // A long text.
                int n = 250 + random.nextInt(1500);
                while (b.length() < n) {
                    b.append(piece());
                    if (random.nextBoolean()) {
                        b.append(pickChar(SEPARATORS));
                    }
                }
                return b.toString();
            }
            if (shape == 7) {
                // Many codes, known and made-up: more distinct ones than a detection keeps.
                int n = 20 + random.nextInt(60);
                for (int i = 0; i < n; i++) {
                    b.append(
                                    random.nextInt(3) == 0
                                            ? pickChar("EWI")
                                                    + String.format(
                                                            random.nextInt(8) == 0 ? "%04d" : "0%03d",
                                                            random.nextInt(random.nextInt(8) == 0 ? 10_000 : 1_000))
                                            : code())
                            .append(' ');
                }
                return b.toString();
            }
            int pieces = 1 + random.nextInt(8);
            for (int i = 0; i < pieces; i++) {
                b.append(piece());
                int sep = random.nextInt(4);
                if (sep == 0) {
                    b.append(' ');
                } else if (sep == 1) {
                    b.append(pickChar(SEPARATORS));
                }
            }
            return b.toString();
        }
    }

    private static List<String> codes(Detection d) {
        List<String> out = new ArrayList<>();
        if (d != null) {
            for (HumeCode c : d.codes()) {
                out.add(c.code());
            }
        }
        return out;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                b.append(c);
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    @Test
    void detectorAgreesWithTheRegexReadingOfItsRules() {
        Catalog catalog = Catalog.builtIn();
        Detector full = Detector.create();
        Detector small = Detector.create(catalog, SMALL_BOUND);
        RegexReferenceDetector fullRef = new RegexReferenceDetector(catalog, Detector.DEFAULT_MAX_SCAN_CHARS);
        RegexReferenceDetector smallRef = new RegexReferenceDetector(catalog, SMALL_BOUND);
        Generator generator = new Generator(SEED);

        List<String> disagreements = new ArrayList<>();
        int disagreementCount = 0;
        int withCodes = 0;
        int withSeveral = 0;
        int withClose = 0;
        int longTexts = 0;
        int atTheBound = 0;
        for (int i = 0; i < CASES; i++) {
            String text = generator.next();
            boolean useSmall = (i & 3) == 0;
            Detection d = (useSmall ? small : full).scan(text);
            RegexReferenceDetector.Result expected = (useSmall ? smallRef : fullRef).scan(text);
            List<String> actual = codes(d);
            String actualPrimary = d == null ? null : d.primary().code();
            if (!actual.equals(expected.codes) || !java.util.Objects.equals(actualPrimary, expected.primary)) {
                disagreementCount++;
                if (disagreements.size() < 20) {
                    disagreements.add("seed " + SEED + " index " + i + (useSmall ? " maxScanChars " + SMALL_BOUND : "")
                            + ": detector " + actual + " primary " + actualPrimary + ", reference "
                            + expected + ", text \"" + escape(text) + "\"");
                }
            }
            if (!actual.isEmpty()) {
                withCodes++;
                withSeveral += actual.size() > 1 ? 1 : 0;
                withClose += actual.stream().anyMatch(c -> c.length() == 4) ? 1 : 0;
                atTheBound += actual.size() == Detection.MAX_CODES ? 1 : 0;
            }
            longTexts += text.length() > SMALL_BOUND ? 1 : 0;
        }
        System.out.println("Differential: " + CASES + " cases (seed " + SEED + "), " + withCodes + " with codes, "
                + withSeveral + " with several, " + withClose + " with a close code, " + longTexts
                + " longer than " + SMALL_BOUND + " chars, " + atTheBound + " holding " + Detection.MAX_CODES
                + " codes or more; " + disagreementCount + " disagreements");
        assertThat(disagreements).as("%d disagreements", disagreementCount).isEmpty();
        System.out.println("0 disagreements");
        // The texts must exercise both sides of the rules, not only texts without codes.
        assertThat(withCodes).isGreaterThan(CASES / 5).isLessThan(CASES - CASES / 5);
        assertThat(withSeveral).isGreaterThan(CASES / 50);
        assertThat(withClose).isGreaterThan(CASES / 50);
        assertThat(longTexts).isGreaterThan(CASES / 50);
        assertThat(atTheBound).isGreaterThan(CASES / 500);
    }

    @Test
    void theReferenceReadsTheRulesAsDocumented() {
        RegexReferenceDetector ref = new RegexReferenceDetector(Catalog.builtIn(), 300);
        assertThat(ref.scan("hume(E0203): too long; W0105 and E0300").codes).containsExactly("E0203", "W0105", "E0300");
        assertThat(ref.scan("hume(E0203): too long; W0105 and E0300").primary).isEqualTo("E0300");
        assertThat(ref.scan("closed with status 1011, port 1008").codes).containsExactly("1011");
        assertThat(ref.scan("onClose(1000)").codes).containsExactly("1000");
        for (String none : new String[] {
            "e0300",
            "PYL-W0612",
            "E0300.java",
            "E0300-01",
            "error[E0599]:",
            "rustc --explain E0499",
            "W0611: Unused import (unused-import)",
            "W0612(unused-variable)",
            "# pylint: disable=W0612",
            "# noqa: E0602",
            "#i0116",
            sup(0x1D400) + "E0300",
            "E0300" + sup(0x20000),
            "close code 1,1011",
            "close code é 1011",
            "processed 1000 records",
            " ".repeat(296) + "E0300"
        }) {
            assertThat(ref.scan(none).codes).as(none).isEmpty();
            assertThat(ref.scan(none).primary).as(none).isNull();
        }
    }
}
