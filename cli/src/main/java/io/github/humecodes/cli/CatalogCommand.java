package io.github.humecodes.cli;

import io.github.humecodes.Catalog;
import io.github.humecodes.HumeCode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code catalog [--format json|markdown] [--catalog FILE]}: the effective catalog. */
final class CatalogCommand {
    static final Set<String> FLAGS = Set.of();
    static final Set<String> VALUED = Set.of("--format", "--catalog");

    /** Categories in the order of the design's table; an override's own categories follow. */
    static final List<String> CATEGORY_ORDER = List.of(
            "billing",
            "access",
            "rate_limit",
            "request",
            "media",
            "not_found",
            "config",
            "custom_llm",
            "llm_provider",
            "tool",
            "session",
            "timeout",
            "content_policy",
            "generation",
            "no_result",
            "service",
            "connection");

    private CatalogCommand() {}

    static int run(Options options, PrintStream out) throws Main.UsageException, Main.CommandException {
        if (!options.operands().isEmpty()) {
            throw new Main.UsageException(
                    "unexpected argument '" + options.operands().get(0) + "'");
        }
        String format = options.value("--format", "json");
        if (!format.equals("json") && !format.equals("markdown")) {
            throw new Main.UsageException("--format must be json or markdown, was '" + format + "'");
        }
        Catalog catalog = options.catalog();
        if (format.equals("json")) {
            catalog.writeJson(out);
            out.println();
        } else {
            out.print(markdown(catalog));
        }
        return 0;
    }

    /** The catalog as a Markdown table, grouped by category in the design's order. */
    static String markdown(Catalog catalog) {
        Map<String, List<HumeCode>> byCategory = new LinkedHashMap<>();
        for (String category : CATEGORY_ORDER) {
            byCategory.put(category, new ArrayList<>());
        }
        for (HumeCode c : catalog.codes()) {
            byCategory.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(c);
        }
        StringBuilder md = new StringBuilder();
        md.append("| code | category | severity | retryable | description |\n");
        md.append("|---|---|---|---|---|\n");
        for (List<HumeCode> codes : byCategory.values()) {
            for (HumeCode c : codes) {
                md.append("| `")
                        .append(c.code())
                        .append("` | ")
                        .append(c.category())
                        .append(" | ")
                        .append(c.severity().id())
                        .append(" | ")
                        .append(c.retryable() ? "yes" : "no")
                        .append(" | ")
                        .append(c.description().replace("|", "\\|"))
                        .append(" |\n");
            }
        }
        return md.toString();
    }
}
