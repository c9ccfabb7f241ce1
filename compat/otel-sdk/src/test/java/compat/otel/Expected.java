package compat.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What the application's spans, log records and the hume.codes counter must hold, set up either way. */
final class Expected {
    static final AttributeKey<String> CODE = AttributeKey.stringKey("hume.code");
    static final AttributeKey<String> CATEGORY = AttributeKey.stringKey("hume.category");
    static final AttributeKey<String> SEVERITY = AttributeKey.stringKey("hume.severity");
    static final AttributeKey<String> DESCRIPTION = AttributeKey.stringKey("hume.description");
    static final AttributeKey<Boolean> RETRYABLE = AttributeKey.booleanKey("hume.retryable");
    static final AttributeKey<List<String>> CODES = AttributeKey.stringArrayKey("hume.codes");

    private Expected() {
    }

    static void spans(List<SpanData> spans) {
        Map<String, SpanData> byName = spans.stream().collect(Collectors.toMap(SpanData::getName, s -> s));
        assertEquals(List.of("evi.chat", "evi.close", "evi.plain"), byName.keySet().stream().sorted().toList());

        // The code of the recorded exception's cause, then the close code of a long attribute.
        SpanData failing = byName.get("evi.chat");
        Attributes a = failing.getAttributes();
        assertEquals("E0300", a.get(CODE), a::toString);
        assertEquals("billing", a.get(CATEGORY));
        assertEquals("critical", a.get(SEVERITY));
        assertEquals(Boolean.FALSE, a.get(RETRYABLE));
        assertTrue(a.get(DESCRIPTION).contains("credits"), a::toString);
        assertEquals(List.of("E0300", "1011"), a.get(CODES));
        assertEquals(StatusCode.ERROR, failing.getStatus().getStatusCode());
        assertEquals("E0300", failing.getStatus().getDescription());
        assertTypedAttributesKept(a);

        // A close code as a long attribute and nothing else.
        SpanData closed = byName.get("evi.close");
        a = closed.getAttributes();
        assertEquals("1011", a.get(CODE), a::toString);
        assertEquals("connection", a.get(CATEGORY));
        assertEquals("error", a.get(SEVERITY));
        assertEquals(Boolean.TRUE, a.get(RETRYABLE));
        assertNull(a.get(CODES));
        assertEquals(StatusCode.ERROR, closed.getStatus().getStatusCode());
        assertTypedAttributesKept(a);

        SpanData plain = byName.get("evi.plain");
        assertNoHumeAttributes(plain.getAttributes());
        assertEquals(StatusCode.UNSET, plain.getStatus().getStatusCode());
        assertTypedAttributesKept(plain.getAttributes());
    }

    /** The two records, the first with E0203 from its body when {@code enriched}, else both as emitted. */
    static void logRecords(List<LogRecordData> records, boolean enriched) {
        assertEquals(2, records.size(), records::toString);
        LogRecordData coded = records.get(0);
        assertEquals("hume(E0203): Your audio file was too long", coded.getBody().asString());
        Attributes a = coded.getAttributes();
        if (enriched) {
            assertEquals("E0203", a.get(CODE), a::toString);
            assertEquals("media", a.get(CATEGORY));
            assertEquals("error", a.get(SEVERITY));
            assertEquals(Boolean.FALSE, a.get(RETRYABLE));
            assertNull(a.get(CODES));
        } else {
            assertNoHumeAttributes(a);
        }
        assertTypedAttributesKept(a);
        assertNoHumeAttributes(records.get(1).getAttributes());
        assertTypedAttributesKept(records.get(1).getAttributes());
    }

    /** hume.codes points as "code signal=value", sorted. */
    static List<String> counts(Collection<MetricData> metrics) {
        Map<String, Long> out = new TreeMap<>();
        for (MetricData metric : metrics) {
            if (metric.getName().equals("hume.codes")) {
                for (LongPointData point : metric.getLongSumData().getPoints()) {
                    Attributes a = point.getAttributes();
                    out.merge(a.get(CODE) + " " + a.get(AttributeKey.stringKey("hume.signal")), point.getValue(),
                            Long::sum);
                }
            }
        }
        return out.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    static List<String> expectedCounts(boolean logs) {
        return logs ? List.of("1011 span=1", "E0203 log=1", "E0300 span=1") : List.of("1011 span=1", "E0300 span=1");
    }

    private static void assertNoHumeAttributes(Attributes a) {
        a.forEach((key, value) -> assertTrue(!key.getKey().startsWith("hume."), a::toString));
    }

    private static void assertTypedAttributesKept(Attributes a) {
        App.TYPED.forEach((key, value) -> assertEquals(value, a.get(key), key::getKey));
    }
}
