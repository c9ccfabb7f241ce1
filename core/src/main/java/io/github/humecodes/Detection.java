package io.github.humecodes;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The codes found in one text, or in all the texts of one event. Immutable and thread-safe.
 *
 * <p>The {@linkplain #primary() primary} code is the most severe one; among equally severe codes, the one
 * found first. A detection of a single code is shared by every text that holds only that code, so finding it
 * allocates nothing.
 */
public final class Detection {
    private final HumeCode primary;
    /** Every distinct code in order of first appearance. */
    private final HumeCode[] codes;

    Detection(HumeCode only) {
        this.primary = only;
        this.codes = new HumeCode[] {only};
    }

    private Detection(HumeCode primary, HumeCode[] codes) {
        this.primary = primary;
        this.codes = codes;
    }

    /** The detection of {@code code} alone: the shared instance, so this allocates nothing. */
    static Detection of(HumeCode code) {
        return code.alone();
    }

    /** The most severe code, first found on ties. */
    public HumeCode primary() {
        return primary;
    }

    /** Every distinct code found, in order of first appearance (at least one). */
    public List<HumeCode> codes() {
        return Collections.unmodifiableList(Arrays.asList(codes));
    }

    /** How many distinct codes were found. */
    public int size() {
        return codes.length;
    }

    /** The code at {@code index} in order of first appearance. */
    public HumeCode code(int index) {
        return codes[index];
    }

    /** True when {@code code} is one of the codes found. */
    boolean contains(HumeCode code) {
        return indexOf(codes, codes.length, code) >= 0;
    }

    /**
     * The most distinct codes one detection holds. Real messages carry one or two; the bound keeps a text made
     * of thousands of codes from costing the logging thread more than a scan: beyond it, codes are dropped,
     * except that the primary code always has a place (the last one, when it comes later).
     */
    public static final int MAX_CODES = 32;

    /**
     * The codes of {@code first} followed by those of {@code second} that it lacks (at most {@link #MAX_CODES}).
     * Either may be null: the other is returned as it is, so merging into nothing allocates nothing.
     */
    static Detection merge(Detection first, Detection second) {
        if (first == null || first == second) {
            return second == null ? first : second;
        }
        if (second == null) {
            return first;
        }
        HumeCode[] all = Arrays.copyOf(first.codes, Math.min(MAX_CODES, first.codes.length + second.codes.length));
        int n = first.codes.length;
        HumeCode primary = first.primary;
        boolean changed = false;
        for (HumeCode c : second.codes) {
            if (indexOf(all, n, c) >= 0) {
                continue;
            }
            boolean moreSevere = c.severity().ordinal() < primary.severity().ordinal();
            if (n < all.length) {
                all[n++] = c;
            } else if (moreSevere) {
                all[n - 1] = c; // full: the primary takes the last place
            } else {
                continue;
            }
            changed = true;
            if (moreSevere) {
                primary = c;
            }
        }
        if (!changed) {
            return first;
        }
        return new Detection(primary, n == all.length ? all : Arrays.copyOf(all, n));
    }

    /** Adds one code found after those already held; used by the detector while it scans. */
    static Detection add(Detection soFar, HumeCode code) {
        return soFar == null ? code.alone() : merge(soFar, code.alone());
    }

    private static int indexOf(HumeCode[] codes, int length, HumeCode code) {
        for (int i = 0; i < length; i++) {
            if (codes[i] == code || codes[i].code().equals(code.code())) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "Detection" + Arrays.toString(codes);
    }
}
