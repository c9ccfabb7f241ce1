package io.github.humecodes.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.humecodes.Catalog;
import io.github.humecodes.Detector;
import io.github.humecodes.HumeCode;
import io.github.humecodes.internal.HumeFields;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code hume.codes} counter's series stay bounded by the catalog whatever codes arrive: every catalog code
 * and every code of Hume's numbering the catalog lacks (about 3,000 of them), a million spans; codes outside
 * Hume's numbering ({@code E1165}) are not counted at all.
 */
@Tag("stress")
class MetricCardinalityTest {
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final int SPANS = 1_000_000;

    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private final SdkMeterProvider meterProvider =
            SdkMeterProvider.builder().registerMetricReader(metrics).build();
    private final CodeCounter counter = CodeCounter.create(meterProvider, CATALOG);
    private final Detector detector = Detector.create();

    @AfterEach
    void shutDown() {
        meterProvider.shutdown();
    }

    /** Every E, W and I code of the catalog, then every one the catalog lacks; close codes are sent apart. */
    private static List<String> allCodes() {
        List<String> codes = new ArrayList<>();
        for (HumeCode c : CATALOG.codes()) {
            if (!c.isCloseCode()) {
                codes.add(c.code());
            }
        }
        for (char family : new char[] {'E', 'W', 'I'}) {
            for (int n = 0; n < 1_000; n++) { // inside Hume's numbering: a 0 after the letter
                String code = family + String.format("%04d", n);
                if (!CATALOG.lookup(code).inCatalog()) {
                    codes.add(code);
                }
            }
        }
        return codes;
    }

    private static long total(Collection<MetricData> all) {
        long sum = 0;
        for (MetricData m : all) {
            for (LongPointData p : m.getLongSumData().getPoints()) {
                sum += p.getValue();
            }
        }
        return sum;
    }

    private void assertBounded(long expectedTotal, String signal) {
        Collection<MetricData> all = metrics.collectAllMetrics();
        assertThat(all).singleElement().satisfies(m -> assertThat(m.getName()).isEqualTo("hume.codes"));
        Set<Attributes> sets = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (LongPointData p : all.iterator().next().getLongSumData().getPoints()) {
            sets.add(p.getAttributes());
            codes.add(p.getAttributes().get(CodeCounter.CODE));
            // The SDK's own overflow series would mean the cardinality limit was hit.
            assertThat(p.getAttributes().size()).isEqualTo(4);
            assertThat(p.getAttributes().get(CodeCounter.SIGNAL)).isEqualTo(signal);
        }
        assertThat(total(all)).isEqualTo(expectedTotal);
        // Every catalog code was seen, plus "unknown".
        assertThat(codes).hasSize(CATALOG.codes().size() + 1).contains(HumeFields.UNKNOWN_CODE);
        // Unknown codes keep the category and severity of their family: E, W and I give three sets.
        assertThat(sets).hasSize(CATALOG.codes().size() + 3);
    }

    @Test
    void aMillionSpansWithThreeThousandDistinctCodesKeepTheSeriesBounded() {
        List<String> codes = allCodes();
        assertThat(codes).hasSizeGreaterThan(2_900);
        SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
                .addSpanProcessor(HumeSpanProcessor.builder()
                        .setDetector(detector)
                        .setCounter(counter)
                        .build())
                .build();
        try {
            Tracer tracer = tracerProvider.get("test");
            for (int i = 0; i < SPANS; i++) {
                Span span = tracer.spanBuilder("call").startSpan();
                span.setAttribute("evi.code", codes.get(i % codes.size()));
                span.end();
            }
            for (long close : new long[] {1000, 1008, 1011}) {
                Span span = tracer.spanBuilder("ws").startSpan();
                span.setAttribute("websocket.close.code", close);
                span.end();
            }
            for (String other : new String[] {"E1165", "I2510", "W9999"}) {
                Span span = tracer.spanBuilder("other numbering").startSpan();
                span.setAttribute("evi.code", other);
                span.end();
            }
        } finally {
            tracerProvider.shutdown();
        }
        assertBounded(SPANS + 3, "span");
    }

    @Test
    void logRecordsWithEveryCodeKeepTheSeriesBounded() {
        List<String> codes = allCodes();
        SdkLoggerProvider loggerProvider = SdkLoggerProvider.builder()
                .addLogRecordProcessor(HumeLogRecordProcessor.builder()
                        .setDetector(detector)
                        .setCounter(counter)
                        .build())
                .build();
        int records = 2 * codes.size();
        try {
            Logger logger = loggerProvider.get("test");
            for (int i = 0; i < records; i++) {
                logger.logRecordBuilder()
                        .setBody("hume(" + codes.get(i % codes.size()) + "): failed")
                        .emit();
            }
            for (long close : new long[] {1000, 1008, 1011}) {
                logger.logRecordBuilder()
                        .setBody("socket closed with close code " + close)
                        .emit();
            }
        } finally {
            loggerProvider.shutdown();
        }
        assertBounded(records + 3, "log");
    }
}
