package io.github.humecodes.internal;

/**
 * Finds Hume credentials in text and replaces their values with {@link #REDACTED}, leaving every other character
 * as it was. For internal use only. Stateless and thread-safe.
 *
 * <p>A Hume API key is letters and digits with no prefix, so a value is known by the name in front of it:
 * <ul>
 *   <li>anywhere, for names only Hume uses: the {@code X-Hume-Api-Key} header (any case, in every rendering:
 *       {@code Name: v}, {@code Name=v}, {@code Name=[v]}, {@code "Name":"v"}, {@code 'Name': 'v'},
 *       {@code \"Name\":\"v\"}, {@code Name:"v", "v2"}), the environment variables {@code HUME_API_KEY} and
 *       {@code HUME_SECRET_KEY} (with any prefix: {@code VITE_HUME_API_KEY}), and EVI's third-party LLM key
 *       {@code language_model_api_key} / {@code languageModelApiKey} (also as {@code session_settings[...]} and
 *       URL-encoded);</li>
 *   <li>in a URL that is Hume's, for names many services use: the query parameters {@code api_key},
 *       {@code access_token}, {@code apiKey} and {@code accessToken} (also URL-encoded, as when a URL is itself a
 *       parameter). A URL always has its host beside its query, so it is Hume's when its host is
 *       {@code *.hume.ai} or its path one of Hume's ({@code /v0/evi}, {@code /v0/tts}, {@code /v0/stream},
 *       {@code /oauth2-cc/token}): a request line that prints only the path counts too;</li>
 *   <li>when the event or span names Hume elsewhere ({@link #marksHume}: a {@code *.hume.ai} host, an
 *       {@code X-Hume-} header, {@code HUME_API_KEY}, a Hume path), for what header dumps print one per line with
 *       no host: the token of an {@code Authorization: Bearer} or {@code Basic} header, and a quoted
 *       {@code "access_token"} field (the token endpoint's answer).</li>
 * </ul>
 * Values are runs of {@code [A-Za-z0-9-._~+/]} and trailing {@code =} (RFC 6750 tokens, API keys); a value that
 * already reads {@code REDACTED} is left as it is, so redacting twice changes nothing.
 *
 * <p>Cost: {@link #flags} is the check every text goes through, four {@code String.indexOf(char)} passes for the
 * letters {@code k}, {@code K}, {@code z} and {@code Z}; only an event with a text it flags is read further.
 */
public final class Credentials {
    /** What a value becomes: the word OpenTelemetry's semantic conventions use. */
    public static final String REDACTED = "REDACTED";
    /** {@link #flags}: the text may hold a credential. */
    public static final int MAY_HOLD = 1;

    private static final String HEADER = "x-hume-api-key";
    private static final String[] ENV = {"HUME_API_KEY", "HUME_SECRET_KEY"};
    private static final String[] LLM_KEY = {"language_model_api_key", "languageModelApiKey"};
    private static final String[] QUERY = {"api_key", "access_token", "apiKey", "accessToken"};
    private static final String[] HUME_PATHS = {"/v0/evi", "/v0/tts", "/v0/stream", "/oauth2-cc/token"};
    /** How far back the start of a URL is looked for from one of its parameters. */
    private static final int URL_CHARS = 4096;
    /** The longest run of separators between a name and its value ({@code \":\"}, {@code ': '}). */
    private static final int SEPARATOR_CHARS = 6;

    private Credentials() {}

