package io.github.humecodes.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the span file written by {@link JsonlSpanExporter} holds: spans, spans with {@code hume.code}, spans
 * with status ERROR.
 *
 * <p>Immutable.
 */
record SpanSummary(int spans, int enriched, int errors) {
    static SpanSummary read(Path jsonl) throws IOException {
        JsonMapper mapper = JsonMapper.builder().build();
        int spans = 0;
        int enriched = 0;
        int errors = 0;
        try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode span = mapper.readTree(line);
                spans++;
                if (span.path("attributes").has("hume.code")) {
                    enriched++;
                }
                if ("ERROR".equals(span.path("status").path("code").asString(""))) {
                    errors++;
                }
            }
        }
        return new SpanSummary(spans, enriched, errors);
    }
}
