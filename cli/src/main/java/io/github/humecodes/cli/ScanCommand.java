package io.github.humecodes.cli;

import io.github.humecodes.Detection;
import io.github.humecodes.Detector;
import io.github.humecodes.HumeCode;
import io.github.humecodes.internal.HumeFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code scan [--jsonl] [--summary] [--catalog FILE] [--max-scan-chars N] [FILE...]}: the lines that carry a
 * code. Streams: memory stays constant whatever the size of the input.
 */
final class ScanCommand {
    static final Set<String> FLAGS = Set.of("--jsonl", "--summary");
    static final Set<String> VALUED = Set.of("--catalog", "--max-scan-chars");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Detector detector;
    private final boolean jsonl;
    private final boolean withFile;
    private final PrintStream out;
    /** Lines by the category, and by the code, of their primary code; bounded by the catalog's codes. */
    private final Map<String, Integer> byCategory = new TreeMap<>();

    private final Map<String, Integer> byCode = new TreeMap<>();
    private long lines;
    private long detections;

    private ScanCommand(Detector detector, boolean jsonl, boolean withFile, PrintStream out) {
        this.detector = detector;
        this.jsonl = jsonl;
        this.withFile = withFile;
        this.out = out;
    }

    static int run(Options options, InputStream stdin, PrintStream out, PrintStream err)
            throws Main.UsageException, Main.CommandException {
        int maxScanChars = options.positive("--max-scan-chars", Detector.DEFAULT_MAX_SCAN_CHARS);
        Detector detector = Detector.create(options.catalog(), maxScanChars);
        List<String> files = options.operands().isEmpty() ? List.of("-") : options.operands();
        for (String f : files) {
            if (!f.equals("-")) {
                Path p = path(f);
                if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                    throw new Main.CommandException(f + ": " + (Files.exists(p) ? "cannot be read" : "no such file"));
                }
            }
        }
        boolean jsonl = options.has("--jsonl");
        ScanCommand scan = new ScanCommand(detector, jsonl, files.size() > 1, out);
        for (String f : files) {
            // InputStreamReader replaces a byte that is not UTF-8 with U+FFFD, for files as for standard input: one
            // such byte in a log file must not hide the codes of every other line.
            try (Reader r = new InputStreamReader(
                    f.equals("-") ? stdin : Files.newInputStream(path(f)), StandardCharsets.UTF_8)) {
                scan.file(f.equals("-") ? "<stdin>" : f, new BoundedLineReader(r, maxScanChars));
            } catch (IOException | RuntimeException e) {
                out.flush();
                throw new Main.CommandException(f + ": cannot be read: " + e.getMessage());
            }
        }
        if (options.has("--summary")) {
            scan.summary(jsonl ? err : out);
        }
        return 0;
    }

    private static Path path(String f) throws Main.CommandException {
        try {
            return Path.of(f);
        } catch (InvalidPathException e) {
            throw new Main.CommandException(f + ": not a valid path");
        }
    }

    private void file(String name, BoundedLineReader reader) throws IOException {
        long number = 0;
        for (String line = reader.next(); line != null; line = reader.next()) {
            number++;
            lines++;
            Detection found = detector.scan(line);
            if (found != null) {
                detections++;
                HumeCode p = found.primary();
                byCategory.merge(p.category(), 1, Integer::sum);
                byCode.merge(p.code(), 1, Integer::sum);
                if (jsonl) {
                    out.println(json(name, number, found));
                } else {
                    out.println((withFile ? name + ":" : "") + number + ": " + line + "  " + annotation(found));
                }
            }
        }
    }

    private String json(String file, long number, Detection found) {
        ObjectNode o = JSON.createObjectNode();
        if (withFile) {
            o.put("file", file);
        }
        o.put("line", number);
        // Every code, even one alone; then the primary code's fields, named as everywhere else (bare names).
        ArrayNode codes = o.putArray(HumeFields.Field.CODES.id());
        for (String c : HumeFields.codes(found)) {
            codes.add(c);
        }
        for (HumeFields.Field f : HumeFields.ALL) {
            Object value = f == HumeFields.Field.CODES ? null : f.value(found);
            if (value instanceof Boolean) {
                o.put(f.id(), (Boolean) value);
            } else if (value != null) {
                o.put(f.id(), (String) value);
            }
        }
        return JSON.writeValueAsString(o);
    }

    /** {@code [hume.code=E0300 hume.category=billing hume.severity=critical]}, plus all codes when several. */
    static String annotation(Detection found) {
        HumeFields names = HumeFields.DEFAULT;
        StringBuilder s = new StringBuilder("[");
        for (HumeFields.Field f : List.of(
                HumeFields.Field.CODE, HumeFields.Field.CATEGORY, HumeFields.Field.SEVERITY, HumeFields.Field.CODES)) {
            Object value = f.value(found);
            if (value != null) {
                s.append(s.length() == 1 ? "" : " ")
                        .append(names.name(f))
                        .append('=')
                        .append(HumeFields.text(value));
            }
        }
        return s.append(']').toString();
    }

    private void summary(PrintStream to) {
        to.println("lines: " + lines + ", with a Hume code: " + detections);
        to.println("by category (primary code of each line):");
        byCategory.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> to.printf("  %-16s %d%n", e.getKey(), e.getValue()));
        to.println("by code:");
        byCode.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> to.printf("  %-16s %d%n", e.getKey(), e.getValue()));
    }
}
