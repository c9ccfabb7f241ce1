package io.github.humecodes.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensearch.http.HttpServerTransport;
import tools.jackson.databind.JsonNode;

/**
 * A real single OpenSearch node on loopback gets the shipped index template and the demo's logs.jsonl; the
 * mapping, the aggregations, the saved objects and the alerting monitors' queries are checked against it.
 */
class OpenSearchTest {
    private static final String INDEX = "humecodes-demo";

    private static OpenSearchRunner runner;
    private static String url;
    private static DemoRun demo;

    @BeforeAll
    static void startNodeAndIndexTheDemo() throws Exception {
        demo = DemoRun.shared();
        Path home = Files.createTempDirectory(Path.of("target"), "opensearch-").toAbsolutePath();
        runner = new OpenSearchRunner();
        runner.onBuild((number, settings) -> {
            settings.put("network.host", "127.0.0.1");
            // Ports the system chooses, read back below: none is guessed, so none can be taken in between.
            settings.put("http.port", "0");
            settings.put("transport.port", "0");
            settings.put("discovery.type", "single-node");
            settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        });
        runner.build(OpenSearchRunner.newConfigs()
                .basePath(home.toString())
                .numOfNode(1)
                .clusterName("humecodes-test")
                .disableESLogger());
        runner.ensureYellow();
        int httpPort = runner.node()
                .injector()
                .getInstance(HttpServerTransport.class)
                .boundAddress()
                .publishAddress()
                .getPort();
        url = "http://127.0.0.1:" + httpPort;

        String template = Files.readString(OpenSearchDashboards.DIR.resolve("humecodes-index-template.json"));
        Http.Response put = Http.send("PUT", url + "/_index_template/humecodes", "application/json", template);
        assertThat(put.status()).as(put.body()).isEqualTo(200);

        StringBuilder bulk = new StringBuilder();
        for (String line : Files.readAllLines(demo.out.resolve(Demo.LOGS_FILE), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                bulk.append("{\"index\":{}}\n").append(line).append('\n');
            }
        }
        Http.Response indexed =
                Http.send("POST", url + "/" + INDEX + "/_bulk?refresh=true", "application/x-ndjson", bulk.toString());
        assertThat(indexed.status()).as(indexed.body()).isEqualTo(200);
        assertThat(indexed.json().path("errors").asBoolean()).as(indexed.body()).isFalse();
    }

    @AfterAll
    static void stopNode() throws Exception {
        if (runner != null) {
            runner.close();
            runner.clean();
        }
    }

    @Test
    void templateMapsTheHumeFieldsAsKeywordsAndABoolean() throws Exception {
        JsonNode hume = mapping().path("hume").path("properties");
        for (String keyword : List.of("code", "category", "severity", "description", "codes")) {
            assertThat(hume.path(keyword).path("type").asString())
                    .as("hume." + keyword)
                    .isEqualTo("keyword");
        }
        assertThat(hume.path("retryable").path("type").asString()).isEqualTo("boolean");
    }

    @Test
    void categoryAggregationCountsWhatTheFileHolds() throws Exception {
        Map<String, Integer> expected = new TreeMap<>();
        for (JsonNode line : demo.logs) {
            if (line.path("hume.category").isString()) {
                expected.merge(line.path("hume.category").asString(), 1, Integer::sum);
            }
        }
        assertThat(expected).isNotEmpty();

        Map<String, Integer> actual = terms("hume.category");
        System.out.println("OpenSearch terms on hume.category: " + actual);
        assertThat(actual).isEqualTo(expected);
        assertThat(count("{\"query\":{\"match_all\":{}}}")).isEqualTo(demo.logs.size());
    }

    @Test
    void retryableIsSearchableAsABoolean() throws Exception {
        long expected = demo.logs.stream()
                .filter(l -> l.path("hume.retryable").isBoolean()
                        && l.path("hume.retryable").asBoolean())
                .count();
        assertThat(count("{\"query\":{\"term\":{\"hume.retryable\":true}}}")).isEqualTo(expected);
    }

    @Test
    void savedObjectsUseOnlyMappedFields() throws Exception {
        Set<String> mapped = new HashSet<>();
        flatten("", mapping(), mapped);
        Set<String> referenced = OpenSearchDashboards.referencedFields(OpenSearchDashboards.savedObjects());
        assertThat(referenced).isNotEmpty();
        assertThat(mapped).containsAll(referenced);
        // And the demo's documents really hold each of them: the panels are not empty.
        for (String field : referenced) {
            assertThat(count("{\"query\":{\"exists\":{\"field\":\"" + field + "\"}}}"))
                    .as(field)
                    .isPositive();
        }
    }

    @Test
    void eachMonitorQueryRunsAndFindsItsCategory() throws Exception {
        // Monitors query the 5 minutes before period_end; here period_end is just after the demo's last event.
        Instant last = demo.logs.stream()
                .map(l -> Instant.parse(l.path("@timestamp").asString()))
                .max(Instant::compareTo)
                .orElseThrow();
        String periodEnd = String.valueOf(last.toEpochMilli() + 1000);
        try (Stream<Path> files = Files.list(OpenSearchDashboards.DIR.resolve("alerting"))) {
            for (Path file : files.sorted().toList()) {
                JsonNode monitor = DemoRun.JSON.readTree(Files.readString(file));
                JsonNode input = monitor.path("inputs").path(0).path("search");
                assertThat(input.path("indices").path(0).asString()).isEqualTo("humecodes-*");
                String query =
                        DemoRun.JSON.writeValueAsString(input.path("query")).replace("{{period_end}}", periodEnd);
                JsonNode filters =
                        input.path("query").path("query").path("bool").path("filter");
                String category =
                        filters.path(0).path("term").path("hume.category").asString();
                String severity =
                        filters.path(1).path("term").path("hume.severity").asString(null);
                long expected = demo.logs.stream()
                        .filter(l -> category.equals(l.path("hume.category").asString(null)))
                        .filter(l -> severity == null
                                || severity.equals(l.path("hume.severity").asString(null)))
                        .count();
                Http.Response response = Http.send("POST", url + "/humecodes-*/_search", "application/json", query);
                assertThat(response.status())
                        .as("%s: %s", file, response.body())
                        .isEqualTo(200);
                assertThat(response.json()
                                .path("hits")
                                .path("total")
                                .path("value")
                                .asLong())
                        .as("monitor %s", file.getFileName())
                        .isEqualTo(expected);
            }
        }
    }

    private static JsonNode mapping() throws Exception {
        Http.Response response = Http.get(url + "/" + INDEX + "/_mapping");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path(INDEX).path("mappings").path("properties");
    }

    private static void flatten(String prefix, JsonNode properties, Set<String> fields) {
        for (Map.Entry<String, JsonNode> field : properties.properties()) {
            String name = prefix + field.getKey();
            fields.add(name);
            flatten(name + ".", field.getValue().path("properties"), fields);
            flatten(name + ".", field.getValue().path("fields"), fields);
        }
    }

    private static Map<String, Integer> terms(String field) throws Exception {
        String body = "{\"size\":0,\"aggs\":{\"t\":{\"terms\":{\"field\":\"" + field + "\",\"size\":100}}}}";
        Http.Response response = Http.send("POST", url + "/" + INDEX + "/_search", "application/json", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode bucket : response.json().path("aggregations").path("t").path("buckets")) {
            counts.put(bucket.path("key").asString(), bucket.path("doc_count").asInt());
        }
        return counts;
    }

    private static long count(String query) throws Exception {
        Http.Response response = Http.send("POST", url + "/" + INDEX + "/_count", "application/json", query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("count").asLong();
    }
}
