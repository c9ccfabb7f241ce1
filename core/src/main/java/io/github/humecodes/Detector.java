package io.github.humecodes;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Finds Hume codes in text. Immutable and thread-safe; create one and share it.
 *
 * <p>What counts as a code:
 * <ul>
 *   <li>{@code E}, {@code W} or {@code I} followed by exactly four ASCII digits, as a whole token: no letter,
 *       digit (of any script), underscore or {@code $} directly before or after. Lower case never matches.</li>
 *   <li>Not when the token is part of something else: joined by a hyphen to a letter or digit
 *       ({@code PYL-W0612}, {@code E0300-01}), followed by a dot and a letter or digit ({@code E0300.1},
 *       {@code E0300.java}).</li>
 *   <li>Not in another tool's diagnostic: directly after {@code error[} or {@code --explain } (rustc); when
 *       {@code pylint} or {@code noqa} (any case) appears within the {@value #LINE_LOOKBACK} characters before
 *       the code on its line; when the code is directly followed by a pylint symbol
 *       ({@code W0612(unused-variable)}: a parenthesis, a lower-case word of letters and digits, one or more
 *       hyphenated parts, a parenthesis); or when its line, read at most {@value #LINE_LOOKAHEAD} characters
 *       past the code, ends with a pylint symbol, trailing spaces and tabs aside ({@code ... (unused-import)}).
 *       Lines end at {@code \n} or {@code \r}.</li>
 *   <li>A WebSocket close code of the catalog ({@code 1000}, {@code 1008}, {@code 1011}) only as a whole number
 *       (no letter, digit, underscore or {@code $} directly before or after, no ASCII digit and {@code .} or
 *       {@code ,} before, no {@code .} or {@code ,} and an ASCII digit after: not {@code 1,1000},
 *       {@code 1000.5}) in a close context: within the {@value #CLOSE_WINDOW} characters before it, the last
 *       {@code clos} (ASCII, any case) is followed, without digits or line breaks, either by a word ending in
 *       {@code code} or {@code status} and then only characters that are not letters (punctuation and spaces:
 *       {@code close code 1011}, {@code closed with status 1008}, {@code CloseStatus[code=1011},
 *       {@code "close_code":1011}), or by the rest of its word and an opening parenthesis
 *       ({@code onClose(1000, ...)}). Letters and digits are those of any script.</li>
 *   <li>Only the first {@link #maxScanChars()} characters of a text are read: the text is taken to end there.</li>
 * </ul>
 *
 * <p>A text without a code costs one pass that reads every fourth character in the common case and allocates
 * nothing; a catalog code is looked up without building a String.
 */
public final class Detector {
    /** Default bound on the characters read from one text. */
    public static final int DEFAULT_MAX_SCAN_CHARS = 64 * 1024;
    /** How far before a close code its context is looked for. */
    static final int CLOSE_WINDOW = 40;
    /** How far back on its line a code looks for a {@code pylint} or {@code noqa} mention. */
    static final int LINE_LOOKBACK = 80;
    /** How far along its line a code looks for a trailing pylint symbol. */
    static final int LINE_LOOKAHEAD = 200;
    /** A String with at most this many characters past a code has its line end found by String.indexOf. */
    private static final int INDEX_OF_SPAN = 4 * LINE_LOOKAHEAD;
    /** Bound on the causes and suppressed exceptions followed from one throwable. */
    public static final int MAX_THROWABLES = 32;

    private static final Detector DEFAULT = new Detector(Catalog.builtIn(), DEFAULT_MAX_SCAN_CHARS);

    private final Catalog catalog;
    private final int maxScanChars;

    private Detector(Catalog catalog, int maxScanChars) {
        this.catalog = catalog;
        this.maxScanChars = maxScanChars;
    }

    /** A detector over the built-in catalog reading at most {@value #DEFAULT_MAX_SCAN_CHARS} characters a text. */
    public static Detector create() {
        return DEFAULT;
    }

    /**
     * A detector over {@code catalog} reading at most {@code maxScanChars} characters of each text.
     *
     * @throws IllegalArgumentException when {@code maxScanChars} is not positive
     */
    public static Detector create(Catalog catalog, int maxScanChars) {
        if (catalog == null) {
            throw new IllegalArgumentException("catalog is null");
        }
        if (maxScanChars < 1) {
            throw new IllegalArgumentException("maxScanChars must be at least 1, was " + maxScanChars);
        }
        return new Detector(catalog, maxScanChars);
    }

    public Catalog catalog() {
        return catalog;
    }

    public int maxScanChars() {
        return maxScanChars;
    }

    /** The codes in {@code text}, or null when it holds none (or is null). */
    public Detection scan(CharSequence text) {
        return scan(text, null);
    }

    /**
     * {@code soFar} with the codes of {@code text} added after its own. Returns {@code soFar} itself when
     * {@code text} adds nothing, so that an event's fields can be scanned in turn without allocating.
     */
    public Detection scan(CharSequence text, Detection soFar) {
        if (text == null) {
            return soFar;
        }
        int end = Math.min(text.length(), maxScanChars);
        Detection found = soFar;
        // Every code holds a run of exactly four ASCII digits, and every such run covers one position of
        // any stride of four: read those positions only, and look closer where one is a digit.
        int i = 3;
        while (i < end) {
            if (!isDigit(text.charAt(i))) {
                i += 4;
                continue;
            }
            int a = i;
            while (a > 0 && isDigit(text.charAt(a - 1))) {
                a--;
            }
            int b = i + 1;
            while (b < end && isDigit(text.charAt(b))) {
                b++;
            }
            if (b - a == 4) {
                HumeCode code = candidate(text, a, b, end);
                if (code != null) {
                    found = Detection.add(found, code);
                }
            }
            i = b + 4;
        }
        return found;
    }

    /** {@code soFar} with the codes of the messages and class names of {@code thrown}, its causes and suppressed. */
    public Detection scan(Throwable thrown, Detection soFar) {
        if (thrown == null) {
            return soFar;
        }
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        return scanThrowable(thrown, soFar, seen);
    }

    private Detection scanThrowable(Throwable t, Detection found, Map<Throwable, Boolean> seen) {
        if (t == null || seen.size() >= MAX_THROWABLES || seen.put(t, Boolean.TRUE) != null) {
            return found;
        }
        found = scan(t.getClass().getName(), found);
        found = scan(safeMessage(t), found);
        found = scanThrowable(safeCause(t), found, seen);
        for (Throwable s : safeSuppressed(t)) {
            found = scanThrowable(s, found, seen);
        }
        return found;
    }

    private static String safeMessage(Throwable t) {
        try {
            return t.getMessage();
        } catch (Throwable e) { // a user's exception class may throw anything, an Error included
            rethrowIfFatal(e);
            return null;
        }
    }

    /** Out of memory and the JVM's internal errors are not the user's exception's to swallow. */
    private static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
    }

    private static Throwable safeCause(Throwable t) {
        try {
            return t.getCause();
        } catch (Throwable e) { // a user's exception class may throw anything, an Error included
            rethrowIfFatal(e);
            return null;
        }
    }

    private static Throwable[] safeSuppressed(Throwable t) {
        try {
            return t.getSuppressed();
        } catch (Throwable e) { // a user's exception class may throw anything, an Error included
            rethrowIfFatal(e);
            return new Throwable[0];
        }
    }

    /**
     * The code that a structured value is, exactly: an {@code E}/{@code W}/{@code I} code for any key, or a
     * close code of the catalog when {@code key} {@linkplain #isCloseCodeKey names a close code}. Null otherwise.
     */
    public HumeCode valueCode(CharSequence key, CharSequence value) {
        if (value == null) {
            return null;
        }
        int n = value.length();
        if (n == 5 && Catalog.isFamily(value.charAt(0)) && Catalog.digits(value, 1, 5) >= 0) {
            return catalog.codeAt(value, 0);
        }
        if (n == 4 && isCloseCodeKey(key)) {
            int number = Catalog.digits(value, 0, 4);
            return number < 0 ? null : catalog.closeCode(number);
        }
        return null;
    }

    /** The close code of the catalog that a numeric value is, when {@code key} names a close code; else null. */
    public HumeCode valueCode(CharSequence key, long value) {
        return isCloseCodeKey(key) ? catalog.closeCode(value) : null;
    }

    /**
     * True when a key or attribute name names a WebSocket close code: it contains {@code close} and
     * {@code code} or {@code status}, in any case ({@code websocket.close.code}, {@code ws.close_code},
     * {@code closeStatus}).
     */
    public static boolean isCloseCodeKey(CharSequence key) {
        return key != null && indexOfIgnoreCase(key, "close", 0, key.length()) >= 0
                && (indexOfIgnoreCase(key, "code", 0, key.length()) >= 0
                    || indexOfIgnoreCase(key, "status", 0, key.length()) >= 0);
    }

    /** Checks the four digits {@code text[a..b)} and what surrounds them; returns the code they make, or null. */
    private HumeCode candidate(CharSequence text, int a, int b, int end) {
        if (a > 0 && Catalog.isFamily(text.charAt(a - 1))) {
            int s = a - 1;
            return isHumeCodeToken(text, s, b, end) ? catalog.codeAt(text, s) : null;
        }
        HumeCode close = catalog.closeCode(Catalog.digits(text, a, b));
        return close != null && isCloseCodeToken(text, a, b, end) ? close : null;
    }

    private static boolean isHumeCodeToken(CharSequence text, int s, int e, int end) {
        if (s > 0 && isWordCharBefore(text, s)) {
            return false;
        }
        if (e < end) {
            char after = text.charAt(e);
            if (isWordCharAt(text, e, end)) {
                return false;
            }
            if ((after == '-' || after == '.') && e + 1 < end && isLetterOrDigitAt(text, e + 1, end)) {
                return false; // part number, version, file name: E0300-01, E0300.1, E0300.java
            }
            if (after == '(' && pylintSymbolAt(text, e, end) > 0) {
                return false; // W0612(unused-variable)
            }
        }
        if (s > 1 && text.charAt(s - 1) == '-' && isLetterOrDigitBefore(text, s - 1)) {
            return false; // tool-prefixed: PYL-W0612
        }
        if (endsWith(text, s, "error[") || endsWith(text, s, "--explain ")) {
            return false; // rustc: error[E0599], rustc --explain E0499
        }
        return !pylintLine(text, s, e, end);
    }

    /** True when the line around a code mentions pylint or noqa before it, or ends with a pylint symbol. */
    private static boolean pylintLine(CharSequence text, int s, int e, int end) {
        if (mentionsLinterBefore(text, s)) {
            return true;
        }
        int to = lineEnd(text, e, Math.min(end, e + LINE_LOOKAHEAD));
        while (to > e && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == '\t')) {
            to--;
        }
        if (to - e < 5 || text.charAt(to - 1) != ')') {
            return false;
        }
        int open = to - 2;
        while (open >= e && text.charAt(open) != '(') {
            open--;
        }
        return open >= e && pylintSymbolAt(text, open, to) == to;
    }

    /**
     * True when {@code pylint} or {@code noqa} (ASCII, any case) lies wholly within the
     * {@value #LINE_LOOKBACK} characters before {@code s} on the line of {@code s}. One backward pass that
     * stops at the line break.
     */
    private static boolean mentionsLinterBefore(CharSequence text, int s) {
        for (int i = s - 1, from = Math.max(0, s - LINE_LOOKBACK); i >= from; i--) {
            char ch = text.charAt(i);
            int c = ch | 0x20; // 'P' and 'p' both give 'p', 'N' and 'n' both give 'n', nothing else does
            if (c == 'p') {
                if (i + 6 <= s && regionMatchesIgnoreCase(text, i, "pylint")) {
                    return true;
                }
            } else if (c == 'n') {
                if (i + 4 <= s && regionMatchesIgnoreCase(text, i, "noqa")) {
                    return true;
                }
            } else if (isLineBreak(ch)) {
                return false;
            }
        }
        return false;
    }

    /** The first line break in {@code text[from..to)}, or {@code to}. */
    private static int lineEnd(CharSequence text, int from, int to) {
        // Every code found reads on to its line's end, most of what a code costs. For a String, indexOf scans
        // many characters per step; it reads to the end of the text, so only where that end is near.
        if (text instanceof String && text.length() - from <= INDEX_OF_SPAN) {
            String string = (String) text;
            int n = string.indexOf('\n', from);
            int r = string.indexOf('\r', from);
            int first = n < 0 ? r : r < 0 ? n : Math.min(n, r);
            return first < 0 || first > to ? to : first;
        }
        for (int i = from; i < to; i++) {
            if (isLineBreak(text.charAt(i))) {
                return i;
            }
        }
        return to;
    }

    /** '\n' or '\r'. */
    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    /**
     * When {@code text[open]} is '(' followed by a pylint symbol ({@code [a-z][a-z0-9]*(-[a-z0-9]+)+}) and ')',
     * the index just after the ')'; otherwise -1.
     */
    private static int pylintSymbolAt(CharSequence text, int open, int end) {
        int i = open + 1;
        if (i >= end || !isLowerAlpha(text.charAt(i))) {
            return -1;
        }
        int hyphens = 0;
        boolean afterHyphen = false;
        for (i++; i < end; i++) {
            char c = text.charAt(i);
            if (isLowerAlpha(c) || isDigit(c)) {
                afterHyphen = false;
            } else if (c == '-' && !afterHyphen) {
                afterHyphen = true;
                hyphens++;
            } else if (c == ')' && !afterHyphen && hyphens > 0) {
                return i + 1;
            } else {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isCloseCodeToken(CharSequence text, int a, int b, int end) {
        if (a > 0) {
            char before = text.charAt(a - 1);
            if (isWordCharBefore(text, a)
                    || ((before == '.' || before == ',') && a > 1 && isDigit(text.charAt(a - 2)))) {
                return false;
            }
        }
        if (b < end) {
            char after = text.charAt(b);
            if (isWordCharAt(text, b, end)
                    || ((after == '.' || after == ',') && b + 1 < end && isDigit(text.charAt(b + 1)))) {
                return false;
            }
        }
        return inCloseContext(text, a);
    }

    private static boolean inCloseContext(CharSequence text, int a) {
        int from = Math.max(0, a - CLOSE_WINDOW);
        int clos = lastIndexOfIgnoreCase(text, "clos", from, a);
        if (clos < 0) {
            return false;
        }
        int gap = clos + 4;
        for (int i = gap; i < a; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || Character.isDigit(codePointAt(text, i, a))) {
                return false;
            }
        }
        // Skip the punctuation and spaces just before the number, then read the last word.
        int wordEnd = a;
        while (wordEnd > gap && !Character.isLetter(codePointBefore(text, wordEnd))) {
            wordEnd--;
        }
        if (endsWithIgnoreCase(text, gap, wordEnd, "code") || endsWithIgnoreCase(text, gap, wordEnd, "status")) {
            return true;
        }
        // onClose(1000, ...): the rest of the word that holds "clos", then the parenthesis.
        int rest = gap;
        while (rest < a && Character.isLetter(codePointAt(text, rest, a))) {
            rest += Character.charCount(codePointAt(text, rest, a));
        }
        return rest == a - 1 && text.charAt(rest) == '(';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isLowerAlpha(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** Letter or digit (any script), underscore or '$' just before {@code index}. */
    private static boolean isWordCharBefore(CharSequence text, int index) {
        char c = text.charAt(index - 1);
        if (c < 0x80) {
            return isAsciiWordChar(c);
        }
        return Character.isLetterOrDigit(codePointBefore(text, index));
    }

    /** Letter or digit (any script), underscore or '$' at {@code index}. */
    private static boolean isWordCharAt(CharSequence text, int index, int end) {
        char c = text.charAt(index);
        if (c < 0x80) {
            return isAsciiWordChar(c);
        }
        return Character.isLetterOrDigit(codePointAt(text, index, end));
    }

    private static boolean isLetterOrDigitAt(CharSequence text, int index, int end) {
        char c = text.charAt(index);
        return c < 0x80 ? isAsciiLetter(c) || isDigit(c) : Character.isLetterOrDigit(codePointAt(text, index, end));
    }

    private static boolean isLetterOrDigitBefore(CharSequence text, int index) {
        char c = text.charAt(index - 1);
        return c < 0x80 ? isAsciiLetter(c) || isDigit(c) : Character.isLetterOrDigit(codePointBefore(text, index));
    }

    private static boolean isAsciiWordChar(char c) {
        return isAsciiLetter(c) || isDigit(c) || c == '_' || c == '$';
    }

    private static int codePointBefore(CharSequence text, int index) {
        char low = text.charAt(index - 1);
        if (Character.isLowSurrogate(low) && index > 1) {
            char high = text.charAt(index - 2);
            if (Character.isHighSurrogate(high)) {
                return Character.toCodePoint(high, low);
            }
        }
        return low;
    }

    private static int codePointAt(CharSequence text, int index, int end) {
        char high = text.charAt(index);
        if (Character.isHighSurrogate(high) && index + 1 < end) {
            char low = text.charAt(index + 1);
            if (Character.isLowSurrogate(low)) {
                return Character.toCodePoint(high, low);
            }
        }
        return high;
    }

    /** True when {@code text[..index)} ends with {@code suffix}, exactly. */
    private static boolean endsWith(CharSequence text, int index, String suffix) {
        int start = index - suffix.length();
        if (start < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            if (text.charAt(start + i) != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code text[from..to)} ends with the lower-case {@code suffix}, ignoring ASCII case. */
    private static boolean endsWithIgnoreCase(CharSequence text, int from, int to, String suffix) {
        int start = to - suffix.length();
        return start >= from && regionMatchesIgnoreCase(text, start, suffix);
    }

    /** First index of the lower-case {@code needle} in {@code text[from..to)}, ignoring ASCII case; or -1. */
    private static int indexOfIgnoreCase(CharSequence text, String needle, int from, int to) {
        for (int i = from; i + needle.length() <= to; i++) {
            if (regionMatchesIgnoreCase(text, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    /** Last index of the lower-case {@code needle} in {@code text[from..to)}, ignoring ASCII case; or -1. */
    private static int lastIndexOfIgnoreCase(CharSequence text, String needle, int from, int to) {
        for (int i = to - needle.length(); i >= from; i--) {
            if (regionMatchesIgnoreCase(text, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean regionMatchesIgnoreCase(CharSequence text, int start, String lowerNeedle) {
        for (int j = 0; j < lowerNeedle.length(); j++) {
            char c = text.charAt(start + j);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lowerNeedle.charAt(j)) {
                return false;
            }
        }
        return true;
    }
}
