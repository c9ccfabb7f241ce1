package io.github.humecodes.otel;

import io.github.humecodes.Catalog;
import io.github.humecodes.HumeCode;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.MeterProvider;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code hume.codes} counter: one increment per span or log record carrying codes, with the
 * {@code hume.code}, {@code hume.category} and {@code hume.severity} of its primary code. Codes the catalog does
 * not hold are counted as {@code hume.code=unknown}, so the number of series stays bounded by the catalog.
 * Thread-safe.
 */
final class CodeCounter {
    static final String INSTRUMENTATION_SCOPE = "io.github.humecodes.otel";
    static final String NAME = "hume.codes";
    static final String UNIT = "{code}";
    static final String DESCRIPTION = "Spans and log records carrying a Hume code, by their primary code";
    static final String UNKNOWN_CODE = "unknown";
    /** Bound on the cached attribute sets; past it, attributes are built per increment. */
    static final int MAX_CACHED = 1024;

    private final ConcurrentHashMap<HumeCode, Attributes> attributes = new ConcurrentHashMap<>();
    /** Null until bound to a meter provider: autoconfigure binds it once the SDK is built. */
    private volatile LongCounter counter;

    private CodeCounter() {
    }

    /** A counter not yet bound to a meter provider: counts nothing until {@link #bind}. */
    static CodeCounter unbound() {
        return new CodeCounter();
    }

    static CodeCounter create(MeterProvider meterProvider, Catalog catalog) {
        CodeCounter c = new CodeCounter();
        c.bind(meterProvider, catalog);
        return c;
    }

    void bind(MeterProvider meterProvider, Catalog catalog) {
        for (HumeCode code : catalog.codes()) {
            attributes.putIfAbsent(code, attributesOf(code));
        }
        counter = meterProvider.meterBuilder(INSTRUMENTATION_SCOPE).build()
                .counterBuilder(NAME).setUnit(UNIT).setDescription(DESCRIPTION).build();
    }

    void count(HumeCode primary) {
        LongCounter c = counter;
        if (c == null) {
            return;
        }
        Attributes a = attributes.get(primary);
        if (a == null) {
            a = attributesOf(primary);
            if (attributes.size() < MAX_CACHED) {
                attributes.putIfAbsent(primary, a);
            }
        }
        c.add(1, a);
    }

    static Attributes attributesOf(HumeCode code) {
        return Attributes.of(
                HumeAttributes.CODE, code.inCatalog() ? code.code() : UNKNOWN_CODE,
                HumeAttributes.CATEGORY, code.category(),
                HumeAttributes.SEVERITY, code.severity().id());
    }
}
