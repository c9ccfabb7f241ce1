package io.github.humecodes.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.humecodes.Catalog;
import io.github.humecodes.HumeCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Grafana, Loki and Kibana files parse, ask only for fields the demo writes, and every alerting file
 * names only real categories, the same set in Prometheus, Loki and OpenSearch.
 */
class DashboardFieldsTest {
    private static final Path GRAFANA = Path.of("dashboards", "grafana");
    private static final Path LOKI_RULES = Path.of("alerts", "loki", "humecodes-loki-rules.yml");
    private static final Path MONITORS = Path.of("dashboards", "opensearch", "alerting");
    private static final Pattern CATEGORY_MATCHER = Pattern.compile("hume_category\\s*=\\s*\"(\\w+)\"");

    private static DemoRun demo;

    @BeforeAll
    static void runDemo() throws Exception {
        demo = DemoRun.shared();
    }

    @Test
    void lokiDashboardAsksOnlyForFieldsInTheDemosLogs() throws Exception {
        JsonNode dashboard = DemoRun.JSON.readTree(Files.readString(GRAFANA.resolve("humecodes-loki.json")));
        List<String> queries = GrafanaDashboards.queries(dashboard);
        assertThat(queries).hasSizeGreaterThanOrEqualTo(4).allSatisfy(q -> assertThat(q)
                .contains("| json"));
        Set<String> referenced = lokiFields(queries);
        assertThat(referenced).contains("hume_category", "hume_code", "hume_severity");
        assertThat(lokiLabelsOfDemoLogs()).containsAll(referenced);
    }

    @Test
    void lokiRulesAskOnlyForFieldsInTheDemosLogs() throws Exception {
        List<String> exprs = lokiRuleExpressions();
        assertThat(exprs).hasSize(14);
        Set<String> referenced = lokiFields(exprs);
        referenced.remove("job"); // the stream label the rules group by, not a log field
        assertThat(referenced).contains("hume_category", "hume_code");
        assertThat(lokiLabelsOfDemoLogs()).containsAll(referenced);
    }

    @Test
    void alertingFilesNameRealCategoriesAndAgree() throws Exception {
        Set<String> categories = Catalog.builtIn().codes().stream()
                .map(HumeCode::category)
                .collect(Collectors.toCollection(TreeSet::new));
        categories.add(HumeCode.UNKNOWN_CATEGORY);

        Set<String> prometheus = categoriesIn(Files.readString(PromtoolRulesTest.RULES));
        Set<String> loki = categoriesIn(String.join("\n", lokiRuleExpressions()));
        Set<String> opensearch = new TreeSet<>();
        try (Stream<Path> files = Files.list(MONITORS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode monitor = DemoRun.JSON.readTree(Files.readString(file));
                String category = monitor.path("inputs")
                        .path(0)
                        .path("search")
                        .path("query")
                        .path("query")
                        .path("bool")
                        .path("filter")
                        .path(0)
                        .path("term")
                        .path("hume.category")
                        .asString();
                assertThat(file.getFileName().toString()).isEqualTo(category + ".json");
                opensearch.add(category);
            }
        }
        assertThat(prometheus)
                .hasSize(14)
                .isSubsetOf(categories)
                .contains("billing", "service", "access", "custom_llm", "rate_limit");
        assertThat(loki).isEqualTo(prometheus);
        assertThat(opensearch).isEqualTo(prometheus);
    }

    @Test
    void savedObjectsParseAndTheirReferencesResolve() throws Exception {
        List<JsonNode> objects = OpenSearchDashboards.savedObjects();
        Set<String> ids = objects.stream()
                .map(o -> o.path("type").asString() + ":" + o.path("id").asString())
                .collect(Collectors.toSet());
        assertThat(ids)
                .contains("index-pattern:humecodes-logs", "dashboard:humecodes-dashboard", "search:humecodes-critical");
        for (JsonNode object : objects) {
            for (JsonNode reference : object.path("references")) {
                assertThat(ids)
                        .as("reference of %s", object.path("id").asString())
                        .contains(reference.path("type").asString() + ":"
                                + reference.path("id").asString());
            }
        }
        // Each embedded JSON string parses, and the fields they name include the hume.* keywords.
        assertThat(OpenSearchDashboards.referencedFields(objects))
                .contains("@timestamp", "hume.category", "hume.code", "hume.severity");
    }

    /** Names after {@code | json}: label filters, by (...) groupings and line_format fields. */
    static Set<String> lokiFields(List<String> queries) {
        Set<String> fields = new TreeSet<>();
        for (String query : queries) {
            Matcher template = Pattern.compile("\\{\\{\\s*\\.(\\w+)\\s*}}").matcher(query);
            while (template.find()) {
                fields.add(template.group(1));
            }
            String rest = query.replaceAll("line_format\\s+\"(?:[^\"\\\\]|\\\\.)*\"", "")
                    .replaceAll("\\$selector", "")
                    .replaceAll("\\{[^{}]*}", "") // stream selectors
                    .replaceAll("\\|[=~]\\s*\"(?:[^\"\\\\]|\\\\.)*\"", ""); // line filters
            Matcher filter = Pattern.compile("\\b([A-Za-z_]\\w*)\\s*(?:=~|!~|!=|=|>=|<=|>|<)\\s*\"")
                    .matcher(rest);
            while (filter.find()) {
                fields.add(filter.group(1));
            }
            Matcher by = Pattern.compile("\\bby\\s*\\(([^)]*)\\)").matcher(rest);
            while (by.find()) {
                for (String name : by.group(1).split(",")) {
                    if (!name.isBlank()) {
                        fields.add(name.trim());
                    }
                }
            }
        }
        return fields;
    }

    /** The labels Loki's {@code | json} extracts from the demo's log lines: nested keys joined and cleaned with _. */
    private static Set<String> lokiLabelsOfDemoLogs() {
        Set<String> labels = new HashSet<>();
        for (JsonNode line : demo.logs) {
            collectLokiLabels("", line, labels);
        }
        return labels;
    }

    private static void collectLokiLabels(String prefix, JsonNode node, Set<String> labels) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = prefix + field.getKey().replaceAll("[^A-Za-z0-9_]", "_");
            if (field.getValue().isObject()) {
                collectLokiLabels(name + "_", field.getValue(), labels);
            } else if (!field.getValue().isArray()) {
                labels.add(name);
            }
        }
    }

    private static List<String> lokiRuleExpressions() throws IOException {
        List<String> exprs = new ArrayList<>();
        for (String line : Files.readAllLines(LOKI_RULES)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("expr:")) {
                exprs.add(trimmed.substring("expr:".length()).trim());
            }
        }
        return exprs;
    }

    private static Set<String> categoriesIn(String text) {
        Set<String> categories = new TreeSet<>();
        Matcher m = CATEGORY_MATCHER.matcher(text);
        while (m.find()) {
            categories.add(m.group(1));
        }
        return categories;
    }
}
