package io.github.humecodes.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Report on a small JMH result file written by hand; the expected figures are worked out in the comments. */
class ReportTest {
    private static final String JSON = "["
            // detector: values 10 12 11 13 9 -> sorted 9 10 11 12 13: median 11, Q1 10, Q3 12, half IQR 1.
            + "{\"benchmark\":\"io.github.humecodes.benchmarks.DetectorBenchmark.detector\",\"mode\":\"avgt\","
            + "\"threads\":1,\"forks\":2,\"jmhVersion\":\"1.37\",\"vmName\":\"VM\",\"vmVersion\":\"17\","
            + "\"warmupIterations\":2,\"warmupTime\":\"1 s\",\"measurementIterations\":3,\"measurementTime\":\"1 s\","
            + "\"params\":{\"length\":\"40\",\"hasCode\":\"false\"},"
            + "\"primaryMetric\":{\"score\":11.0,\"scoreUnit\":\"ns/op\",\"rawData\":[[10,12,11],[13,9]]},"
            + "\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":0.02,\"scoreUnit\":\"B/op\"}}},"
            // regex: 200 220 210 230 -> sorted: median (210+220)/2 = 215; Q1 at rank 0.75: 207.5;
            // Q3 at rank 2.25: 222.5; half IQR 7.5. Ratio 11 / 215 = 0.0512 <= 0.10: met. 312.5 B/op prints 313.
            + "{\"benchmark\":\"io.github.humecodes.benchmarks.DetectorBenchmark.regex\",\"mode\":\"avgt\","
            + "\"threads\":1,\"forks\":2,\"params\":{\"hasCode\":\"false\",\"length\":\"40\"},"
            + "\"primaryMetric\":{\"score\":215.0,\"scoreUnit\":\"ns/op\",\"rawData\":[[200,220],[210,230]]},"
            + "\"secondaryMetrics\":{\"\u00b7gc.alloc.rate.norm\":{\"score\":312.5,\"scoreUnit\":\"B/op\"}}},"
            // indexOf: one value, 5 -> ratio 11 / 5 = 2.2: missed.
            + "{\"benchmark\":\"io.github.humecodes.benchmarks.DetectorBenchmark.indexOf\",\"mode\":\"avgt\","
            + "\"threads\":1,\"forks\":1,\"params\":{\"hasCode\":\"false\",\"length\":\"40\"},"
            + "\"primaryMetric\":{\"score\":5.0,\"scoreUnit\":\"ns/op\",\"rawData\":[[5]]}},"
            // humeOnly coded: 41 39 45 -> median 41, not under 40: missed; 24 B/op: met.
            + "{\"benchmark\":\"io.github.humecodes.benchmarks.LogRecordBenchmark.humeOnly\",\"mode\":\"avgt\","
            + "\"threads\":1,\"forks\":1,\"params\":{\"hasCode\":\"true\"},"
            + "\"primaryMetric\":{\"score\":41.7,\"scoreUnit\":\"ns/op\",\"rawData\":[[41,39,45]]},"
            + "\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":24.0,\"scoreUnit\":\"B/op\"}}},"
            // throughput on 8 threads: hume 900 vs passThrough 1000 ops/s -> ratio 0.90, no target.
            + "{\"benchmark\":\"io.github.humecodes.benchmarks.AppenderThroughput8.hume\",\"mode\":\"thrpt\","
            + "\"threads\":8,\"forks\":1,\"params\":{\"hasCode\":\"true\"},"
            + "\"primaryMetric\":{\"score\":900,\"scoreUnit\":\"ops/s\",\"rawData\":[[900]]}},"
            + "{\"benchmark\":\"io.github.humecodes.benchmarks.AppenderThroughput8.passThrough\",\"mode\":\"thrpt\","
            + "\"threads\":8,\"forks\":1,\"params\":{\"hasCode\":\"true\"},"
            + "\"primaryMetric\":{\"score\":1000,\"scoreUnit\":\"ops/s\",\"rawData\":[[1000]]}}"
            + "]";

    private final List<Report.Result> results =
            Report.parse(JsonMapper.builder().build().readTree(JSON));

    @Test
    void mediansErrorsAndAllocationAreReadFromEveryForkAndIteration() {
        Report.Result detector = results.get(0);
        assertThat(detector.group).isEqualTo("DetectorBenchmark");
        assertThat(detector.method).isEqualTo("detector");
        assertThat(detector.values).containsExactly(10, 12, 11, 13, 9);
        assertThat(detector.median()).isEqualTo(11.0);
        assertThat(detector.error()).isEqualTo(1.0);
        assertThat(detector.bytesPerOp).isEqualTo(0.02);
        Report.Result regex = results.get(1);
        assertThat(regex.median()).isEqualTo(215.0);
        assertThat(regex.error()).isEqualTo(7.5);
        assertThat(regex.bytesPerOp).as("the key with JMH's middle dot").isEqualTo(312.5);
        assertThat(results.get(2).bytesPerOp).as("no -prof gc").isNaN();
    }

