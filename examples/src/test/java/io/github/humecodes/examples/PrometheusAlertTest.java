package io.github.humecodes.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A real Prometheus scrapes the running demo with the shipped rules loaded, and the billing alert fires;
 * the Grafana Prometheus dashboard asks only for series and labels Prometheus really holds.
 */
class PrometheusAlertTest {
    private static final Duration FIRING_DEADLINE = Duration.ofSeconds(90);
    /** How long each process may take to say which port it bound. */
    private static final Duration LISTEN_DEADLINE = Duration.ofSeconds(60);

    private static final Pattern DEMO_LISTENING =
            Pattern.compile("Serving metrics on http://127\\.0\\.0\\.1:(\\d+)/metrics");
    private static final Pattern PROMETHEUS_LISTENING =
            Pattern.compile("msg=\"Listening on\" address=127\\.0\\.0\\.1:(\\d+)");
    private static final int LINGER_SECONDS = 150;

    @Test
    void billingAlertFiresOnTheDemosMetrics() throws Exception {
        Path prometheus = ExternalTools.require("prometheus");
        Path dir = Files.createTempDirectory(Path.of("target"), "prometheus-").toAbsolutePath();
        Process demo = null;
        Process server = null;
        try {
            // Each server binds a port the system chooses and says which: nothing is guessed, nothing can take it
            // between.
            demo = DemoRun.start(
                    dir,
                    "--out",
                    dir.resolve("demo").toString(),
                    "--metrics-port",
                    "0",
                    "--linger",
                    String.valueOf(LINGER_SECONDS));
            String demoPort = Processes.awaitLine(demo, dir.resolve("console.txt"), DEMO_LISTENING, LISTEN_DEADLINE)
                    .group(1);
            Files.writeString(
                    dir.resolve("prometheus.yml"),
                    """
          global:
            scrape_interval: 1s
            evaluation_interval: 1s
          rule_files:
            - %s
          scrape_configs:
            - job_name: humecodes-demo
              static_configs:
                - targets: ["127.0.0.1:%s"]
          """.formatted(PromtoolRulesTest.RULES, demoPort),
                    StandardCharsets.UTF_8);
            server = new ProcessBuilder(
                            prometheus.toString(),
                            "--config.file=" + dir.resolve("prometheus.yml"),
                            "--storage.tsdb.path=" + dir.resolve("data"),
                            "--web.listen-address=127.0.0.1:0")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("prometheus.log").toFile())
                    .start();
            String prometheusPort = Processes.awaitLine(
                            server, dir.resolve("prometheus.log"), PROMETHEUS_LISTENING, LISTEN_DEADLINE)
                    .group(1);
            String api = "http://127.0.0.1:" + prometheusPort + "/api/v1/";

            JsonNode alert = awaitFiring(api, "HumeBilling", demo, server, dir);
            assertThat(alert.path("labels").path("severity").asString()).isEqualTo("page");
            assertThat(alert.path("labels").path("hume_category").asString()).isEqualTo("billing");
            assertThat(alert.path("labels").path("hume_code").asString()).isEqualTo("E0300");
            assertThat(alert.path("labels").path("job").asString()).isEqualTo("humecodes-demo");

            int scrapes = Http.get(
                            api + "query?query=" + Http.encode("count_over_time(up{job=\"humecodes-demo\"}[10m])"))
                    .json()
                    .path("data")
                    .path("result")
                    .path(0)
                    .path("value")
                    .path(1)
                    .asInt(-1);
            System.out.printf("HumeBilling fired after %d scrapes of the demo%n", scrapes);
            assertThat(scrapes).isPositive();

            assertGrafanaDashboardMatches(api);
        } finally {
            Processes.kill(server);
            Processes.kill(demo);
        }
    }

    /** Polls /api/v1/alerts until the alert is firing; fails with both processes' output at the deadline. */
    private static JsonNode awaitFiring(String api, String alertName, Process demo, Process server, Path dir)
            throws Exception {
        Instant deadline = Instant.now().plus(FIRING_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            assertThat(server.isAlive())
                    .as("prometheus runs; log:%n%s", read(dir.resolve("prometheus.log")))
                    .isTrue();
            assertThat(demo.isAlive())
                    .as("demo runs; console:%n%s", read(dir.resolve("console.txt")))
                    .isTrue();
            try {
                Http.Response response = Http.get(api + "alerts");
                if (response.status() == 200) {
                    for (JsonNode alert : response.json().path("data").path("alerts")) {
                        if (alertName.equals(
                                        alert.path("labels").path("alertname").asString())
                                && "firing".equals(alert.path("state").asString())) {
                            return alert;
                        }
                    }
                }
            } catch (ConnectException e) {
                // Prometheus is still starting.
            }
            Thread.sleep(500);
        }
        return fail(
                "%s did not fire before the deadline; prometheus log:%n%s%ndemo console:%n%s",
                alertName, read(dir.resolve("prometheus.log")), read(dir.resolve("console.txt")));
    }

    /** Every metric and label in the Grafana Prometheus dashboard is one Prometheus scraped from the demo. */
    private static void assertGrafanaDashboardMatches(String api) throws Exception {
        JsonNode series = Http.get(api + "series?match[]=" + Http.encode("{__name__=~\"hume_.+\"}"))
                .json()
                .path("data");
        Set<String> metrics = new TreeSet<>();
        Set<String> labels = new TreeSet<>();
        for (JsonNode s : series) {
            metrics.add(s.path("__name__").asString());
            s.propertyNames().forEach(labels::add);
        }
        assertThat(metrics).contains("hume_codes_total");
        assertThat(labels).contains("hume_code", "hume_category", "hume_severity", "job");

        String dashboard = Files.readString(Path.of("dashboards", "grafana", "humecodes-prometheus.json"));
        Set<String> referenced = new HashSet<>();
        for (String expr : GrafanaDashboards.queries(DemoRun.JSON.readTree(dashboard))) {
            Matcher m = Pattern.compile("\\b(hume_\\w+|job|instance)\\b").matcher(expr);
            while (m.find()) {
                referenced.add(m.group(1));
            }
        }
        assertThat(referenced).contains("hume_codes_total", "hume_category", "hume_code", "hume_severity");
        Set<String> known = new HashSet<>(metrics);
        known.addAll(labels);
        assertThat(known).containsAll(referenced);
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(none)";
        } catch (java.io.IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
