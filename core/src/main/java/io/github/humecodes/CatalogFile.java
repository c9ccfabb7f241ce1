package io.github.humecodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes catalog files (the JSON schema of {@link Catalog}) with Jackson, which the published jar
 * carries relocated inside, so that it never meets the application's own Jackson. Only override files and
 * {@link Catalog#writeJson} load this class: the built-in catalog needs no parser.
 */
final class CatalogFile {
    private static final Set<String> FIELDS =
            Set.of("code", "category", "severity", "description", "retryable", "slug");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private CatalogFile() {}

    private static boolean isCodeShape(String code) {
        if (code.length() == 5) {
            return Catalog.isFamily(code.charAt(0)) && Catalog.digits(code, 1, 5) >= 0;
        }
        if (code.length() == 4) {
            int n = Catalog.digits(code, 0, 4);
            return n >= Catalog.MIN_CLOSE_CODE && n <= Catalog.MAX_CLOSE_CODE;
        }
        return false;
    }

    /** Reads and checks every entry of a catalog file; {@code base} holds the entries it may change. */
    static List<HumeCode> parse(InputStream in, String source, Map<String, HumeCode> base) throws CatalogException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new CatalogException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new CatalogException(source + ": the file is empty");
        }
        if (!root.isObject()) {
            throw new CatalogException(source + ": expected an object {\"codes\": [...]}");
        }
        for (String name : root.propertyNames()) {
            if (!name.equals("codes")) {
                throw new CatalogException(source + ": unknown field \"" + name + "\" (expected only \"codes\")");
            }
        }
        JsonNode list = root.get("codes");
        if (list == null || !list.isArray()) {
            throw new CatalogException(source + ": \"codes\" must be an array of entries");
        }
        List<HumeCode> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String where = source + ": entry " + (i + 1);
            if (!node.isObject()) {
                throw new CatalogException(where + ": expected an object");
            }
            JsonNode codeNode = node.get("code");
            if (codeNode == null || !codeNode.isString()) {
                throw new CatalogException(where + ": \"code\" is missing or not a string");
            }
            String code = codeNode.stringValue();
            where += " (\"" + code + "\")";
            if (!isCodeShape(code)) {
                throw new CatalogException(where + ": not a Hume code: expected E, W or I and four digits"
                        + " (E0300), or a WebSocket close code from 1000 to 4999");
            }
            if (!seen.add(code)) {
                throw new CatalogException(where + ": duplicate code");
            }
            for (String name : node.propertyNames()) {
                if (!FIELDS.contains(name)) {
                    throw new CatalogException(where + ": unknown field \"" + name + "\" (expected one of "
                            + String.join(", ", new TreeSet<>(FIELDS)) + ")");
                }
            }
            HumeCode old = base.get(code);
            String category = text(node, "category", where, old == null ? null : old.category());
            if (!category.matches("[a-z][a-z0-9_]*")) {
                throw new CatalogException(
                        where + ": category \"" + category + "\" must be lower-case letters, digits and underscores");
            }
            String severityId = text(
                    node, "severity", where, old == null ? null : old.severity().id());
            Severity severity = Severity.fromId(severityId);
            if (severity == null) {
                throw new CatalogException(
                        where + ": severity \"" + severityId + "\" is not one of critical, error, warning, info");
            }
            String description = text(node, "description", where, old == null ? null : old.description());
            if (description.isBlank() || description.indexOf('\n') >= 0 || description.indexOf('\r') >= 0) {
                throw new CatalogException(where + ": description must be one non-empty line");
            }
            boolean retryable = old != null && old.retryable();
            JsonNode r = node.get("retryable");
            if (r != null) {
                if (!r.isBoolean()) {
                    throw new CatalogException(where + ": retryable must be true or false");
                }
                retryable = r.booleanValue();
            }
            String slug = old == null ? null : old.slug();
            JsonNode s = node.get("slug");
            if (s != null && !s.isNull()) {
                if (!s.isString() || !s.stringValue().matches("[a-z][a-z0-9_]*")) {
                    throw new CatalogException(where + ": slug must be lower-case letters, digits and underscores");
                }
                slug = s.stringValue();
            }
            entries.add(new HumeCode(code, category, severity, description, retryable, slug, true));
        }
        return entries;
    }

    private static String text(JsonNode entry, String field, String where, String inherited) throws CatalogException {
        JsonNode n = entry.get(field);
        if (n == null) {
            if (inherited == null) {
                throw new CatalogException(where + ": \"" + field + "\" is required for a code not in the catalog");
            }
            return inherited;
        }
        if (!n.isString()) {
            throw new CatalogException(where + ": \"" + field + "\" must be a string");
        }
        return n.stringValue();
    }

    static void write(List<HumeCode> codes, OutputStream out) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("codes");
        for (HumeCode c : codes) {
            ObjectNode o = list.addObject();
            o.put("code", c.code());
            o.put("category", c.category());
            o.put("severity", c.severity().id());
            o.put("description", c.description());
            o.put("retryable", c.retryable());
            if (c.slug() != null) {
                o.put("slug", c.slug());
            }
        }
        try {
            JSON.writeValue(out, root);
        } catch (JacksonException e) {
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        }
    }
}