    @Test
    void comparisonsTakeTheBaselineWithTheSameParameters() {
        List<Report.Comparison> comparisons = Report.compare(results);
        Report.Comparison vsRegex = find(comparisons, "detector", "regex");
        assertThat(vsRegex.ratio).isCloseTo(11.0 / 215.0, within(1e-12));
        assertThat(vsRegex.met).isTrue();
        Report.Comparison vsIndexOf = find(comparisons, "detector", "indexOf");
        assertThat(vsIndexOf.ratio).isEqualTo(2.2, within(1e-12));
        assertThat(vsIndexOf.met).isFalse();
        Report.Comparison bytes = comparisons.stream()
                .filter(c -> c.rule.kind == Report.Rule.Kind.BYTES && c.candidate.method.equals("detector"))
                .findFirst()
                .orElseThrow();
        assertThat(bytes.met).as("0.02 B/op is JMH's own").isTrue();
        // No charLoop in the file: that comparison is left out rather than reported against nothing.
        assertThat(comparisons).noneMatch(c -> c.baseline != null && c.baseline.method.equals("charLoop"));

        Report.Comparison time = comparisons.stream()
                .filter(c -> c.rule.kind == Report.Rule.Kind.TIME && c.candidate.method.equals("humeOnly"))
                .findFirst()
                .orElseThrow();
        assertThat(time.met).isFalse();
        Report.Comparison allocation = comparisons.stream()
                .filter(c -> c.rule.kind == Report.Rule.Kind.BYTES && c.candidate.method.equals("humeOnly"))
                .findFirst()
                .orElseThrow();
        assertThat(allocation.met).isTrue();

        Report.Comparison throughput = find(comparisons, "hume", "passThrough");
        assertThat(throughput.ratio).isEqualTo(0.9, within(1e-12));
        assertThat(throughput.met).as("no target").isNull();
    }

    @Test
    void markdownHasATablePerGroupAndTheComparisons() {
        String md = Report.markdown(results, "- Machine: test\n", "run it", "Quick run.");
        assertThat(md)
                .contains(
                        "Quick run.",
                        "- Machine: test",
                        "- Command: `run it`",
                        "## DetectorBenchmark",
                        "## LogRecordBenchmark",
                        "## AppenderThroughput8");
        assertThat(md).contains("| detector | hasCode=false length=40 | 1 | 11.0 | 1.00 | ns/op | 0.02 |");
        assertThat(md).contains("| regex | hasCode=false length=40 | 1 | 215 | 7.50 | ns/op | 313 |");
        assertThat(md)
                .contains("| detector vs regex | hasCode=false length=40 | 11.0 ± 1.00 ns/op "
                        + "| 215 ± 7.50 ns/op | 0.05 | ≥ 10x faster (≤ 0.10) | met |");
        assertThat(md)
                .contains("| detector vs indexOf | hasCode=false length=40 | 11.0 ± 1.00 ns/op "
                        + "| 5.00 ± 0.00 ns/op | 2.20 | no slower (≤ 1.00) | **missed** |");
        assertThat(md)
                .contains("| humeOnly (absolute) | hasCode=true | 41.0 ± 1.50 ns/op | — | — | < 40 ns "
                        + "| **missed** |");
        assertThat(md)
                .contains("| humeOnly (allocation) | hasCode=true | 24.0 B/op | — | — "
                        + "| ≤ 2 allocations (≤ 48 B/op) | met |");
        assertThat(md)
                .contains("| hume vs passThrough | hasCode=true | 900 ± 0.00 ops/s | 1,000 ± 0.00 ops/s "
                        + "| 0.90 | — | — |");
    }

    @Test
    void quantilesInterpolateBetweenRanks() {
        assertThat(Report.quantile(new double[] {4, 1, 3, 2}, 0.5)).isEqualTo(2.5);
        assertThat(Report.quantile(new double[] {7}, 0.25)).isEqualTo(7);
        assertThat(Report.quantile(new double[] {1, 2, 3, 4, 5}, 0.75)).isEqualTo(4);
    }

    private static Report.Comparison find(List<Report.Comparison> all, String method, String baseline) {
        return all.stream()
                .filter(c ->
                        c.candidate.method.equals(method) && c.baseline != null && c.baseline.method.equals(baseline))
                .findFirst()
                .orElseThrow();
    }
}
