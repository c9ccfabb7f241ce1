package io.github.humecodes.otel;

import io.github.humecodes.Catalog;
import io.github.humecodes.HumeCode;
import io.github.humecodes.internal.HumeFields;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.MeterProvider;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code hume.codes} counter ({@link HumeFields#METRIC_NAME}): one increment per span or log record carrying
 * codes, with the {@code hume.code}, {@code hume.category} and {@code hume.severity} of its primary code and
 * {@code hume.signal} ({@code span} or {@code log}), so that a failure both logged and on a span can be counted
 * once. Codes the catalog does not hold are counted as {@code hume.code=unknown}, so the number of series stays
 * bounded by the catalog. Each increment reuses an attribute set made once per code and signal. Thread-safe.
 */
final class CodeCounter {
    static final String INSTRUMENTATION_SCOPE = "io.github.humecodes.otel";
    static final AttributeKey<String> CODE = AttributeKey.stringKey(HumeFields.METRIC_CODE);
    static final AttributeKey<String> CATEGORY = AttributeKey.stringKey(HumeFields.METRIC_CATEGORY);
    static final AttributeKey<String> SEVERITY = AttributeKey.stringKey(HumeFields.METRIC_SEVERITY);
    static final AttributeKey<String> SIGNAL = AttributeKey.stringKey(HumeFields.METRIC_SIGNAL);

    /** Where a code was found: the value of {@code hume.signal}. */
    enum Signal {
        SPAN(HumeFields.SIGNAL_SPAN),
        LOG(HumeFields.SIGNAL_LOG);

        final String id;

        Signal(String id) {
            this.id = id;
        }
    }

    private static final String FAMILIES = "EWI";
    private static final Signal[] SIGNALS = Signal.values();

    /**
     * The sets of each catalog code, by {@link Signal#ordinal()}: filled from the catalog when bound, so it holds at
     * most the codes of the catalogs in use. Unknown codes never enter it.
     */
    private final ConcurrentHashMap<HumeCode, Attributes[]> catalogSets = new ConcurrentHashMap<>();
    /**
     * The sets of unknown codes, by family ({@code E}, {@code W}, {@code I}: the only letters a code the catalog
     * lacks can start with), then by signal. The catalog gives every unknown code of a family the same category
     * and severity, and the counter records its code as {@code unknown}, so thousands of distinct unknown codes
     * share three sets.
     */
    private final Attributes[][] unknownSets = new Attributes[FAMILIES.length()][SIGNALS.length];
    /** Null until bound to a meter provider: autoconfigure binds it once the SDK is built. */
    private volatile LongCounter counter;

    private CodeCounter() {}

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
            catalogSets.computeIfAbsent(code, CodeCounter::setsOf);
        }
        counter = meterProvider
                .meterBuilder(INSTRUMENTATION_SCOPE)
                .build()
                .counterBuilder(HumeFields.METRIC_NAME)
                .setUnit(HumeFields.METRIC_UNIT)
                .setDescription(HumeFields.METRIC_DESCRIPTION)
                .build();
    }

    void count(HumeCode primary, Signal signal) {
        LongCounter c = counter;
        if (c == null) {
            return;
        }
        Attributes attributes;
        if (primary.inCatalog()) {
            attributes = catalogSets.computeIfAbsent(primary, CodeCounter::setsOf)[signal.ordinal()];
        } else {
            Attributes[] family = unknownSets[FAMILIES.indexOf(primary.code().charAt(0))];
            attributes = family[signal.ordinal()];
            if (attributes == null) {
                attributes = attributesOf(primary, signal);
                family[signal.ordinal()] = attributes; // a benign race: every thread stores an equal set
            }
        }
        c.add(1, attributes);
    }

    /** The sets of {@code code}, one per signal. */
    private static Attributes[] setsOf(HumeCode code) {
        Attributes[] sets = new Attributes[SIGNALS.length];
        for (Signal signal : SIGNALS) {
            sets[signal.ordinal()] = attributesOf(code, signal);
        }
        return sets;
    }

    private static Attributes attributesOf(HumeCode code, Signal signal) {
        return Attributes.of(
                CODE,
                code.inCatalog() ? code.code() : HumeFields.UNKNOWN_CODE,
                CATEGORY,
                code.category(),
                SEVERITY,
                code.severity().id(),
                SIGNAL,
                signal.id);
    }
}