    /**
     * {@link #MAY_HOLD} when {@code text} may hold a Hume credential, 0 when it cannot (the common case). Every
     * credential follows a name holding {@code key}, {@code token} or {@code authoriz} ({@code X-Hume-Api-Key},
     * {@code HUME_API_KEY}, {@code HUME_SECRET_KEY}, {@code language_model_api_key}, {@code api_key},
     * {@code access_token}, {@code Authorization}): the check finds the rare letters {@code k} and {@code z} (any
     * case) with {@code String.indexOf(char)}, which the JVM runs many characters at a time, and looks at the few
     * characters before each. A text it flags is read again by {@link #redact}; the event or span it belongs to is
     * Hume's scope when any of its texts {@linkplain #marksHume names Hume}.
     */
    public static int flags(CharSequence text) {
        if (text == null || text.length() < 5) {
            return 0;
        }
        String s = text instanceof String ? (String) text : text.toString();
        for (int i = s.indexOf('k'); i >= 0; i = s.indexOf('k', i + 1)) {
            if (keyOrTokenAt(s, i)) {
                return MAY_HOLD;
            }
        }
        for (int i = s.indexOf('K'); i >= 0; i = s.indexOf('K', i + 1)) {
            if (keyOrTokenAt(s, i)) {
                return MAY_HOLD;
            }
        }
        return authorizAt(s, s.indexOf('z')) || authorizAt(s, s.indexOf('Z')) ? MAY_HOLD : 0;
    }

    /** The {@code k} at {@code i} ends {@code api_k}, {@code api-k}, {@code apik}, {@code secret_k} or {@code access_tok}. */
    private static boolean keyOrTokenAt(String s, int i) {
        return regionIgnoreCase(s, i - 4, "api_k")
                || regionIgnoreCase(s, i - 4, "api-k")
                || regionIgnoreCase(s, i - 3, "apik")
                || regionIgnoreCase(s, i - 7, "secret_k")
                || regionIgnoreCase(s, i - 9, "access_tok")
                || regionIgnoreCase(s, i - 8, "accesstok");
    }

