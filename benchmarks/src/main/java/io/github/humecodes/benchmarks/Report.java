package io.github.humecodes.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns JMH's JSON results ({@code -rf json}) into BENCHMARKS.md: per benchmark the median of every measured
 * iteration of every fork, half the interquartile range as its error, the allocation per operation
 * ({@code -prof gc}), and each comparison the project targets as a ratio against its baseline of the same run.
 *
 * <pre>java -cp benchmarks.jar io.github.humecodes.benchmarks.Report jmh.json BENCHMARKS.md [--command CMD]
 *     [--note TEXT]</pre>
 */
public final class Report {
    /** One benchmark with one set of parameters. */
    static final class Result {
        final String group;
        final String method;
        final Map<String, String> params;
        final String mode;
        final String unit;
        final int threads;
        final int forks;
        final double[] values;
        /** Bytes allocated per operation, or NaN when the run had no {@code -prof gc}. */
        final double bytesPerOp;

        Result(
                String group,
                String method,
                Map<String, String> params,
                String mode,
                String unit,
                int threads,
                int forks,
                double[] values,
                double bytesPerOp) {
            this.group = group;
            this.method = method;
            this.params = params;
            this.mode = mode;
            this.unit = unit;
            this.threads = threads;
            this.forks = forks;
            this.values = values;
            this.bytesPerOp = bytesPerOp;
        }

        double median() {
            return quantile(values, 0.5);
        }

        /** Half the interquartile range: the error stated beside each median. */
        double error() {
            return (quantile(values, 0.75) - quantile(values, 0.25)) / 2;
        }

        boolean higherIsBetter() {
            return "thrpt".equals(mode);
        }

