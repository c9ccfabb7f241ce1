package io.github.humecodes;

import java.util.Objects;

/**
 * One Hume code and what it means. Immutable and thread-safe.
 *
 * <p>Entries come from the catalog; a well-formed code the catalog does not hold is still reported, with
 * {@link #inCatalog()} false (category {@code unknown} for {@code E}/{@code W} codes, {@code service} for
 * {@code I} codes).
 */
public final class HumeCode {
    /** Category of well-formed {@code E}/{@code W} codes that the catalog does not hold. */
    public static final String UNKNOWN_CATEGORY = "unknown";

    private final String code;
    private final String category;
    private final Severity severity;
    private final String description;
    private final boolean retryable;
    private final String slug;
    private final boolean inCatalog;
    /** The detection of this code alone, shared so that finding one code allocates nothing. */
    private final Detection alone;

    HumeCode(
            String code,
            String category,
            Severity severity,
            String description,
            boolean retryable,
            String slug,
            boolean inCatalog) {
        this.code = Objects.requireNonNull(code, "code");
        this.category = Objects.requireNonNull(category, "category");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.description = Objects.requireNonNull(description, "description");
        this.retryable = retryable;
        this.slug = slug;
        this.inCatalog = inCatalog;
        this.alone = new Detection(this);
    }

    /** The code as Hume writes it: {@code E0300}, {@code W0105}, {@code I0100}, {@code 1011}. */
    public String code() {
        return code;
    }

    public String category() {
        return category;
    }

    public Severity severity() {
        return severity;
    }

    /** One line in this project's words. */
    public String description() {
        return description;
    }

    /** Whether retrying the same request can succeed. */
    public boolean retryable() {
        return retryable;
    }

    /** Hume's slug for the code ({@code inactivity_timeout}, ...), or null when none is known. */
    public String slug() {
        return slug;
    }

    /** False for well-formed codes that were found in text but are not in the catalog. */
    public boolean inCatalog() {
        return inCatalog;
    }

    /** True for WebSocket close codes (four digits), false for {@code E}, {@code W} and {@code I} codes. */
    public boolean isCloseCode() {
        return code.length() == 4;
    }

    Detection alone() {
        return alone;
    }

    @Override
    public String toString() {
        return code + " (" + category + ", " + severity + ")";
    }
}
