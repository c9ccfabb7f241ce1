package io.github.humecodes.examples;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each finished span as one JSON object per line: name, trace and span ids, status, attributes and
 * events. A stand-in for an OTLP exporter that needs no collector, so the demo's spans can be read back.
 *
 * <p>Thread-safe: export, flush and shutdown are synchronized on the exporter.
 */
final class JsonlSpanExporter implements SpanExporter {
    private static final Logger LOG = Logger.getLogger(JsonlSpanExporter.class.getName());

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final BufferedWriter out;
    private boolean closed;

    JsonlSpanExporter(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> spans) {
        if (closed) {
            return CompletableResultCode.ofFailure();
        }
        try {
            for (SpanData span : spans) {
                out.write(mapper.writeValueAsString(toMap(span)));
                out.newLine();
            }
            out.flush();
            return CompletableResultCode.ofSuccess();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not write spans", e);
            return CompletableResultCode.ofFailure();
        }
    }

    static Map<String, Object> toMap(SpanData span) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", span.getName());
        json.put("trace_id", span.getTraceId());
        json.put("span_id", span.getSpanId());
        if (span.getParentSpanContext().isValid()) {
            json.put("parent_span_id", span.getParentSpanId());
        }
        json.put("kind", span.getKind().name());
        json.put("start_epoch_nanos", span.getStartEpochNanos());
        json.put("end_epoch_nanos", span.getEndEpochNanos());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("code", span.getStatus().getStatusCode().name());
        if (!span.getStatus().getDescription().isEmpty()) {
            status.put("description", span.getStatus().getDescription());
        }
        json.put("status", status);
        json.put("attributes", attributes(span.getAttributes()));
        List<Map<String, Object>> events =
                span.getEvents().stream().map(JsonlSpanExporter::event).toList();
        if (!events.isEmpty()) {
            json.put("events", events);
        }
        return json;
    }

    private static Map<String, Object> event(EventData event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", event.getName());
        json.put("attributes", attributes(event.getAttributes()));
        return json;
    }

    private static Map<String, Object> attributes(Attributes attributes) {
        Map<String, Object> json = new LinkedHashMap<>();
        attributes.forEach((AttributeKey<?> key, Object value) -> json.put(key.getKey(), value));
        return json;
    }

    @Override
    public synchronized CompletableResultCode flush() {
        try {
            if (!closed) {
                out.flush();
            }
            return CompletableResultCode.ofSuccess();
        } catch (IOException e) {
            return CompletableResultCode.ofFailure();
        }
    }

    @Override
    public synchronized CompletableResultCode shutdown() {
        if (closed) {
            return CompletableResultCode.ofSuccess();
        }
        closed = true;
        try {
            out.close();
            return CompletableResultCode.ofSuccess();
        } catch (IOException e) {
            return CompletableResultCode.ofFailure();
        }
    }
}
