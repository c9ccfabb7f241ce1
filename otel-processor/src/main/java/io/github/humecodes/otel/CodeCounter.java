package io.github.humecodes.otel;

import io.github.humecodes.Catalog;
import io.github.humecodes.HumeCode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.MeterProvider;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code hume.codes} counter: one increment per span or log record carrying codes, with the
 * {@code hume.code}, {@code hume.category} and {@code hume.severity} of its primary code and {@code hume.signal}
 * ({@code span} or {@code log}), so that a failure both logged and on a span can be counted once. Codes the
 * catalog does not hold are counted as {@code hume.code=unknown}, so the number of series stays bounded by the
 * catalog. Thread-safe.
 */
final class CodeCounter {
    static final AttributeKey<String> SIGNAL = AttributeKey.stringKey("hume.signal");

    /** Where a code was found: the value of {@code hume.signal}. */
    enum Signal {
        SPAN("span"),
        LOG("log");

        final String id;

        Signal(String id) {
            this.id = id;
        }
    }

    static final String INSTRUMENTATION_SCOPE = "io.github.humecodes.otel";
    static final String NAME = "hume.codes";
    static final String UNIT = "{code}";
    static final String DESCRIPTION = "Spans and log records carrying a Hume code, by their primary code";
    static final String UNKNOWN_CODE = "unknown";
    /** Bound on the cached attribute sets; past it, attributes are built per increment. */
    static final int MAX_CACHED = 1024;

    private static final String FAMILIES = "EWI";

    private static final Signal[] SIGNALS = Signal.values();

    /** Catalog codes only; the sets of a code by {@link Signal#ordinal()}. */
    private final ConcurrentHashMap<HumeCode, Attributes[]> attributes = new ConcurrentHashMap<>();
    /** By family, then by signal. */
    private final Attributes[][] unknownByFamily = new Attributes[FAMILIES.length()][SIGNALS.length];
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

    void count(HumeCode primary, Signal signal) {
        LongCounter c = counter;
        if (c == null) {
            return;
        }
        c.add(1, primary.inCatalog() ? catalogAttributes(primary, signal) : unknownAttributes(primary, signal));
    }

    private Attributes catalogAttributes(HumeCode code, Signal signal) {
        Attributes[] sets = attributes.get(code);
        if (sets == null) {
            sets = attributesOf(code);
            if (attributes.size() < MAX_CACHED) {
                attributes.putIfAbsent(code, sets);
            }
        }
        return sets[signal.ordinal()];
    }

    /**
     * Unknown codes share one attribute set per family, so that thousands of distinct unknown codes neither fill
     * the cache nor allocate per increment: the catalog gives every unknown code of a family the same category
     * and severity, and the counter records its code as {@code unknown}.
     */
    private Attributes unknownAttributes(HumeCode code, Signal signal) {
        int family = FAMILIES.indexOf(code.code().charAt(0));
        if (family < 0) {
            return attributesOf(code, signal);
        }
        Attributes a = unknownByFamily[family][signal.ordinal()];
        if (a == null) {
            a = attributesOf(code, signal);
            unknownByFamily[family][signal.ordinal()] = a; // a benign race: every thread stores an equal set
        }
        return a;
    }

    /** How many codes the cache holds attribute sets for; for tests. */
    int cachedAttributeSets() {
        return attributes.size();
    }

    /** The sets of {@code code}, one per signal. */
    private static Attributes[] attributesOf(HumeCode code) {
        Attributes[] sets = new Attributes[SIGNALS.length];
        for (Signal signal : SIGNALS) {
            sets[signal.ordinal()] = attributesOf(code, signal);
        }
        return sets;
    }

    static Attributes attributesOf(HumeCode code, Signal signal) {
        return Attributes.of(
                HumeAttributes.CODE, code.inCatalog() ? code.code() : UNKNOWN_CODE,
                HumeAttributes.CATEGORY, code.category(),
                HumeAttributes.SEVERITY, code.severity().id(),
                SIGNAL, signal.id);
    }
}
