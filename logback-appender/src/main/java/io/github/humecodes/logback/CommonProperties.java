package io.github.humecodes.logback;

import ch.qos.logback.core.Context;
import ch.qos.logback.core.spi.ContextAware;
import io.github.humecodes.Catalog;
import io.github.humecodes.CatalogException;
import io.github.humecodes.Detector;
import io.github.humecodes.internal.HumeFields;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The properties the Logback components of this module have in common ({@code catalog}, {@code maxScanChars},
 * {@code scanMdc}, {@code fieldPrefix}), and the one place that turns them into an {@link EventScanner} and the
 * field names, reporting bad values. Not thread-safe: set from configuration, then read by {@code start()}.
 */
final class CommonProperties {
    /** Context object: the catalogs a start-up line was said for in this context (reset with the context). */
    static final String ANNOUNCED = "io.github.humecodes.logback.announcedCatalogs";

    private String catalog;
    private int maxScanChars = Detector.DEFAULT_MAX_SCAN_CHARS;
    private boolean scanMdc;
    private String fieldPrefix = HumeFields.DEFAULT_PREFIX;

    String catalog() {
        return catalog;
    }

    void catalog(String path) {
        this.catalog = path;
    }

    int maxScanChars() {
        return maxScanChars;
    }

    void maxScanChars(int max) {
        this.maxScanChars = max;
    }

    boolean scanMdc() {
        return scanMdc;
    }

    void scanMdc(boolean scan) {
        this.scanMdc = scan;
    }

    String fieldPrefix() {
        return fieldPrefix;
    }

    void fieldPrefix(String prefix) {
        this.fieldPrefix = prefix;
    }

    /**
     * The scanner these settings describe. A bad {@code maxScanChars} or {@code catalog} is reported through
     * {@code owner} (to the status manager), prefixed by {@code label}, and replaced by its default. The first
     * component of a context to use a catalog says so: see {@link #announce}.
     */
    EventScanner scanner(ContextAware owner, String label) {
        int max = maxScanChars;
        if (max < 1) {
            owner.addError(label + ": maxScanChars must be a positive number, was " + max + "; using "
                    + Detector.DEFAULT_MAX_SCAN_CHARS);
            max = Detector.DEFAULT_MAX_SCAN_CHARS;
        }
        Catalog loaded = null;
        if (catalog != null && !catalog.isBlank()) {
            try {
                loaded = Catalog.load(Path.of(catalog.trim()));
            } catch (CatalogException | InvalidPathException e) {
                owner.addError(
                        label + ": catalog " + catalog.trim() + " not used: " + e.getMessage()
                                + "; using the built-in catalog",
                        e);
            }
        }
        Detector detector = loaded == null && max == Detector.DEFAULT_MAX_SCAN_CHARS
                ? Detector.create()
                : Detector.create(loaded == null ? Catalog.builtIn() : loaded, max);
        announce(
                owner,
                loaded == null ? "the built-in catalog" : "catalog " + catalog.trim() + " (over the built-in one)",
                detector.catalog().codes().size());
        return new EventScanner(detector, scanMdc);
    }

    /**
     * One INFO status per logger context and catalog, however many components use it: humecodes is active,
     * with this catalog and its number of codes.
     */
    private static void announce(ContextAware owner, String catalog, int codes) {
        Context context = owner.getContext();
        if (context == null) {
            return;
        }
        boolean first;
        synchronized (context) {
            @SuppressWarnings("unchecked")
            Set<String> known = (Set<String>) context.getObject(ANNOUNCED);
            if (known == null) {
                known = new HashSet<>();
                context.putObject(ANNOUNCED, known);
            }
            first = known.add(catalog);
        }
        if (first) {
            owner.addInfo("humecodes is active: " + catalog + ", " + codes + " codes");
        }
    }

    /**
     * The field names for {@code fieldPrefix}. A prefix core's {@link HumeFields#prefixProblem} rejects (null, or
     * holding whitespace, control characters, quotes or {@code =}, which would break {@code key=value} and
     * line-based formats such as {@code %kvp} and logfmt) is reported and replaced by the default. An empty
     * prefix gives bare names.
     */
    EventFields fields(ContextAware owner, String label) {
        String prefix = fieldPrefix;
        String problem = HumeFields.prefixProblem(prefix);
        if (problem != null) {
            owner.addError(
                    label + ": fieldPrefix " + problem + (prefix == null ? "" : ", was '" + printable(prefix) + "'")
                            + "; using " + HumeFields.DEFAULT_PREFIX);
            prefix = HumeFields.DEFAULT_PREFIX;
        }
        return EventFields.withPrefix(prefix);
    }

    /** The prefix as it can be shown in one status line: control characters escaped. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
