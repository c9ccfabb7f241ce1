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

    private static final String FAMILIES = "EWI";

    /** Catalog codes only. */
    private final ConcurrentHashMap<HumeCode, Attributes> attributes = new ConcurrentHashMap<>();
    private final Attributes[] unknownByFamily = new Attributes[FAMILIES.length()];
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
        c.add(1, primary.inCatalog() ? catalogAttributes(primary) : unknownAttributes(primary));
    }

    private Attributes catalogAttributes(HumeCode code) {
        Attributes a = attributes.get(code);
        if (a == null) {
            a = attributesOf(code);
            if (attributes.size() < MAX_CACHED) {
                attributes.putIfAbsent(code, a);
            }
        }
        return a;
    }

    /**
     * Unknown codes share one attribute set per family, so that thousands of distinct unknown codes neither fill
     * the cache nor allocate per increment: the catalog gives every unknown code of a family the same category
     * and severity, and the counter records its code as {@code unknown}.
     */
    private Attributes unknownAttributes(HumeCode code) {
        int family = FAMILIES.indexOf(code.code().charAt(0));
        if (family < 0) {
            return attributesOf(code);
        }
        Attributes a = unknownByFamily[family];
        if (a == null) {
            a = attributesOf(code);
            unknownByFamily[family] = a; // a benign race: every thread stores an equal set
        }
        return a;
    }

    /** How many attribute sets the cache holds; for tests. */
    int cachedAttributeSets() {
        return attributes.size();
    }

    static Attributes attributesOf(HumeCode code) {
        return Attributes.of(
                HumeAttributes.CODE, code.inCatalog() ? code.code() : UNKNOWN_CODE,
                HumeAttributes.CATEGORY, code.category(),
                HumeAttributes.SEVERITY, code.severity().id());
    }
}
