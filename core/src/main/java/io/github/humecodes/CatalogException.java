package io.github.humecodes;

/** A catalog file that cannot be used. The message names the file and the entry at fault. */
public final class CatalogException extends Exception {
    private static final long serialVersionUID = 1L;

    CatalogException(String message) {
        super(message);
    }

    CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
