package io.github.humecodes.examples;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads the queries out of a Grafana dashboard JSON. */
final class GrafanaDashboards {
    private GrafanaDashboards() {}

    /** Every panel target's expr (rows' panels included) and every query variable's query. */
    static List<String> queries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        collectPanels(dashboard.path("panels"), queries);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asString())) {
                queries.add(variable.path("query").asString());
            }
        }
        return queries;
    }

    private static void collectPanels(JsonNode panels, List<String> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asString());
            }
            collectPanels(panel.path("panels"), queries);
        }
    }
}
