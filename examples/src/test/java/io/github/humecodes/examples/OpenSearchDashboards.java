package io.github.humecodes.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads the Kibana / OpenSearch Dashboards saved objects and the field names they use. */
final class OpenSearchDashboards {
    static final Path DIR = Path.of("dashboards", "opensearch");
    /** A field name in a KQL or Lucene query: what comes before a colon. */
    private static final Pattern QUERY_FIELD = Pattern.compile("([@A-Za-z_][\\w.@]*)\\s*:");

    private OpenSearchDashboards() {}

    static List<JsonNode> savedObjects() throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("humecodes-saved-objects.ndjson"))) {
            if (!line.isBlank()) {
                objects.add(DemoRun.JSON.readTree(line));
            }
        }
        return objects;
    }

    /**
     * Every field a saved object names: the index pattern's time field, aggregation fields of visualisations,
     * columns and sort fields of saved searches, and the fields in their queries.
     */
    static Set<String> referencedFields(List<JsonNode> objects) {
        Set<String> fields = new TreeSet<>();
        for (JsonNode object : objects) {
            JsonNode attributes = object.path("attributes");
            if (attributes.has("timeFieldName")) {
                fields.add(attributes.path("timeFieldName").asString());
            }
            if (attributes.has("visState")) {
                JsonNode visState =
                        DemoRun.JSON.readTree(attributes.path("visState").asString());
                for (JsonNode agg : visState.path("aggs")) {
                    if (agg.path("params").has("field")) {
                        fields.add(agg.path("params").path("field").asString());
                    }
                }
            }
            attributes.path("columns").forEach(c -> fields.add(c.asString()));
            attributes.path("sort").forEach(s -> fields.add(s.path(0).asString()));
            String searchSource = attributes
                    .path("kibanaSavedObjectMeta")
                    .path("searchSourceJSON")
                    .asString("");
            if (!searchSource.isEmpty()) {
                String query = DemoRun.JSON
                        .readTree(searchSource)
                        .path("query")
                        .path("query")
                        .asString("");
                Matcher m = QUERY_FIELD.matcher(query);
                while (m.find()) {
                    fields.add(m.group(1));
                }
            }
        }
        return fields;
    }
}
