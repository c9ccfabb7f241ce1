package io.github.humecodes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain reading of the rules in {@link Detector}'s documentation, written with {@code java.util.regex}: a
 * pattern for candidate tokens, then one check per rule on the text before and after the token. Slow and
 * simple on purpose; the differential test compares it with {@link Detector}, and the benchmarks measure
 * against it. Thread-safe.
 */
public final class RegexReferenceDetector {
    /** The codes found, distinct in order of first appearance, and the primary one; empty and null for none. */
    public static final class Result {
        public final List<String> codes;
        public final String primary;

        Result(List<String> codes, String primary) {
            this.codes = codes;
            this.primary = primary;
        }

        @Override
        public String toString() {
            return codes + " primary " + primary;
        }
    }

    private static final String WORD_CHAR = "[\\p{L}\\p{Nd}_$]";
    /** E/W/I and four ASCII digits, or four ASCII digits, with no word character on either side. */
    private static final Pattern TOKEN =
            Pattern.compile("(?<!" + WORD_CHAR + ")(?:[EWI][0-9]{4}|[0-9]{4})(?!" + WORD_CHAR + ")");

    private static final Pattern HYPHEN_JOINED_BEFORE = Pattern.compile("[\\p{L}\\p{Nd}]-\\z");
    private static final Pattern JOINED_AFTER = Pattern.compile("\\A(?:-|\\.)[\\p{L}\\p{Nd}]");
    private static final Pattern TOOL_BEFORE = Pattern.compile(
            "(?:error\\[|--explain |\"code\":\\{\"code\":\"|compile_fail,|\"message-id\": ?\"|\"messageId\": ?\")\\z");
    /** An editor's {@code tool(CODE)}: the name is read at most 40 characters back. */
    private static final Pattern TOOL_SOURCE_BEFORE = Pattern.compile("([A-Za-z0-9._-]*[A-Za-z0-9])\\(\\z");

    private static final String SPACE = " \\t\\n\\r\\u000B\\f";
    /** {@code path:line:col: } before a code; the shortest path first. */
    private static final Pattern LINT_LOCATION_BEFORE =
            Pattern.compile("(?<![^" + SPACE + "])([^" + SPACE + "]{1,200}?):[0-9]+(?::[0-9]+)?: \\z");