    private static boolean authorizAt(String s, int z) {
        for (int i = z; i >= 0; i = s.indexOf(s.charAt(z), i + 1)) {
            if (regionIgnoreCase(s, i - 7, "authoriz")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code text} names Hume: a {@code *.hume.ai} host, an {@code X-Hume-} header, {@code HUME_API_KEY},
     * a Hume path. Read only for the texts of an event or span that one text of which {@linkplain #flags may hold}
     * a credential: an {@code Authorization} header is Hume's when its event names Hume.
     */
    public static boolean marksHume(CharSequence text) {
        int n = text == null ? 0 : text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if ((c == 'h' && humeHostAt(text, i))
                    || ((c | 0x20) == 'x' && regionIgnoreCase(text, i, "x-hume-"))
                    || (c == 'H' && (regionMatches(text, i, ENV[0]) || regionMatches(text, i, ENV[1])))
                    || (c == '/' && pathAt(text, i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code text} with the value of every Hume credential replaced by {@link #REDACTED}; {@code text} itself when
     * there is none. {@code humeScope}: whether the event or span the text belongs to names Hume
     * ({@link #marksHume} of any of its texts).
     */
    public static String redact(String text, boolean humeScope) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int copied = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            long value = valueAt(text, i, humeScope);
            if (value < 0) {
                i++;
                continue;
            }
            int start = (int) (value >>> 32);
            int end = (int) value;
            if (!text.startsWith(REDACTED, start) || end - start != REDACTED.length()) {
                if (out == null) {
                    out = new StringBuilder(n + 16);
                }
                out.append(text, copied, start).append(REDACTED);
                copied = end;
            }
            // Spring prints a header's further values quoted, without the name: Name:"v1", "v2".
            while (charAt(text, start - 1) == '"' && text.startsWith("\", \"", end)) {
                long next = token(text, end + 4);
                if (next < 0) {
                    break;
                }
                start = (int) (next >>> 32);
                end = (int) next;
                if (end - start == REDACTED.length() && text.startsWith(REDACTED, start)) {
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(n + 16);
                }
                out.append(text, copied, start).append(REDACTED);
                copied = end;
            }
            i = Math.max(i + 1, end);
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, n).toString();
    }

    /**
     * The value of a structured field named {@code key} with its credentials redacted: a key that is itself a
     * credential's name ({@code X-Hume-Api-Key}, OpenTelemetry's {@code http.request.header.x-hume-api-key},
     * {@code HUME_API_KEY}, {@code language_model_api_key}; in a Hume scope also {@code Authorization},
     * {@code api_key} and {@code access_token}) has its whole value replaced, an {@code Authorization} value
     * keeping its scheme ({@code Bearer REDACTED}); any other value is redacted as text.
     */
    public static String redactValue(String key, String value, boolean humeScope) {
        if (value == null) {
            return null;
        }
        switch (keyKind(key, humeScope)) {
            case WHOLE:
                return value.isEmpty() || value.equals(REDACTED) ? value : REDACTED;
            case AUTHORIZATION:
                int space = value.indexOf(' ');
                String scheme = space < 0 ? "" : value.substring(0, space + 1);
                String token = value.substring(scheme.length()).trim();
                return token.isEmpty() || token.equals(REDACTED) ? value : scheme + REDACTED;
            default:
                return redact(value, humeScope);
        }
    }

    /** How {@link #redactValue} treats a key: {@code NONE}, {@code WHOLE} or {@code AUTHORIZATION}. */
    enum KeyKind {
        NONE,
        WHOLE,
        AUTHORIZATION
    }

    /** True when values under {@code key} are credentials by their name alone (see {@link #redactValue}). */
    public static boolean isCredentialKey(String key, boolean humeScope) {
        return keyKind(key, humeScope) != KeyKind.NONE;
    }

    static KeyKind keyKind(String key, boolean humeScope) {
        int n = key == null ? 0 : key.length();
        if (n < 6) {
            return KeyKind.NONE;
        }
        char last = (char) (key.charAt(n - 1) | 0x20);
        if (last != 'y' && last != 'n') {
            return KeyKind.NONE; // every name below ends in "key", "token" or "authorization"
        }
        if (endsWithName(key, HEADER)
                || key.endsWith(ENV[0])
                || key.endsWith(ENV[1])
                || key.equals(LLM_KEY[0])
                || key.equals(LLM_KEY[1])) {
            return KeyKind.WHOLE;
        }
        if (!humeScope) {
            return KeyKind.NONE;
        }
        if (endsWithName(key, "authorization")) {
            return KeyKind.AUTHORIZATION;
        }
        for (String q : QUERY) {
            if (key.equals(q)) {
                return KeyKind.WHOLE;
            }
        }
        return KeyKind.NONE;
    }

    /** {@code key} is {@code name}, or ends with {@code .name} (an attribute name), ignoring case. */
    private static boolean endsWithName(String key, String name) {
        int at = key.length() - name.length();
        return at >= 0 && key.regionMatches(true, at, name, 0, name.length()) && (at == 0 || key.charAt(at - 1) == '.');
    }

    /**
     * The value of a credential whose name starts at {@code i}, as {@code start << 32 | end}, or -1 when no
     * credential's name starts there.
     */
    private static long valueAt(String text, int i, boolean humeScope) {
        char c = text.charAt(i);
        switch (c | 0x20) {
            case 'x':
                if (regionIgnoreCase(text, i, HEADER)
                        && nameBoundaryBefore(text, i)
                        && !isNameChar(charAt(text, i + HEADER.length()))) {
                    return assigned(text, i + HEADER.length());
                }
                return -1;
            case 'h':
                for (String env : ENV) {
                    if (text.startsWith(env, i) && !isEnvChar(charAt(text, i + env.length()))) {
                        return assigned(text, i + env.length());
                    }
                }
                return -1;
            case 'l':
                for (String name : LLM_KEY) {
                    if (text.startsWith(name, i)
                            && (!isEnvChar(charAt(text, i - 1))
                                    || endsWithIgnoreCase(text, i, "%5b")
                                    || endsWithIgnoreCase(text, i, "%255b"))) {
                        return assigned(text, afterBracket(text, i + name.length()));
                    }
                }
                return -1;
            case 'a':
                if (humeScope
                        && regionIgnoreCase(text, i, "authorization")
                        && nameBoundaryBefore(text, i)
                        && !isNameChar(charAt(text, i + 13))) {
                    return authorization(text, i + 13);
                }
                for (String name : QUERY) {
                    if (text.startsWith(name, i)) {
                        return queryOrField(text, i, name, humeScope);
                    }
                }
                return -1;
            default:
                return -1;
        }
    }

    /** A query parameter of a Hume URL, or (in a Hume scope) a quoted {@code "access_token"} field. */
    private static long queryOrField(String text, int i, String name, boolean humeScope) {
        int after = i + name.length();
        int valueStart = -1;
        if (charAt(text, after) == '=') {
            valueStart = after + 1;
        } else if (regionIgnoreCase(text, after, "%3d")) {
            valueStart = after + 3;
        } else if (regionIgnoreCase(text, after, "%253d")) {
            valueStart = after + 5;
        }
        if (valueStart >= 0 && parameterStart(text, i) && humeUrl(text, i)) {
            return token(text, valueStart);
        }
        char before = charAt(text, i - 1);
        if (humeScope
                && name.equals("access_token")
                && (before == '"' || before == '\'')
                && charAt(text, after) == before) {
            return assigned(text, after + 1);
        }
        return -1;
    }

    /** A {@code ?} or {@code &}, plain or URL-encoded (once or twice), right before {@code i}. */
    private static boolean parameterStart(String text, int i) {
        char c = charAt(text, i - 1);
        if (c == '?' || c == '&') {
            return true;
        }
        return endsWithIgnoreCase(text, i, "%3f")
                || endsWithIgnoreCase(text, i, "%26")
                || endsWithIgnoreCase(text, i, "%253f")
                || endsWithIgnoreCase(text, i, "%2526");
    }

    /**
     * True when the URL that the parameter at {@code i} belongs to is Hume's: within the run of characters
     * before it that holds no space, quote or angle bracket, a {@code *.hume.ai} host or a Hume path.
     */
    private static boolean humeUrl(String text, int i) {
        int from = i;
        for (int limit = Math.max(0, i - URL_CHARS); from > limit; from--) {
            char c = text.charAt(from - 1);
            if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`') {
                break;
            }
        }
        for (int j = from; j < i; j++) {
            char c = text.charAt(j);
            if ((c == 'h' && humeHostAt(text, j)) || (c == '/' && pathAt(text, j))) {
                return true;
            }
            if (c == '%' && (regionIgnoreCase(text, j, "%2fv0%2f") || regionIgnoreCase(text, j, "%2foauth2-cc"))) {
                return true; // a URL-encoded Hume path
            }
        }
        return false;
    }

    /**
     * {@code hume.ai} at {@code i} as a host: after the start of the text, a dot, a slash, an {@code @}, an
     * encoded slash or a character that is not part of a host name; not continued by another label
     * ({@code hume.ai.example.com}) nor part of a longer name ({@code notahume.ai}).
     */
    private static boolean humeHostAt(CharSequence text, int i) {
        if (!regionIgnoreCase(text, i, "hume.ai")) {
            return false;
        }
        char before = i == 0 ? ' ' : text.charAt(i - 1);
        if (isLetterOrDigit(before) || before == '-' || before == '_') {
            return false;
        }
        int end = i + 7;
        if (end >= text.length()) {
            return true;
        }
        char after = text.charAt(end);
        if (isLetterOrDigit(after) || after == '-' || after == '_') {
            return false;
        }
        return !(after == '.' && end + 1 < text.length() && isLetterOrDigit(text.charAt(end + 1)));
    }

    private static boolean pathAt(CharSequence text, int i) {
        for (String path : HUME_PATHS) {
            if (regionIgnoreCase(text, i, path)) {
                char after = i + path.length() < text.length() ? text.charAt(i + path.length()) : '/';
                if (!isLetterOrDigit(after)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** After {@code language_model_api_key}: a closing bracket, plain or URL-encoded, as in {@code session_settings[...]}. */
    private static int afterBracket(String text, int at) {
        if (charAt(text, at) == ']') {
            return at + 1;
        }
        if (regionIgnoreCase(text, at, "%5d")) {
            return at + 3;
        }
        return regionIgnoreCase(text, at, "%255d") ? at + 5 : at;
    }

    /** The value assigned after a name ending at {@code at} (see {@link #separatorsEnd}), or -1. */
    private static long assigned(String text, int at) {
        int i = separatorsEnd(text, at);
        return i < 0 ? -1 : token(text, i);
    }

    /**
     * Where the separators after a name ending at {@code at} end: a run of at most {@value #SEPARATOR_CHARS}
     * spaces, quotes, backslashes, opening brackets, {@code :} and {@code =} (URL-encoded {@code =} too) that holds
     * a {@code :} or {@code =}; -1 when there is none.
     */
    private static int separatorsEnd(String text, int at) {
        int i = at;
        boolean assigns = false;
        while (i < text.length() && i - at < SEPARATOR_CHARS) {
            char c = text.charAt(i);
            if (c == ':' || c == '=') {
                assigns = true;
            } else if (c == '%' && (regionIgnoreCase(text, i, "%3d") || regionIgnoreCase(text, i, "%253d"))) {
                assigns = true;
                i += text.charAt(i + 1) == '3' ? 3 : 5;
                continue;
            } else if (c != ' ' && c != '\t' && c != '"' && c != '\'' && c != '\\' && c != '[') {
                break;
            }
            i++;
        }
        return assigns ? i : -1;
    }

    /** After {@code Authorization}: separators (a quote among them), {@code Bearer } or {@code Basic }, the token. */
    private static long authorization(String text, int at) {
        int i = separatorsEnd(text, at);
        if (i < 0) {
            return -1;
        }
        int schemeEnd;
        if (regionIgnoreCase(text, i, "bearer ")) {
            schemeEnd = i + 7;
        } else if (regionIgnoreCase(text, i, "basic ")) {
            schemeEnd = i + 6;
        } else {
            return -1;
        }
        while (charAt(text, schemeEnd) == ' ') {
            schemeEnd++;
        }
        return token(text, schemeEnd);
    }

    /** The token starting at {@code start}: {@code [A-Za-z0-9-._~+/]+} and trailing {@code =}; -1 for none. */
    private static long token(String text, int start) {
        int i = start;
        while (i < text.length() && isTokenChar(text.charAt(i))) {
            i++;
        }
        if (i == start) {
            return -1;
        }
        while (i < text.length() && text.charAt(i) == '=') {
            i++;
        }
        return ((long) start << 32) | i;
    }

    private static boolean isTokenChar(char c) {
        return isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Part of a header or field name: a name is whole when neither side continues it. */
    private static boolean isNameChar(char c) {
        return isLetterOrDigit(c) || c == '-' || c == '_';
    }

    private static boolean isEnvChar(char c) {
        return isLetterOrDigit(c) || c == '_';
    }

    private static boolean nameBoundaryBefore(String text, int i) {
        return !isNameChar(charAt(text, i - 1));
    }

    /** The character at {@code i}, or a space outside the text. */
    private static char charAt(CharSequence text, int i) {
        return i >= 0 && i < text.length() ? text.charAt(i) : ' ';
    }

    /** {@code lowerNeedle} at {@code i}, ignoring ASCII case. */
    private static boolean regionIgnoreCase(CharSequence text, int i, String lowerNeedle) {
        if (i < 0 || i + lowerNeedle.length() > text.length()) {
            return false;
        }
        for (int j = 0; j < lowerNeedle.length(); j++) {
            char c = text.charAt(i + j);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lowerNeedle.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWithIgnoreCase(String text, int end, String lowerNeedle) {
        return regionIgnoreCase(text, end - lowerNeedle.length(), lowerNeedle);
    }

    private static boolean regionMatches(CharSequence text, int i, String needle) {
        if (i + needle.length() > text.length()) {
            return false;
        }
        for (int j = 0; j < needle.length(); j++) {
            if (text.charAt(i + j) != needle.charAt(j)) {
                return false;
            }
        }
        return true;
    }
}
