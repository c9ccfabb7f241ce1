package io.github.humecodes.benchmarks;

import io.github.humecodes.Catalog;
import io.github.humecodes.Detection;
import io.github.humecodes.Detector;
import io.github.humecodes.RegexReferenceDetector;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The detector on one text, against the regex reading of the same rules and against the single-pass limit:
 * one {@code String.indexOf} of a character the text does not hold (a vectorized scan of every character),
 * and a plain loop reading every character once.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class DetectorBenchmark {
    @Param({"40", "200", "8000"})
    public int length;

    @Param({"false", "true"})
    public boolean hasCode;

    private String text;
    private Detector detector;
    private RegexReferenceDetector reference;

    @Setup
    public void setUp() {
        text = Texts.of(length, hasCode);
        detector = Detector.create();
        reference = new RegexReferenceDetector(Catalog.builtIn(), Detector.DEFAULT_MAX_SCAN_CHARS);
        check(detector, reference, text, hasCode);
    }

    /** Both detectors must agree on what the text holds, or the comparison means nothing. */
    static void check(Detector detector, RegexReferenceDetector reference, String text, boolean hasCode) {
        List<String> expected = hasCode ? List.of(Texts.CODE) : List.of();
        Detection d = detector.scan(text);
        List<String> found = d == null ? List.of() : List.of(d.primary().code());
        if (!found.equals(expected)
                || (d != null && d.size() != 1)
                || !reference.scan(text).codes.equals(expected)) {
            throw new IllegalStateException("expected " + expected + " in: " + text);
        }
        if (text.indexOf('\u0001') >= 0) {
            throw new IllegalStateException("the text holds the character indexOf looks for");
        }
    }

    @Benchmark
    public Detection detector() {
        return detector.scan(text);
    }

    @Benchmark
    public RegexReferenceDetector.Result regex() {
        return reference.scan(text);
    }

    @Benchmark
    public int indexOf() {
        return text.indexOf('\u0001');
    }

    @Benchmark
    public int charLoop() {
        String s = text;
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) == '\u0001') {
                return i;
            }
        }
        return -1;
    }
}
