package io.github.humecodes.otel;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.github.humecodes.Detection;
import io.github.humecodes.HumeCode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The {@code hume.*} attribute keys and how a detection becomes attributes of a span or log record. The values
 * are the strings a {@link HumeCode} already holds, so enriching allocates little: the check of the names already
 * present and the {@code hume.codes} list (only when more than one code was found). Stateless and thread-safe.
 */
final class HumeAttributes {
    static final AttributeKey<String> CODE = stringKey("hume.code");
    static final AttributeKey<String> CATEGORY = stringKey("hume.category");
    static final AttributeKey<String> SEVERITY = stringKey("hume.severity");
    static final AttributeKey<String> DESCRIPTION = stringKey("hume.description");
    static final AttributeKey<Boolean> RETRYABLE = booleanKey("hume.retryable");
    static final AttributeKey<List<String>> CODES = stringArrayKey("hume.codes");
    private static final String PREFIX = "hume.";
    private static final List<AttributeKey<?>> KEYS = List.of(CODE, CATEGORY, SEVERITY, DESCRIPTION, RETRYABLE, CODES);

    private HumeAttributes() {
    }

    /**
     * Adds the attributes of {@code found} that {@code span} does not have yet; {@code existing} are its
     * attributes before (those of its snapshot).
     */
    static void addTo(ReadWriteSpan span, Attributes existing, Detection found) {
        write(span, present(existing), found);
    }

    /** Adds the attributes of {@code found} that {@code record}, holding {@code existing}, does not have yet. */
    static void addTo(ReadWriteLogRecord record, Attributes existing, Detection found) {
        write(record, present(existing), found);
    }

    private static void write(Object target, int present, Detection found) {
        HumeCode primary = found.primary();
        putIfAbsent(target, present, 0, CODE, primary.code());
        putIfAbsent(target, present, 1, CATEGORY, primary.category());
        putIfAbsent(target, present, 2, SEVERITY, primary.severity().id());
        putIfAbsent(target, present, 3, DESCRIPTION, primary.description());
        putIfAbsent(target, present, 4, RETRYABLE, Boolean.valueOf(primary.retryable()));
        if (found.size() > 1) {
            putIfAbsent(target, present, 5, CODES, codes(found));
        }
    }

    /**
     * Which of the {@code hume.*} names {@code existing} holds, as bits by position in {@link #KEYS}, whatever the
     * type of the value: the SDK keeps one value per name, so setting {@code hume.category} as a string would
     * replace an application's boolean {@code hume.category}.
     */
    private static int present(Attributes existing) {
        if (existing.isEmpty()) {
            return 0;
        }
        // One small visitor rather than a capturing lambda and a holder array: one allocation per record, not two.
        Present present = new Present();
        existing.forEach(present);
        return present.bits;
    }

    /** Collects the bits of {@link #present}. Not thread-safe; one per call. */
    private static final class Present implements BiConsumer<AttributeKey<?>, Object> {
        int bits;

        @Override
        public void accept(AttributeKey<?> key, Object value) {
            String name = key.getKey();
            if (name.startsWith(PREFIX)) {
                for (int i = 0; i < KEYS.size(); i++) {
                    if (KEYS.get(i).getKey().equals(name)) {
                        bits |= 1 << i;
                    }
                }
            }
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
    private static <T> void putIfAbsent(Object target, int present, int index, AttributeKey<T> key, T value) {
        if ((present & (1 << index)) != 0) {
            return;
        }
        if (target instanceof ReadWriteSpan) {
            ((ReadWriteSpan) target).setAttribute(key, value);
        } else {
            ((ReadWriteLogRecord) target).setAttribute(key, value);
        }
    }
}
