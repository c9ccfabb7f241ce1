package io.github.humecodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The codes humecodes knows: the built-in catalog, optionally with a user's override file merged over it.
 * Thread-safe; its entries never change once it is built (a code outside the catalog gets its stand-in entry
 * made once, when first met).
 *
 * <p>The JSON schema of override files, which {@link #writeJson} also writes:
 * <pre>{"codes": [{"code": "E0300", "category": "billing", "severity": "critical",
 *             "description": "...", "retryable": false, "slug": "..."}, ...]}</pre>
 * An entry for a code the catalog holds may give only the fields it changes; an entry for a new code gives at
 * least {@code category}, {@code severity} and {@code description}.
 */
public final class Catalog {
    /** WebSocket close codes a catalog may hold: the range RFC 6455 gives to protocol and applications. */
    static final int MIN_CLOSE_CODE = 1000;

    static final int MAX_CLOSE_CODE = 4999;
    private static final String FAMILIES = "EWI";

    private final List<HumeCode> codes;
    /** E, W and I codes by {@link #index}: catalog entries, and unknown codes as they are met. */
    private final HumeCode[] byIndex = new HumeCode[FAMILIES.length() * 10_000];
    /** Close codes by number minus {@link #MIN_CLOSE_CODE}. */
    private final HumeCode[] closeCodes = new HumeCode[MAX_CLOSE_CODE - MIN_CLOSE_CODE + 1];

    private Catalog(List<HumeCode> codes) {
        this.codes = Collections.unmodifiableList(new ArrayList<>(codes));
        for (HumeCode c : codes) {
            String s = c.code();
            if (c.isCloseCode()) {
                closeCodes[Integer.parseInt(s) - MIN_CLOSE_CODE] = c;
            } else {
                byIndex[index(s, 0)] = c;
            }
        }
    }

    /** The catalog shipped in this jar. */
    public static Catalog builtIn() {
        return BuiltIn.CATALOG;
    }

    /** The built-in catalog with the override file {@code file} merged over it. */
    public static Catalog load(Path file) throws CatalogException {
        return builtIn().withOverrides(file);
    }

    /** This catalog with the entries of {@code file} merged over it: changed entries replace, new ones add. */
    public Catalog withOverrides(Path file) throws CatalogException {
        if (file == null) {
            throw new CatalogException("catalog file: no path given");
        }
        if (Files.isDirectory(file)) {
            // Opened as a file, a directory fails in the JSON parser with a message about JSON.
            throw new CatalogException(file + ": is a directory, not a catalog file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return withOverrides(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new CatalogException(file + ": catalog file not found");
        } catch (IOException e) {
            throw new CatalogException(file + ": catalog file cannot be read: " + e.getMessage(), e);
        }
    }

    /** As {@link #withOverrides(Path)}, reading {@code in}; {@code source} names it in messages. */
    public Catalog withOverrides(InputStream in, String source) throws CatalogException {
        Map<String, HumeCode> merged = new LinkedHashMap<>();
        for (HumeCode c : codes) {
            merged.put(c.code(), c);
        }
        for (HumeCode c : CatalogFile.parse(in, source, merged)) {
            merged.put(c.code(), c);
        }
        return new Catalog(new ArrayList<>(merged.values()));
    }

    /** Every entry, built-in ones in the built-in order, then added ones in the order of their file. */
    public List<HumeCode> codes() {
        return codes;
    }

    /**
     * The entry for {@code code} as Hume writes it ({@code E0300}, {@code 1011}, ...): a catalog entry; for a
     * well-formed code the catalog lacks but that lies inside Hume's numbering (a {@code 0} after the letter:
     * {@code E0999}, {@code W0150}, {@code I0234}), a stand-in entry with {@link HumeCode#inCatalog()} false; null
     * for anything else ({@code E1165}, {@code 1001}, {@code e0300}).
     */
    public HumeCode lookup(CharSequence code) {
        if (code == null) {
            return null;
        }
        if (code.length() == 5 && isFamily(code.charAt(0)) && digits(code, 1, 5) >= 0) {
            return codeAt(code, 0);
        }
        if (code.length() == 4) {
            int n = digits(code, 0, 4);
            return n >= 0 ? closeCode(n) : null;
        }
        return null;
    }

    /** True when the catalog itself holds {@code code} (not only a stand-in). */
    boolean contains(CharSequence code) {
        HumeCode c = lookup(code);
        return c != null && c.inCatalog();
    }

    /** The close code entry for {@code number}, or null when the catalog holds none. */
    HumeCode closeCode(long number) {
        return number >= MIN_CLOSE_CODE && number <= MAX_CLOSE_CODE ? closeCodes[(int) number - MIN_CLOSE_CODE] : null;
    }

    /**
     * The entry for the code at {@code text[start..start+5)}, which the caller has checked is a family letter and
     * four digits, or null when the catalog lacks it and it lies outside Hume's numbering. Builds no String for
     * catalog codes.
     */
    HumeCode codeAt(CharSequence text, int start) {
        int i = index(text, start);
        HumeCode c = byIndex[i];
        if (c == null) {
            if (text.charAt(start + 1) != '0') {
                return null; // E1165, I2510: other numberings (medical codes, other tools' message ids)
            }
            // A benign race: two threads may each build the same immutable entry; either one is kept.
            c = unknown(text.subSequence(start, start + 5).toString());
            byIndex[i] = c;
        }
        return c;
    }

    /** Writes this catalog as JSON in the schema of override files. */
    public void writeJson(OutputStream out) {
        CatalogFile.write(codes, out);
    }

    /** True for the letters that start a Hume code: {@code E}, {@code W} and {@code I}. */
    static boolean isFamily(char c) {
        return c == 'E' || c == 'W' || c == 'I';
    }

    private static int index(CharSequence s, int start) {
        int family = FAMILIES.indexOf(s.charAt(start));
        return family * 10_000 + digits(s, start + 1, start + 5);
    }

    /** The value of the ASCII digits {@code s[from..to)}, or -1 when one is not a digit. */
    static int digits(CharSequence s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static HumeCode unknown(String code) {
        switch (code.charAt(0)) {
            case 'I':
                return new HumeCode(
                        code,
                        "service",
                        Severity.CRITICAL,
                        "An outage or bug inside a Hume service (a service code not in the catalog).",
                        true,
                        null,
                        false);
            case 'W':
                return new HumeCode(
                        code,
                        HumeCode.UNKNOWN_CATEGORY,
                        Severity.WARNING,
                        "A Hume warning code that is not in the catalog.",
                        false,
                        null,
                        false);
            default:
                return new HumeCode(
                        code,
                        HumeCode.UNKNOWN_CATEGORY,
                        Severity.ERROR,
                        "A Hume error code that is not in the catalog.",
                        false,
                        null,
                        false);
        }
    }

    /** Loads the built-in catalog once, on first use. */
    private static final class BuiltIn {
        static final Catalog CATALOG = load();

        private static Catalog load() {
            return new Catalog(BuiltInCatalog.codes());
        }
    }
}
