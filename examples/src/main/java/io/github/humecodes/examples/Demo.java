package io.github.humecodes.examples;

import ch.qos.logback.classic.LoggerContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The humecodes demo: simulated Hume traffic logged through Logback (logback.xml: turbo filter, enriching
 * appender, logstash-logback-encoder file, console) and traced with the OpenTelemetry SDK, configured by
 * autoconfigure with humecodes switched on by its SPI. Writes {@code logs.jsonl} and {@code spans.jsonl}
 * under {@code --out}, then prints what they hold.
 *
 * <p>{@code --metrics-port N} serves the metrics in Prometheus format on 127.0.0.1:N (with 0, on a free port the
 * system chooses; the console says which); {@code --linger S} keeps serving and producing traffic for S more
 * seconds. Everything is bounded: the demo stops by itself.
 */
public final class Demo {
    /** System property read by the demo's logback.xml: the directory of logs.jsonl. */
    static final String OUT_PROPERTY = "humecodes.demo.out";

    static final String LOGS_FILE = "logs.jsonl";
    static final String SPANS_FILE = "spans.jsonl";
    /** Pause between operations while lingering: about ten operations a second. */
    private static final long LINGER_PAUSE_MILLIS = 100;
    /** Categories whose sample lines the console shows first: a page, an expected lifecycle event, a warning nested in JSON. */
    private static final List<String> SHOWCASE = List.of("billing", "session", "no_result");

    private Demo() {}

    public static void main(String[] args) throws Exception {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(DemoOptions.USAGE);
            return;
        }
        run(options, System.out);
    }

    static void run(DemoOptions options, PrintStream console) throws IOException, InterruptedException {
        Path out = options.out().toAbsolutePath().normalize();
        Files.createDirectories(out);
        // Before the first logger: logback.xml places logs.jsonl under this directory.
        System.setProperty(OUT_PROPERTY, out.toString());

        console.printf(
                "humecodes demo: simulated Hume traffic (EVI chats, TTS requests, Expression Measurement streams),"
                        + " seed %d. Errors as the console appender prints them, code, category and severity in front:%n%n",
                options.seed());
        JsonlSpanExporter spans = new JsonlSpanExporter(out.resolve(SPANS_FILE));
        int operations = 0;
        try (MetricsEndpoint metrics =
                options.metricsPort() == DemoOptions.NO_METRICS ? null : MetricsEndpoint.start(options.metricsPort())) {
            if (metrics != null) {
                console.printf("Serving metrics on http://127.0.0.1:%d/metrics%n", metrics.port());
            }
            OpenTelemetrySdk sdk = openTelemetry(metrics, spans);
            try {
                Tracer tracer = sdk.getTracer("io.github.humecodes.examples");
                Workload workload = new Workload(tracer, options.seed());
                workload.start();
                for (Runnable op : workload.nextRound()) {
                    op.run();
                    operations++;
                }
                if (options.lingerSeconds() > 0) {
                    console.printf(
                            "Serving metrics and simulating traffic for %d more seconds...%n", options.lingerSeconds());
                    operations += linger(workload, Duration.ofSeconds(options.lingerSeconds()));
                }
            } finally {
                sdk.shutdown().join(10, TimeUnit.SECONDS);
                // Flush and close logs.jsonl before reading it back.
                if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
                    logback.stop();
                }
            }
        }
        report(options, out, operations, console);
    }

    private static OpenTelemetrySdk openTelemetry(MetricsEndpoint metrics, JsonlSpanExporter spans) {
        // Defaults only: OTEL_* environment variables and -Dotel.* system properties win over them.
        Map<String, String> defaults = Map.of(
                "otel.service.name", "humecodes-demo",
                "otel.traces.exporter", "none",
                "otel.metrics.exporter", "none",
                "otel.logs.exporter", "none");
        return AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> defaults)
                .addTracerProviderCustomizer(
                        (tracing, config) -> tracing.addSpanProcessor(SimpleSpanProcessor.create(spans)))
                .addMeterProviderCustomizer(
                        (meters, config) -> metrics == null ? meters : meters.registerMetricReader(metrics.reader()))
                .setResultAsGlobal()
                .disableShutdownHook() // run() shuts it down itself, before reading the files back
                .build()
                .getOpenTelemetrySdk();
    }

    private static int linger(Workload workload, Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        int operations = 0;
        while (true) {
            for (Runnable op : workload.nextRound()) {
                if (System.nanoTime() - deadline >= 0) {
                    return operations;
                }
                op.run();
                operations++;
                Thread.sleep(LINGER_PAUSE_MILLIS);
            }
        }
    }

    /** Three sample lines: the showcase categories when the run has them, else the first categories seen. */
    private static List<String> samples(LogSummary summary) {
        List<String> lines = new ArrayList<>();
        SHOWCASE.stream().map(summary.samples()::get).filter(Objects::nonNull).forEach(lines::add);
        summary.samples().values().stream()
                .filter(line -> !lines.contains(line))
                .forEach(lines::add);
        return lines.subList(0, Math.min(3, lines.size()));
    }

    private static void report(DemoOptions options, Path out, int operations, PrintStream console) throws IOException {
        Path logs = out.resolve(LOGS_FILE);
        if (!Files.isRegularFile(logs)) {
            console.printf(
                    "%nNo %s: the logback.xml in use does not write it (the demo's own writes it under --out).%n",
                    logs);
            return;
        }
        LogSummary summary = LogSummary.read(logs);
        SpanSummary spanSummary = SpanSummary.read(out.resolve(SPANS_FILE));
        console.println();
        console.printf("%d simulated Hume operations.%n", operations);
        console.println();
        console.println("A few enriched log lines from logs.jsonl:");
        samples(summary).forEach(line -> console.println("  " + line));
        console.println();
        console.printf("%d of %d log lines carry a Hume code. By category:%n", summary.enriched(), summary.lines());
        summary.byCategory().forEach((category, n) -> console.printf("  %-15s %4d%n", category, n));
        console.println("By severity:");
        summary.bySeverity().forEach((severity, n) -> console.printf("  %-15s %4d%n", severity, n));
        console.println();
        console.printf(
                "%d spans, %d with hume.code, %d with status ERROR.%n",
                spanSummary.spans(), spanSummary.enriched(), spanSummary.errors());
        console.println();
        console.println("Files:");
        console.println("  logs   " + logs);
        console.println("  spans  " + out.resolve(SPANS_FILE));
        console.println("Next: load them into OpenSearch or Grafana, see examples/dashboards/ and examples/alerts/.");
    }
}
