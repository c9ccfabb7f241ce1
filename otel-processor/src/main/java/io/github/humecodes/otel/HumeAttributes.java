package io.github.humecodes.otel;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.github.humecodes.Detection;
import io.github.humecodes.HumeCode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code hume.*} attribute keys and how a detection becomes attributes of a span or log record. The values
 * are the strings a {@link HumeCode} already holds, so enriching allocates nothing but the {@code hume.codes}
 * list (only when more than one code was found). Stateless and thread-safe.
 */
final class HumeAttributes {
    static final AttributeKey<String> CODE = stringKey("hume.code");
    static final AttributeKey<String> CATEGORY = stringKey("hume.category");
    static final AttributeKey<String> SEVERITY = stringKey("hume.severity");
    static final AttributeKey<String> DESCRIPTION = stringKey("hume.description");
    static final AttributeKey<Boolean> RETRYABLE = booleanKey("hume.retryable");
    static final AttributeKey<List<String>> CODES = stringArrayKey("hume.codes");

    private HumeAttributes() {
    }

    /** Adds the attributes of {@code found} that {@code span} does not have yet. */
    static void addTo(ReadWriteSpan span, Detection found) {
        write(span, found);
    }

    /** Adds the attributes of {@code found} that {@code record} does not have yet. */
    static void addTo(ReadWriteLogRecord record, Detection found) {
        write(record, found);
    }

    private static void write(Object target, Detection found) {
        HumeCode primary = found.primary();
        putIfAbsent(target, CODE, primary.code());
        putIfAbsent(target, CATEGORY, primary.category());
        putIfAbsent(target, SEVERITY, primary.severity().id());
        putIfAbsent(target, DESCRIPTION, primary.description());
        putIfAbsent(target, RETRYABLE, Boolean.valueOf(primary.retryable()));
        if (found.size() > 1) {
            putIfAbsent(target, CODES, codes(found));
        }
    }

    private static List<String> codes(Detection found) {
        List<String> codes = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            codes.add(found.code(i).code());
        }
        return codes;
    }

    // Spans and log records share no interface for attributes: one dispatch here keeps one list of fields above.
    private static <T> void putIfAbsent(Object target, AttributeKey<T> key, T value) {
        if (target instanceof ReadWriteSpan) {
            ReadWriteSpan span = (ReadWriteSpan) target;
            if (span.getAttribute(key) == null) {
                span.setAttribute(key, value);
            }
        } else {
            ReadWriteLogRecord record = (ReadWriteLogRecord) target;
            if (record.getAttribute(key) == null) {
                record.setAttribute(key, value);
            }
        }
    }
}
