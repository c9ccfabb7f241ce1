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
    public static Detection of(HumeCode code) {
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
    public boolean contains(HumeCode code) {
        return indexOf(codes, codes.length, code) >= 0;
    }

    /**
     * The codes of {@code first} followed by those of {@code second} that it lacks. Either may be null: the
     * other is returned as it is, so merging into nothing allocates nothing.
     */
    public static Detection merge(Detection first, Detection second) {
        if (first == null || first == second) {
            return second == null ? first : second;
        }
        if (second == null) {
            return first;
        }
        HumeCode[] all = Arrays.copyOf(first.codes, first.codes.length + second.codes.length);
        int n = first.codes.length;
        for (HumeCode c : second.codes) {
            if (indexOf(all, n, c) < 0) {
                all[n++] = c;
            }
        }
        if (n == first.codes.length) {
            return first;
        }
        HumeCode primary = second.primary.severity().ordinal() < first.primary.severity().ordinal()
                ? second.primary : first.primary;
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