    private static final Pattern PATH_LIKE = Pattern.compile(".*(?:[/\\\\]|\\.[A-Za-z]).*", Pattern.DOTALL);
    private static final Pattern LINT_MENTION = Pattern.compile("pylint|noqa", Pattern.CASE_INSENSITIVE);
    private static final String PYLINT_SYMBOL = "\\([a-z][a-z0-9]*(?:-[a-z0-9]+)+\\)";
    private static final Pattern SYMBOL_DIRECTLY_AFTER = Pattern.compile("\\A\\([a-z][a-z0-9]*(?:-[a-z0-9]+)*\\)");
    private static final Pattern LINE_ENDS_WITH_SYMBOL = Pattern.compile(PYLINT_SYMBOL + "[ \\t]*\\z");
    private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n]");
    private static final Pattern DECIMAL_BEFORE = Pattern.compile("[0-9][.,]\\z");
    private static final Pattern DECIMAL_AFTER = Pattern.compile("\\A[.,][0-9]");
    private static final Pattern CLOS = Pattern.compile("clos", Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_DIGIT_NOR_LINE_BREAK = Pattern.compile("[^\\p{Nd}\\r\\n]*");
    private static final Pattern NAMED_CODE_OR_STATUS = Pattern.compile(".*(?i:code|status)[^\\p{L}]*", Pattern.DOTALL);
    /** The rest of the word holding "clos", then no letter up to the number; group 1: what lies between. */
    private static final Pattern CLOS_WORD_THEN_PUNCTUATION = Pattern.compile("\\p{L}*([^\\p{L}]*)", Pattern.DOTALL);

    private static final Pattern SPACES_ONLY = Pattern.compile("[ \\t]*");
    private static final Pattern COUNT_AFTER = Pattern.compile("\\A[ \\t][a-z]");
    /** A close event's code key right before the number: "code", then up to 8 of  "':=)] with a : or =. */
    private static final Pattern EVENT_KEY_BEFORE =
            Pattern.compile("(?i:code)(?=[ \"':=)\\]]{1,8}\\z)[ \"':=)\\]]*[:=][ \"':=)\\]]*\\z");

    private static final Pattern EVENT_FIELD_AFTER =
            Pattern.compile("\\A[^}]*(?i:reason|wasclean)[^}]*\\}", Pattern.DOTALL);
    private static final Pattern EVENT_FIELD_BEFORE =
            Pattern.compile("\\{[^{]*(?i:reason|wasclean)[^{]*\\z", Pattern.DOTALL);

    private final Catalog catalog;
    private final int maxScanChars;

    public RegexReferenceDetector(Catalog catalog, int maxScanChars) {
        this.catalog = catalog;
        this.maxScanChars = maxScanChars;
    }

    public Result scan(String input) {
        String text = input.length() > maxScanChars ? input.substring(0, maxScanChars) : input;
        List<String> codes = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String token = m.group();
            int start = m.start();
            int end = m.end();
            // The look-behind reads one char: a letter or digit outside the BMP before the token is checked here.
            if (start > 0 && Character.isLetterOrDigit(text.codePointBefore(start))) {
                continue;
            }
            boolean found = token.length() == 5
                    ? catalog.lookup(token) != null && humeCode(text, start, end)
                    : closeCode(text, token, start, end);
            if (found && !codes.contains(token)) {
                codes.add(token);
            }
        }
        String primary = null;
        Severity best = null;
        for (String c : codes) {
            Severity s = catalog.lookup(c).severity();
            if (best == null || s.compareTo(best) < 0) {
                best = s;
                primary = c;
            }
        }
        if (codes.size() > Detection.MAX_CODES) {
            // The first MAX_CODES codes; the primary takes the last place when it is not among them.
            int at = codes.indexOf(primary);
            codes = new ArrayList<>(codes.subList(0, Detection.MAX_CODES));
            if (at >= Detection.MAX_CODES) {
                codes.set(Detection.MAX_CODES - 1, primary);
            }
        }
        return new Result(codes, primary);
    }

    private static boolean humeCode(String text, int start, int end) {
        String before4 = text.substring(Math.max(0, start - 4), start);
        String after = text.substring(end, Math.min(text.length(), end + Detector.LINE_LOOKAHEAD));
        if (HYPHEN_JOINED_BEFORE.matcher(before4).find()
                || JOINED_AFTER.matcher(after).find()) {
            return false;
        }
        String before20 = text.substring(Math.max(0, start - 20), start);
        if (TOOL_BEFORE.matcher(before20).find()
                || SYMBOL_DIRECTLY_AFTER.matcher(after).find()) {
            return false;
        }
        char next = after.isEmpty() ? 0 : after.charAt(0);
        if (next == ')' || next == ':') {
            Matcher tool = TOOL_SOURCE_BEFORE.matcher(text.substring(Math.max(0, start - 1 - 40), start));
            if (tool.find() && !tool.group(1).toLowerCase(java.util.Locale.ROOT).contains("hume")) {
                return false;
            }
        }
        if (next == ':' && text.startsWith(": ", start - 2)) {
            Matcher lint = LINT_LOCATION_BEFORE.matcher(text.substring(0, start));
            if (lint.find() && PATH_LIKE.matcher(lint.group(1)).matches()) {
                return false;
            }
        }
        String lineBefore = text.substring(Math.max(0, start - Detector.LINE_LOOKBACK), start);
        Matcher br = LINE_BREAK.matcher(lineBefore);
        int lineStart = 0;
        while (br.find()) {
            lineStart = br.end();
        }
        if (LINT_MENTION.matcher(lineBefore.substring(lineStart)).find()) {
            return false;
        }
        Matcher next2 = LINE_BREAK.matcher(after);
        String lineAfter = next2.find() ? after.substring(0, next2.start()) : after;
        return !LINE_ENDS_WITH_SYMBOL.matcher(lineAfter).find();
    }

    private boolean closeCode(String text, String token, int start, int end) {
        int number = Integer.parseInt(token);
        if (catalog.closeCode(number) == null) {
            return false;
        }
        if (DECIMAL_BEFORE
                        .matcher(text.substring(Math.max(0, start - 2), start))
                        .find()
                || DECIMAL_AFTER
                        .matcher(text.substring(end, Math.min(text.length(), end + 2)))
                        .find()) {
            return false;
        }
        String after = text.substring(end);
        return closeContextBefore(text, start, end, after)
                || namedAfter(number, after)
                || closeEventField(text, start, end);
    }

    private static boolean closeContextBefore(String text, int start, int end, String after) {
        String window = text.substring(Math.max(0, start - Detector.CLOSE_WINDOW), start);
        Matcher clos = CLOS.matcher(window);
        int gapStart = -1;
        while (clos.find()) {
            gapStart = clos.end();
        }
        if (gapStart < 0) {
            return false;
        }
        String gap = window.substring(gapStart);
        if (!NO_DIGIT_NOR_LINE_BREAK.matcher(gap).matches()) {
            return false;
        }
        if (window.endsWith("(") && after.startsWith(")")) {
            return true; // closed unexpectedly (1011)
        }
        if (NAMED_CODE_OR_STATUS.matcher(gap).matches()) {
            return true;
        }
        Matcher word = CLOS_WORD_THEN_PUNCTUATION.matcher(gap);
        return word.matches()
                && (!SPACES_ONLY.matcher(word.group(1)).matches()
                        || !COUNT_AFTER.matcher(after).find());
    }

    private static boolean namedAfter(int number, String after) {
        for (String name : CloseCodeNames.named(number)) {
            String n = nameRegex(name);
            if (Pattern.compile("\\A=" + n + "(?![A-Za-z0-9_])", Pattern.CASE_INSENSITIVE)
                            .matcher(after)
                            .find()
                    || Pattern.compile("\\A \\(" + n + "\\)", Pattern.CASE_INSENSITIVE)
                            .matcher(after)
                            .find()) {
                return true;
            }
        }
        String spaced = CloseCodeNames.spaced(number);
        return spaced != null
                && Pattern.compile("\\A " + nameRegex(spaced) + "(?![A-Za-z0-9_])", Pattern.CASE_INSENSITIVE)
                        .matcher(after)
                        .find();
    }

    /** A name as a pattern: its words quoted, a space matching a space or an underscore. */
    private static String nameRegex(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : name.split(" ", -1)) {
            b.append(b.length() == 0 ? "" : "[ _]").append(Pattern.quote(part));
        }
        return b.toString();
    }

    private static boolean closeEventField(String text, int start, int end) {
        Matcher key = EVENT_KEY_BEFORE.matcher(text.substring(Math.max(0, start - 12), start));
        if (!key.find()) {
            return false;
        }
        int keyStart = Math.max(0, start - 12) + key.start();
        String after = text.substring(end, Math.min(text.length(), end + Detector.EVENT_SPAN));
        String before = text.substring(Math.max(0, keyStart - Detector.EVENT_SPAN), keyStart);
        return EVENT_FIELD_AFTER.matcher(after).find()
                || EVENT_FIELD_BEFORE.matcher(before).find();
    }
}
