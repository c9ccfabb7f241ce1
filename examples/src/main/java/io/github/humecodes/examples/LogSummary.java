package io.github.humecodes.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a JSON lines log file holds, read back: how many lines, how many carry {@code hume.category}, counts
 * by category and by severity, and the first enriched line without a stack trace of each category (in order of
 * appearance).
 *
 * <p>Immutable.
 */
record LogSummary(
        int lines,
        int enriched,
        Map<String, Integer> byCategory,
        Map<String, Integer> bySeverity,
        Map<String, String> samples) {
    static final String CATEGORY = "hume.category";
    static final String SEVERITY = "hume.severity";

    static LogSummary read(Path jsonl) throws IOException {
        JsonMapper mapper = JsonMapper.builder().build();
        int lines = 0;
        int enriched = 0;
        Map<String, Integer> byCategory = new TreeMap<>();
        Map<String, Integer> bySeverity = new TreeMap<>();
        Map<String, String> firstOfCategory = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                JsonNode event = mapper.readTree(line);
                JsonNode category = event.get(CATEGORY);
                if (category == null || !category.isString()) {
                    continue;
                }
                enriched++;
                byCategory.merge(category.asString(), 1, Integer::sum);
                JsonNode severity = event.get(SEVERITY);
                bySeverity.merge(severity == null ? "(none)" : severity.asString(), 1, Integer::sum);
                if (!event.has("stack_trace")) {
                    firstOfCategory.putIfAbsent(category.asString(), line);
                }
            }
        }
        return new LogSummary(
                lines,
                enriched,
                Collections.unmodifiableMap(byCategory),
                Collections.unmodifiableMap(bySeverity),
                Collections.unmodifiableMap(firstOfCategory));
    }
}
