package io.github.humecodes;

import java.util.Locale;

/** How serious a code is. Declared from most to least severe; {@link #ordinal()} orders them. */
public enum Severity {
    CRITICAL,
    ERROR,
    WARNING,
    INFO;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in fields, JSON and configuration: {@code critical}, {@code error}, ... */
    public String id() {
        return id;
    }

    /** True when this severity is at least as serious as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    /** The severity named {@code id} (case-insensitive), or null when there is none. */
    public static Severity fromId(String id) {
        if (id == null) {
            return null;
        }
        for (Severity s : values()) {
            if (s.id.equalsIgnoreCase(id.trim())) {
                return s;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return id;
    }
}