        String paramText() {
            if (params.isEmpty()) {
                return "";
            }
            StringBuilder b = new StringBuilder();
            params.forEach((k, v) ->
                    b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v));
            return b.toString();
        }
    }

    /**
     * A comparison of {@code method} with {@code baseline} (same group, same parameters), or an absolute bound
     * when {@code baseline} is null. {@code limit}: the largest time ratio (or time) that meets the target,
     * NaN for none. {@code when}: parameters the comparison is limited to (empty: all).
     */
    static final class Rule {
        /** What is compared: a time ratio, a time, or bytes allocated per operation. */
        enum Kind {
            RATIO,
            TIME,
            BYTES
        }

        final Kind kind;
        final String group;
        final String method;
        final String baseline;
        final Map<String, String> when;
        final double limit;
        final String target;

        Rule(String group, String method, String baseline, Map<String, String> when, double limit, String target) {
            this(baseline == null ? Kind.TIME : Kind.RATIO, group, method, baseline, when, limit, target);
        }

        Rule(
                Kind kind,
                String group,
                String method,
                String baseline,
                Map<String, String> when,
                double limit,
                String target) {
            this.kind = kind;
            this.group = group;
            this.method = method;
            this.baseline = baseline;
            this.when = when;
            this.limit = limit;
            this.target = target;
        }

        boolean applies(Result r) {
            if (!r.group.equals(group) || !r.method.equals(method)) {
                return false;
            }
            for (Map.Entry<String, String> e : when.entrySet()) {
                if (!e.getValue().equals(r.params.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Map<String, String> ALL = Map.of();
    private static final Map<String, String> CODE_FREE = Map.of("hasCode", "false");
    private static final Map<String, String> CODED = Map.of("hasCode", "true");

    /** The targets. Time ratios: candidate / baseline, so 0.10 means ten times faster. */
    static final List<Rule> RULES = List.of(
            new Rule("DetectorBenchmark", "detector", "regex", ALL, 0.10, "≥ 10x faster (≤ 0.10)"),
            // JMH's normalized allocation carries a few hundredths of a byte of its own per operation.
            new Rule(Rule.Kind.BYTES, "DetectorBenchmark", "detector", null, CODE_FREE, 0.5, "0 B/op (< 0.5)"),
            new Rule("DetectorBenchmark", "detector", "indexOf", ALL, 1.00, "no slower (≤ 1.00)"),
            new Rule("DetectorBenchmark", "detector", "charLoop", ALL, 1.00, "no slower (≤ 1.00)"),
            new Rule("CredentialsBenchmark", "flags", "fiveIndexOf", ALL, Double.NaN, "—"),
            new Rule("CredentialsBenchmark", "flags", "detector", ALL, Double.NaN, "—"),
            new Rule("EncoderBenchmark", "humeProvider", "plain", CODE_FREE, 1.03, "≤ +3% (≤ 1.03)"),
            new Rule("EncoderBenchmark", "humeProvider", "plain", CODED, 1.15, "≤ +15% (≤ 1.15)"),
            new Rule("EncoderBenchmark", "humeProvider", "plainWithFields", CODED, 1.15, "≤ +15% (≤ 1.15)"),
            new Rule("EncoderBenchmark", "humeProvider", "emptyProvider", ALL, Double.NaN, "—"),
            new Rule("AppenderBenchmark", "hume", "passThrough", CODE_FREE, 1.03, "≤ +3% (≤ 1.03)"),
            new Rule("AppenderBenchmark", "hume", "passThrough", CODED, 1.15, "≤ +15% (≤ 1.15)"),
            new Rule("AppenderBenchmark", "hume", "passThroughWithFields", CODED, 1.15, "≤ +15% (≤ 1.15)"),
            new Rule(
                    Rule.Kind.BYTES,
                    "AppenderBenchmark",
                    "hume",
                    null,
                    Map.of("hasCode", "false", "child", "count"),
                    0.5,
                    "credential check: 0 B/op (< 0.5)"),
            new Rule("AppenderBenchmark", "hume", "unredacted", ALL, Double.NaN, "—"),
            new Rule("TurboFilterBenchmark", "debugHume", "debugNone", ALL, 1.5, "≤ 1.5x (≤ 1.50)"),
            new Rule("TurboFilterBenchmark", "debugNeutral", "debugNone", ALL, Double.NaN, "— (Logback's floor)"),
            new Rule("TurboFilterBenchmark", "debugHume", "debugNeutral", ALL, Double.NaN, "—"),
            new Rule("TurboFilterBenchmark", "debugHume", "debugDuplicate", ALL, Double.NaN, "—"),
            new Rule("TurboFilterBenchmark", "infoHume", "infoNone", ALL, Double.NaN, "—"),
            new Rule("PipelineBenchmark", "appender", "plain", CODE_FREE, 1.05, "≤ +5% (≤ 1.05)"),
            new Rule("PipelineBenchmark", "appender", "plain", CODED, 1.5, "≤ 1.5x (≤ 1.50)"),
            new Rule("PipelineBenchmark", "provider", "plain", CODE_FREE, 1.05, "≤ +5% (≤ 1.05)"),
            new Rule("PipelineBenchmark", "provider", "plain", CODED, 1.5, "≤ 1.5x (≤ 1.50)"),
            new Rule("PipelineBenchmark", "passThrough", "plain", ALL, Double.NaN, "— (any wrapper's floor)"),
            new Rule("PipelineBenchmark", "appender", "passThrough", ALL, Double.NaN, "—"),
            new Rule("PipelineBenchmark", "plainWithFields", "plain", CODED, Double.NaN, "— (the fields' floor)"),
            new Rule("PipelineBenchmark", "appender", "plainWithFields", CODED, Double.NaN, "—"),
            new Rule("PipelineBenchmark", "provider", "plainWithFields", CODED, Double.NaN, "—"),
            new Rule("PipelineBenchmark", "unredacted", "plain", ALL, Double.NaN, "—"),
            new Rule("PipelineBenchmark", "appender", "unredacted", ALL, Double.NaN, "—"),
            new Rule("PipelineBenchmark", "masker", "plain", ALL, Double.NaN, "—"),
            // Spans: against the same pipeline without humecodes; snapshot is what reading a span's copy costs.
            new Rule(
                    "SpanBenchmark",
                    "hume",
                    "plain",
                    Map.of("hasCode", "false", "pipeline", "simple"),
                    1.10,
                    "≤ +10% (≤ 1.10)"),
            new Rule(
                    "SpanBenchmark",
                    "hume",
                    "plain",
                    Map.of("hasCode", "false", "pipeline", "batch"),
                    1.05,
                    "≤ +5% (≤ 1.05)"),
            new Rule("SpanBenchmark", "hume", "plain", CODED, Double.NaN, "—"),
            new Rule("SpanBenchmark", "snapshot", "plain", CODE_FREE, Double.NaN, "—"),
            new Rule("SpanBenchmark", "hume", "snapshot", CODE_FREE, 1.05, "≤ +5% (≤ 1.05)"),
            new Rule("SpanBenchmark", "humeNoRedaction", "plain", ALL, Double.NaN, "—"),
            new Rule("OtlpSpanBenchmark", "hume", "plain", CODE_FREE, 1.03, "≤ +3% (≤ 1.03)"),
            new Rule("OtlpSpanBenchmark", "hume", "plain", CODED, Double.NaN, "—"),
            new Rule("OtlpSpanBenchmark", "humeNoRedaction", "plain", ALL, Double.NaN, "—"),
            new Rule("LogRecordBenchmark", "humeEmit", "plainEmit", ALL, Double.NaN, "—"),
            new Rule("LogRecordBenchmark", "humeOnly", null, CODED, 40, "< 40 ns"),
            new Rule(Rule.Kind.BYTES, "LogRecordBenchmark", "humeOnly", null, CODED, 48, "≤ 2 allocations (≤ 48 B/op)"),
            new Rule("LogRecordBenchmark", "humeOnly", null, CODE_FREE, Double.NaN, "—"),
            new Rule("LogRecordBenchmark", "humeEmitNoRedaction", "plainEmit", ALL, Double.NaN, "—"),
            new Rule("LogRecordBenchmark", "humeOnlyNoRedaction", null, ALL, Double.NaN, "—"),
            new Rule("AppenderThroughput1", "hume", "passThrough", ALL, Double.NaN, "—"),
            new Rule("AppenderThroughput2", "hume", "passThrough", ALL, Double.NaN, "—"),
            new Rule("AppenderThroughput8", "hume", "passThrough", ALL, Double.NaN, "—"));

    /** What each group measures, in one line. */
    private static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put(
                "DetectorBenchmark",
                "Detector.scan on one text (regex reference, String.indexOf and a "
                        + "plain char loop over the same text as baselines)");
        TITLES.put(
                "CredentialsBenchmark",
                "The credential check every text goes through (Credentials.flags) on texts holding no credential: "
                        + "an 84-character message, a request line with a URL, 2 KB of JSON; against five "
                        + "String.indexOf(String) passes (its first form) and the detector's scan, for scale");
        TITLES.put(
                "EncoderBenchmark",
                "LogstashEncoder.encode of one event, plain and with HumeJsonProvider; "
                        + "plainWithFields: the plain encoder on an event already carrying the five fields, i.e. the cost "
                        + "of writing them; emptyProvider: one more provider that writes nothing");
        TITLES.put(
                "AppenderBenchmark",
                "One event through HumeEnrichingAppender vs a pass-through wrapper "
                        + "(child: count = counts the event, json = LogstashEncoder); passThroughWithFields: an event already "
                        + "carrying the five fields, so that the child writes the same bytes; unredacted: "
                        + "HumeEnrichingAppender with redactCredentials off");
        TITLES.put(
                "TurboFilterBenchmark",
                "Logging calls debug(format, argument) (disabled) and info (enabled) "
                        + "with no turbo filter (None), a turbo filter that only returns NEUTRAL (Neutral: Logback's own cost "
                        + "of any turbo filter), DuplicateMessageFilter, HumeTurboFilter at its defaults");
        TITLES.put(
                "PipelineBenchmark",
                "A whole enabled logging call through LogstashEncoder into a stream that "
                        + "drops the bytes: plain (no humecodes component), passThrough (a wrapper appender that only passes "
                        + "the event on), plainWithFields (the pass-through adding the coded line's five fields, found "
                        + "beforehand: the floor of writing them), appender (HumeEnrichingAppender in front, redaction on), "
                        + "unredacted (the same, redactCredentials off), provider (HumeJsonProvider), masker (HumeValueMasker in the encoder's "
                        + "masking decorator)");
        TITLES.put(
                "SpanBenchmark",
                "Span start and end without humecodes (plain), with HumeSpanProcessor in "
                        + "front (hume) and with it not redacting credentials (humeNoRedaction), before pipeline simple "
                        + "(SimpleSpanProcessor, exporter does nothing) or batch (BatchSpanProcessor, exporter drops); "
                        + "snapshot: a processor that only takes the span's snapshot (toSpanData()) when it ends, what "
                        + "reading a span through its copy costs");
        TITLES.put(
                "OtlpSpanBenchmark",
                "What applications run: spans through BatchSpanProcessor and the OTLP/HTTP "
                        + "exporter serializing to a null sink, per span, export included (512 spans then a flush per "
                        + "invocation), without humecodes (plain), with HumeSpanProcessor (hume), and with it not redacting "
                        + "credentials (humeNoRedaction)");
        TITLES.put(
                "LogRecordBenchmark",
                "Log records: HumeLogRecordProcessor alone (humeOnly), and emitted "
                        + "through the SDK without and with it; NoRedaction: the processor not redacting credentials");
        TITLES.put(
                "AppenderThroughput1",
                "Throughput, 1 thread: HumeEnrichingAppender vs pass-through, " + "LogstashEncoder child");
        TITLES.put("AppenderThroughput2", "Throughput, 2 threads (shared appenders)");
        TITLES.put("AppenderThroughput8", "Throughput, 8 threads (shared appenders)");
    }

    private Report() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: Report JMH_JSON OUTPUT_MD [--command CMD] [--note TEXT]");
            System.exit(2);
        }
        String command = null;
        String note = null;
        for (int i = 2; i + 1 < args.length; i += 2) {
            if (args[i].equals("--command")) {
                command = args[i + 1];
            } else if (args[i].equals("--note")) {
                note = args[i + 1];
            }
        }
        String json = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        JsonNode root = JsonMapper.builder().build().readTree(json);
        List<Result> results = parse(root);
        String md = markdown(results, machine(root), command, note);
        Files.writeString(Path.of(args[1]), md, StandardCharsets.UTF_8);
        System.out.println("wrote " + args[1] + " (" + results.size() + " results)");
    }

    static List<Result> parse(JsonNode root) {
        List<Result> results = new ArrayList<>();
        for (JsonNode run : root) {
            String benchmark = run.get("benchmark").asString();
            String[] parts = benchmark.split("\\.");
            String method = parts[parts.length - 1];
            String group = parts[parts.length - 2];
            Map<String, String> params = new TreeMap<>();
            JsonNode p = run.get("params");
            if (p != null) {
                for (Map.Entry<String, JsonNode> e : p.properties()) {
                    params.put(e.getKey(), e.getValue().asString());
                }
            }
            JsonNode primary = run.get("primaryMetric");
            List<Double> values = new ArrayList<>();
            for (JsonNode fork : primary.get("rawData")) {
                for (JsonNode v : fork) {
                    values.add(v.asDouble());
                }
            }
            double bytes = Double.NaN;
            JsonNode secondary = run.get("secondaryMetrics");
            if (secondary != null) {
                // JMH writes the key without the middle dot it prints on the console; accept both.
                JsonNode norm = secondary.has("gc.alloc.rate.norm")
                        ? secondary.get("gc.alloc.rate.norm")
                        : secondary.get("\u00b7gc.alloc.rate.norm");
                if (norm != null) {
                    bytes = norm.get("score").asDouble();
                }
            }
            results.add(new Result(
                    group,
                    method,
                    params,
                    run.get("mode").asString(),
                    primary.get("scoreUnit").asString(),
                    run.get("threads").asInt(),
                    run.get("forks").asInt(),
                    values.stream().mapToDouble(Double::doubleValue).toArray(),
                    bytes));
        }
        return results;
    }

    /** The q-quantile with linear interpolation between the closest ranks (numpy's default, R's type 7). */
    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double rank = q * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }

    /** One comparison's row values, worked out; {@code ratio} NaN when the baseline is missing. */
    static final class Comparison {
        final Rule rule;
        final Result candidate;
        final Result baseline;
        final double ratio;
        /** True, false, or null when there is no target. */
        final Boolean met;

        Comparison(Rule rule, Result candidate, Result baseline) {
            this.rule = rule;
            this.candidate = candidate;
            this.baseline = baseline;
            this.ratio = baseline == null ? Double.NaN : candidate.median() / baseline.median();
            if (Double.isNaN(rule.limit) || (rule.kind == Rule.Kind.BYTES && Double.isNaN(candidate.bytesPerOp))) {
                met = null;
            } else if (rule.kind == Rule.Kind.BYTES) {
                met = candidate.bytesPerOp <= rule.limit;
            } else if (rule.kind == Rule.Kind.TIME) {
                met = candidate.median() < rule.limit;
            } else {
                met = baseline != null && ratio <= rule.limit;
            }
        }
    }

    static List<Comparison> compare(List<Result> results) {
        List<Comparison> out = new ArrayList<>();
        for (Rule rule : RULES) {
            for (Result r : results) {
                if (!rule.applies(r)) {
                    continue;
                }
                Result base = null;
                if (rule.baseline != null) {
                    for (Result b : results) {
                        if (b.group.equals(r.group) && b.method.equals(rule.baseline) && b.params.equals(r.params)) {
                            base = b;
                        }
                    }
                    if (base == null) {
                        continue;
                    }
                }
                out.add(new Comparison(rule, r, base));
            }
        }
        return out;
    }

    static String markdown(List<Result> results, String machine, String command, String note) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("JMH benchmarks of the `benchmarks/` module; `benchmarks/README.md` says how to run them, and "
                + "`docs/benchmarks.md` why the targets marked missed are missed. This file is written by "
                + "`io.github.humecodes.benchmarks.Report` from JMH's JSON results.\n\n");
        if (note != null && !note.isBlank()) {
            md.append(note.trim()).append("\n\n");
        }
        md.append(machine);
        if (command != null) {
            md.append("- Command: `").append(command).append("`\n");
        }
        md.append("\nEvery figure is the median of all measured iterations of all forks, ± half their "
                + "interquartile range. B/op is JMH's `gc.alloc.rate.norm` (`-prof gc`), the bytes allocated per "
                + "operation. Ratios divide medians of the same run: for times, candidate / baseline "
                + "(0.10 = ten times faster, 1.03 = 3% slower); for throughput, candidate / baseline ops/s.\n");

        List<Comparison> comparisons = compare(results);
        List<String> groups = new ArrayList<>(TITLES.keySet());
        for (Result r : results) {
            if (!groups.contains(r.group)) {
                groups.add(r.group);
            }
        }
        for (String group : groups) {
            List<Result> rows = new ArrayList<>();
            for (Result r : results) {
                if (r.group.equals(group)) {
                    rows.add(r);
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            md.append("\n## ").append(group).append("\n\n");
            md.append(TITLES.getOrDefault(group, group)).append(".\n\n");
            md.append("| benchmark | params | threads | median | ± error | unit | B/op |\n");
            md.append("|---|---|---:|---:|---:|---|---:|\n");
            for (Result r : rows) {
                md.append("| ")
                        .append(r.method)
                        .append(" | ")
                        .append(r.paramText())
                        .append(" | ")
                        .append(r.threads)
                        .append(" | ")
                        .append(number(r.median()))
                        .append(" | ")
                        .append(number(r.error()))
                        .append(" | ")
                        .append(r.unit)
                        .append(" | ")
                        .append(Double.isNaN(r.bytesPerOp) ? "—" : number(r.bytesPerOp))
                        .append(" |\n");
            }
            List<Comparison> here = new ArrayList<>();
            for (Comparison c : comparisons) {
                if (c.candidate.group.equals(group)) {
                    here.add(c);
                }
            }
            if (here.isEmpty()) {
                continue;
            }
            md.append("\n| comparison | params | candidate | baseline | ratio | target | met |\n");
            md.append("|---|---|---:|---:|---:|---|---|\n");
            for (Comparison c : here) {
                boolean bytes = c.rule.kind == Rule.Kind.BYTES;
                md.append("| ")
                        .append(c.candidate.method)
                        .append(
                                c.baseline == null
                                        ? bytes ? " (allocation)" : " (absolute)"
                                        : " vs " + c.baseline.method)
                        .append(" | ")
                        .append(c.candidate.paramText())
                        .append(" | ")
                        .append(bytes ? number(c.candidate.bytesPerOp) + " B/op" : withError(c.candidate))
                        .append(" | ")
                        .append(c.baseline == null ? "—" : withError(c.baseline))
                        .append(" | ")
                        .append(c.baseline == null ? "—" : String.format(Locale.ROOT, "%.2f", c.ratio))
                        .append(" | ")
                        .append(c.rule.target)
                        .append(" | ")
                        .append(c.met == null ? "—" : c.met ? "met" : "**missed**")
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    private static String withError(Result r) {
        return number(r.median()) + " ± " + number(r.error()) + " " + r.unit;
    }

    /** Three significant digits at least, no exponent, grouping for large numbers. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** The machine: CPU model and cores from /proc/cpuinfo where there is one, the JVM from the results. */
    static String machine(JsonNode root) {
        StringBuilder b = new StringBuilder();
        String cpu = "unknown";
        try {
            Path info = Path.of("/proc/cpuinfo");
            if (Files.isReadable(info)) {
                for (String line : Files.readAllLines(info)) {
                    if (line.startsWith("model name")) {
                        cpu = line.substring(line.indexOf(':') + 1).trim();
                        break;
                    }
                }
            }
        } catch (IOException e) {
            // leave unknown
        }
        b.append("- Machine: ")
                .append(cpu)
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores available to the JVM, ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append('\n');
        if (root.size() > 0) {
            JsonNode first = root.get(0);
            b.append("- JDK: ")
                    .append(first.path("vmName").asString("?"))
                    .append(' ')
                    .append(first.path("vmVersion").asString("?"))
                    .append(", JMH ")
                    .append(first.path("jmhVersion").asString("?"))
                    .append('\n');
            b.append("- JMH settings: ")
                    .append(first.path("forks").asInt())
                    .append(" fork(s), ")
                    .append(first.path("warmupIterations").asInt())
                    .append(" x ")
                    .append(first.path("warmupTime").asString("?"))
                    .append(" warmup, ")
                    .append(first.path("measurementIterations").asInt())
                    .append(" x ")
                    .append(first.path("measurementTime").asString("?"))
                    .append(" measurement\n");
        }
        return b.toString();
    }
}
