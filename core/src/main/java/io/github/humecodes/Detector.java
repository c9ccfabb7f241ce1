package io.github.humecodes;

import io.github.humecodes.internal.ThrowableWalk;
import java.util.Map;

/**
 * Finds Hume codes in text. Immutable and thread-safe; create one and share it.
 *
 * <p>What counts as a code:
 * <ul>
 *   <li>{@code E}, {@code W} or {@code I} followed by exactly four ASCII digits, as a whole token: no letter,
 *       digit (of any script), underscore or {@code $} directly before or after. Lower case never matches.</li>
 *   <li>A code the catalog lacks only inside Hume's numbering, a {@code 0} after the letter ({@code E0999}); beyond
 *       it ({@code E1165}, {@code I2510}) only catalog codes count, built-in or added by an override file.</li>
 *   <li>Not when the token is part of something else: joined by a hyphen to a letter or digit
 *       ({@code PYL-W0612}, {@code E0300-01}), followed by a dot and a letter or digit ({@code E0300.1},
 *       {@code E0300.java}).</li>
 *   <li>Not in another tool's diagnostic, wherever it is rendered: directly after one of {@link #TOOL_PREFIXES}
 *       (rustc's {@code error[E0599]}, {@code --explain E0499}, its JSON {@code "code":{"code":"E0599"}} and
 *       {@code compile_fail,E0599}, pylint's JSON {@code "message-id": "W0611"}); in an editor's
 *       {@code tool(CODE)} rendering ({@code rustc(E0599)}, {@code Pylint(W0611:unused-import)}; Hume's own
 *       {@code hume(E0203)} stays Hume's, see {@code toolSource}); in the standard lint line
 *       {@code path:line:col: CODE: message} (see {@code lintLocation}); when {@code pylint} or {@code noqa}
 *       (any case) appears within the {@value #LINE_LOOKBACK} characters before the code on its line; when the
 *       code is directly followed by a pylint symbol ({@code W0612(unused-variable)}, {@code W0511(fixme)}: a
 *       parenthesis, a lower-case word of letters and digits, hyphenated parts or none, a parenthesis); or when its
 *       line, read at most {@value #LINE_LOOKAHEAD} characters past the code, ends with a hyphenated pylint symbol,
 *       trailing spaces and tabs aside ({@code ... (unused-import)}). Lines end at {@code \n} or {@code \r}.</li>
 *   <li>A WebSocket close code of the catalog ({@code 1000}, {@code 1008}, {@code 1011}) only as a whole number
 *       (no letter, digit, underscore or {@code $} directly before or after, no ASCII digit and {@code .} or
 *       {@code ,} before, no {@code .} or {@code ,} and an ASCII digit after: not {@code 1,1000},
 *       {@code 1000.5}) that the text around names as a close code or status: a close context before it
 *       ({@code close code 1011}, {@code CloseStatus[code=1011}, {@code CloseReason[1011}, {@code onClose(1000},
 *       {@code closed: 1011}, {@code closed unexpectedly (1011)}; see {@code inCloseContext}), its standard name
 *       after it ({@code received 1011 (internal error)}, {@code websocket: close 1011 (internal server error)},
 *       {@code {1011=SERVER_ERROR,...}}, {@code 1011 Internal server error}; see {@code namedAfter}), or a close event
 *       printed as an object ({@code { code: 1011, reason: '', wasClean: true }}; see {@code closeEventField}).
 *       A bare number ({@code processed 1000 records}, {@code port 1008}) never counts. Letters and digits are
 *       those of any script.</li>
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
    /** How far the key of a close event's code may be from the number ({@code "code": 1011}). */
    static final int KEY_GAP = 8;
    /** How far a close event's {@code reason} or {@code wasClean} is looked for around its code. */
    static final int EVENT_SPAN = 200;
    /** How far back the name of a tool is read in {@code tool(CODE)}. */
    static final int TOOL_NAME_CHARS = 40;
    /** The longest file name read before {@code :line:col: CODE:}. */
    static final int PATH_CHARS = 200;
    /**
     * What other tools write directly before their codes: rustc ({@code error[E0599]}, {@code --explain E0499},
     * its JSON diagnostics' {@code "code":{"code":"E0599"}} and their examples' {@code compile_fail,E0599}) and
     * pylint's JSON reports ({@code "message-id": "W0611"}, {@code "messageId":"W0611"}).
     */
    static final String[] TOOL_PREFIXES = {
        "error[",
        "--explain ",
        "\"code\":{\"code\":\"",
        "compile_fail,",
        "\"message-id\": \"",
        "\"message-id\":\"",
        "\"messageId\": \"",
        "\"messageId\":\""
    };
    /** Bound on the causes and suppressed exceptions followed from one throwable. */
    public static final int MAX_THROWABLES = 32;
    /** Bound on the nesting of a structured value read by {@link #scanValue}. */
    public static final int MAX_VALUE_DEPTH = 8;
    /** Bound on the values read from one structured value by {@link #scanValue}. */
    public static final int MAX_VALUES = 256;

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

    /**
     * {@code soFar} with the codes of {@code thrown}: the class names and messages of it, its causes and its
     * suppressed exceptions, at most {@value #MAX_THROWABLES} throwables, each once (cycles end). An exception
     * class whose methods throw, even an {@code Error}, is read as far as it can be; a
     * {@code VirtualMachineError} other than a stack overflow propagates.
     */
    public Detection scan(Throwable thrown, Detection soFar) {
        return ThrowableWalk.scan(this, thrown, ThrowableWalk.JDK, soFar);
    }

    /**
     * {@code soFar} with the codes of a structured value: a key-value pair, an MDC entry, a span or log record
     * attribute. One rule for every integration:
     * <ul>
     *   <li>text is read like a message: a code anywhere in it counts;</li>
     *   <li>under a key that names a close code ({@code websocket.close.code}, {@code ws.close_code},
     *       {@code closeStatus}: it holds {@code close} and {@code code} or {@code status}, in any case), a whole
     *       number (any integer type, {@code BigInteger} included) or a string of exactly its four digits is that
     *       close code;</li>
     *   <li>collections, arrays and maps are read element by element (a map's values under their own keys), at
     *       most {@value #MAX_VALUE_DEPTH} levels deep and {@value #MAX_VALUES} values in all;</li>
     *   <li>other values (booleans, fractions, other objects) hold no code: nothing calls their
     *       {@code toString()}.</li>
     * </ul>
     */
    public Detection scanValue(CharSequence key, Object value, Detection soFar) {
        Detection leaf = leaf(key, value, soFar);
        if (leaf != NOT_A_LEAF) {
            return leaf;
        }
        // A container: the budget is shared by the whole walk, so it lives in an array.
        return container(key, value, soFar, 0, new int[] {MAX_VALUES});
    }

    /** Marks a value that is a container, not a leaf. */
    private static final Detection NOT_A_LEAF =
            new Detection(new HumeCode("0000", "none", Severity.INFO, "not a leaf", false, null, false));

    /** The codes of a text or number, {@code found} for other leaves, or {@link #NOT_A_LEAF} for containers. */
    private Detection leaf(CharSequence key, Object value, Detection found) {
        if (value instanceof CharSequence) {
            CharSequence text = (CharSequence) value;
            found = scan(text, found);
            if (text.length() == 4 && isCloseCodeKey(key)) {
                found = add(found, catalog.closeCode(Catalog.digits(text, 0, 4)));
            }
            return found;
        }
        if (value instanceof Number) {
            long n = wholeNumber((Number) value);
            return n >= 0 && isCloseCodeKey(key) ? add(found, catalog.closeCode(n)) : found;
        }
        if (value instanceof Map || value instanceof Iterable || value instanceof Object[]) {
            return NOT_A_LEAF;
        }
        return found;
    }

    /** The value of a whole number (integer types, {@code BigInteger}, atomics), or -1 for fractions and the rest. */
    private static long wholeNumber(Number n) {
        if (n instanceof Long
                || n instanceof Integer
                || n instanceof Short
                || n instanceof Byte
                || n instanceof java.util.concurrent.atomic.AtomicInteger
                || n instanceof java.util.concurrent.atomic.AtomicLong) {
            return n.longValue();
        }
        if (n instanceof java.math.BigInteger && ((java.math.BigInteger) n).bitLength() < 32) {
            return n.longValue();
        }
        return -1;
    }

    private Detection container(CharSequence key, Object value, Detection found, int depth, int[] budget) {
        if (depth >= MAX_VALUE_DEPTH) {
            return found;
        }
        if (value instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (budget[0] <= 0) {
                    break;
                }
                Object k = e.getKey();
                found = element(
                        k instanceof CharSequence ? (CharSequence) k : null, e.getValue(), found, depth, budget);
            }
        } else if (value instanceof Iterable) {
            for (Object element : (Iterable<?>) value) {
                if (budget[0] <= 0) {
                    break;
                }
                found = element(key, element, found, depth, budget); // [1011] keeps its key
            }
        } else {
            for (Object element : (Object[]) value) {
                if (budget[0] <= 0) {
                    break;
                }
                found = element(key, element, found, depth, budget);
            }
        }
        return found;
    }

    private Detection element(CharSequence key, Object value, Detection found, int depth, int[] budget) {
        if (value == null || budget[0] <= 0) {
            return found;
        }
        budget[0]--;
        Detection leaf = leaf(key, value, found);
        return leaf != NOT_A_LEAF ? leaf : container(key, value, found, depth + 1, budget);
    }

    private static Detection add(Detection found, HumeCode code) {
        return code == null ? found : Detection.add(found, code);
    }

    /**
     * True when a key or attribute name names a WebSocket close code: it contains {@code close} and
     * {@code code} or {@code status}, in any case ({@code websocket.close.code}, {@code ws.close_code},
     * {@code closeStatus}).
     */
    static boolean isCloseCodeKey(CharSequence key) {
        return key != null
                && indexOfIgnoreCase(key, "close", 0, key.length()) >= 0
                && (indexOfIgnoreCase(key, "code", 0, key.length()) >= 0
                        || indexOfIgnoreCase(key, "status", 0, key.length()) >= 0);
    }

    /** Checks the four digits {@code text[a..b)} and what surrounds them; returns the code they make, or null. */
    private HumeCode candidate(CharSequence text, int a, int b, int end) {
        if (a > 0 && Catalog.isFamily(text.charAt(a - 1))) {
            int s = a - 1;
            return isHumeCodeToken(text, s, b, end) ? catalog.codeAt(text, s) : null;
        }
        int number = Catalog.digits(text, a, b);
        HumeCode close = catalog.closeCode(number);
        return close != null && isCloseCodeToken(text, a, b, end, number) ? close : null;
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
            if (after == '(' && pylintSymbolAt(text, e, end, 0) > 0) {
                return false; // W0612(unused-variable), W0511(fixme)
            }
        }
        if (s > 1 && text.charAt(s - 1) == '-' && isLetterOrDigitBefore(text, s - 1)) {
            return false; // tool-prefixed: PYL-W0612
        }
        for (String prefix : TOOL_PREFIXES) {
            if (endsWith(text, s, prefix)) {
                return false;
            }
        }
        return !toolSource(text, s, e, end) && !lintLocation(text, s, e, end) && !pylintLine(text, s, e, end);
    }

    /**
     * An editor's rendering of a diagnostic's source and code, {@code rustc(E0599)} or
     * {@code Pylint(W0611:unused-import)}: a word of ASCII letters, digits, {@code -}, {@code _} and {@code .}
     * (read at most {@value #TOOL_NAME_CHARS} characters back) ending in a letter or digit, directly before
     * {@code (}, and {@code )} or {@code :} directly after the code. Hume's own SDK writes {@code hume(E0203)}: a
     * word holding {@code hume} (any case) is not a tool.
     */
    private static boolean toolSource(CharSequence text, int s, int e, int end) {
        if (s < 2 || text.charAt(s - 1) != '(' || e >= end || (text.charAt(e) != ')' && text.charAt(e) != ':')) {
            return false;
        }
        int open = s - 1;
        char last = text.charAt(open - 1);
        if (!isAsciiLetter(last) && !isDigit(last)) {
            return false;
        }
        int start = open - 1;
        for (int from = Math.max(0, open - TOOL_NAME_CHARS); start > from && isToolNameChar(text.charAt(start - 1)); ) {
            start--;
        }
        return indexOfIgnoreCase(text, "hume", start, open) < 0;
    }

    private static boolean isToolNameChar(char c) {
        return isAsciiLetter(c) || isDigit(c) || c == '-' || c == '_' || c == '.';
    }

    /**
     * The standard lint line, {@code path:line:col: CODE: message}: the code follows a space, a line number (and
     * a column) each after a colon, and a colon; before them, a file name of at most {@value #PATH_CHARS}
     * characters that starts the text or follows whitespace, with a directory separator or a dot and a letter
     * ({@code app.py}, {@code src/app}); a colon follows the code. Not a timestamp ({@code 12:00:03: E0300:}).
     */
    private static boolean lintLocation(CharSequence text, int s, int e, int end) {
        if (e >= end || text.charAt(e) != ':' || s < 4 || text.charAt(s - 1) != ' ' || text.charAt(s - 2) != ':') {
            return false;
        }
        int k = digitsBefore(text, s - 2);
        if (k == s - 2 || k == 0 || text.charAt(k - 1) != ':') {
            return false;
        }
        k--; // the colon before the first number
        int m = digitsBefore(text, k);
        if (m < k && m > 0 && text.charAt(m - 1) == ':') {
            k = m - 1; // line and column
        }
        int p = k;
        boolean pathLike = false;
        for (int from = Math.max(0, k - PATH_CHARS); p > from && !isAsciiSpace(text.charAt(p - 1)); p--) {
            char c = text.charAt(p - 1);
            pathLike |= c == '/' || c == '\\' || (c == '.' && p < k && isAsciiLetter(text.charAt(p)));
        }
        return p < k && (p == 0 || isAsciiSpace(text.charAt(p - 1))) && pathLike;
    }

    /** The start of the run of ASCII digits that ends at {@code index} (exclusive); {@code index} for none. */
    private static int digitsBefore(CharSequence text, int index) {
        int i = index;
        while (i > 0 && isDigit(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** The whitespace of {@code \s} in regular expressions: space, tab, line breaks, vertical tab, form feed. */
    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
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
        return open >= e && pylintSymbolAt(text, open, to, 1) == to;
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
    private static int pylintSymbolAt(CharSequence text, int open, int end, int minHyphens) {
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
            } else if (c == ')' && !afterHyphen && hyphens >= minHyphens) {
                return i + 1;
            } else {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isCloseCodeToken(CharSequence text, int a, int b, int end, int number) {
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
        return inCloseContext(text, a, b, end) || namedAfter(text, b, end, number) || closeEventField(text, a, b, end);
    }

    /**
     * A close context before the number: within the {@value #CLOSE_WINDOW} characters before it, the last
     * {@code clos} (ASCII, any case), with no digit or line break between it and the number, and then
     * <ul>
     *   <li>a word ending in {@code code} or {@code status} followed by characters that are not letters
     *       ({@code close code 1011}, {@code closed with status 1008}, {@code CloseStatus[code=1011});</li>
     *   <li>or the rest of the word holding {@code clos} followed by characters that are not letters
     *       ({@code onClose(1000}, {@code CloseReason[1011}, {@code closed: 1011}, {@code websocket: close 1011});
     *       when they are only spaces and tabs, not a count of things: the number is not followed by a space or
     *       tab and a lower-case ASCII letter ({@code closed 1000 connections});</li>
     *   <li>or the number alone in parentheses ({@code closed unexpectedly (1011)}).</li>
     * </ul>
     */
    private static boolean inCloseContext(CharSequence text, int a, int b, int end) {
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
        if (text.charAt(a - 1) == '(' && b < end && text.charAt(b) == ')') {
            return true;
        }
        // Skip the punctuation and spaces just before the number, then read the last word.
        int wordEnd = a;
        while (wordEnd > gap && !Character.isLetter(codePointBefore(text, wordEnd))) {
            wordEnd--;
        }
        if (endsWithIgnoreCase(text, gap, wordEnd, "code") || endsWithIgnoreCase(text, gap, wordEnd, "status")) {
            return true;
        }
        // The rest of the word that holds "clos", then nothing but punctuation and spaces up to the number.
        int rest = gap;
        while (rest < a && Character.isLetter(codePointAt(text, rest, a))) {
            rest += Character.charCount(codePointAt(text, rest, a));
        }
        boolean spacesOnly = true;
        for (int i = rest; i < a; i += Character.charCount(codePointAt(text, i, a))) {
            int c = codePointAt(text, i, a);
            if (Character.isLetter(c)) {
                return false;
            }
            spacesOnly &= c == ' ' || c == '\t';
        }
        return !spacesOnly || !countFollows(text, b, end);
    }

    /** A space or tab and a lower-case ASCII letter at {@code b}: the number counts things. */
    private static boolean countFollows(CharSequence text, int b, int end) {
        return b + 1 < end && (text.charAt(b) == ' ' || text.charAt(b) == '\t') && isLowerAlpha(text.charAt(b + 1));
    }

    /**
     * The number followed by its standard name ({@link CloseCodeNames}): in parentheses after a space
     * ({@code 1011 (internal error)}, {@code 1000 (OK)}), after {@code =} ({@code {1011=SERVER_ERROR,...}}), or,
     * for Netty's texts, after a space ({@code 1011 Internal server error}); the name is followed by {@code )}
     * in the first form, and by neither a letter, digit nor underscore in the others.
     */
    private static boolean namedAfter(CharSequence text, int b, int end, int number) {
        if (b + 1 >= end) {
            return false;
        }
        char sep = text.charAt(b);
        if (sep == '=') {
            for (String name : CloseCodeNames.named(number)) {
                if (nameAt(text, b + 1, end, name) && !isAsciiWordCharAt(text, b + 1 + name.length(), end)) {
                    return true;
                }
            }
            return false;
        }
        if (sep != ' ') {
            return false;
        }
        if (text.charAt(b + 1) == '(') {
            for (String name : CloseCodeNames.named(number)) {
                int close = b + 2 + name.length();
                if (close < end && text.charAt(close) == ')' && nameAt(text, b + 2, end, name)) {
                    return true;
                }
            }
            return false;
        }
        String spaced = CloseCodeNames.spaced(number);
        return spaced != null
                && nameAt(text, b + 1, end, spaced)
                && !isAsciiWordCharAt(text, b + 1 + spaced.length(), end);
    }

    /** True when {@code name} (lower case) is at {@code at}, ignoring ASCII case, an underscore matching a space. */
    private static boolean nameAt(CharSequence text, int at, int end, String name) {
        if (at + name.length() > end) {
            return false;
        }
        for (int j = 0; j < name.length(); j++) {
            char c = text.charAt(at + j);
            char n = name.charAt(j);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != n && !(c == '_' && n == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiWordCharAt(CharSequence text, int index, int end) {
        if (index >= end) {
            return false;
        }
        char c = text.charAt(index);
        return isAsciiLetter(c) || isDigit(c) || c == '_';
    }

    /**
     * A field of a close event printed as an object ({@code { code: 1011, reason: 'x', wasClean: true }},
     * {@code {"code":1011,"reason":""}}, {@code CloseEvent {isTrusted: true, wasClean: false, code: 1011, ...}},
     * Node's {@code [Symbol(kCode)]: 1011}): a key ending in {@code code} (any case), then at most
     * {@value #KEY_GAP} characters of quotes, brackets, spaces and at least one {@code :} or {@code =}, then the
     * number; and {@code reason} or {@code wasClean} (any case) in the same object: within
     * {@value #EVENT_SPAN} characters after the number before a {@code }}, or before the key after a {@code {}.
     */
    private static boolean closeEventField(CharSequence text, int a, int b, int end) {
        int k = a;
        boolean assigned = false;
        while (k > 0 && a - k < KEY_GAP && isKeyGapChar(text.charAt(k - 1))) {
            assigned |= text.charAt(k - 1) == ':' || text.charAt(k - 1) == '=';
            k--;
        }
        if (!assigned || k < 4 || !regionMatchesIgnoreCase(text, k - 4, "code")) {
            return false;
        }
        int after = objectFieldIndex(text, b, Math.min(end, b + EVENT_SPAN), '}', true);
        return after >= 0 || objectFieldIndex(text, Math.max(0, k - 4 - EVENT_SPAN), k - 4, '{', false) >= 0;
    }

    private static boolean isKeyGapChar(char c) {
        return c == ' ' || c == '"' || c == '\'' || c == ':' || c == '=' || c == ')' || c == ']';
    }

    /**
     * Where {@code reason} or {@code wasclean} (any case) lies in {@code text[from..to)} on this side of the first
     * {@code boundary} met going {@code forward} (or backward) from the number's side; -1 when it does not.
     */
    private static int objectFieldIndex(CharSequence text, int from, int to, char boundary, boolean forward) {
        int lo = from;
        int hi = to;
        if (forward) {
            for (int i = from; i < to; i++) {
                if (text.charAt(i) == boundary) {
                    hi = i;
                    break;
                }
            }
            if (hi == to) {
                return -1; // no end of the object in sight
            }
        } else {
            for (int i = to - 1; i >= from; i--) {
                if (text.charAt(i) == boundary) {
                    lo = i;
                    break;
                }
            }
            if (lo == from && (from >= to || text.charAt(from) != boundary)) {
                return -1; // no start of the object in sight
            }
        }
        int r = indexOfIgnoreCase(text, "reason", lo, hi);
        return r >= 0 ? r : indexOfIgnoreCase(text, "wasclean", lo, hi);
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
