package io.github.humecodes.spring;

import io.github.humecodes.HumeCode;
import io.github.humecodes.internal.HumeFields;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@code hume.codes} counter in Micrometer (Prometheus: {@code hume_codes_total}), for log events: tags
 * {@code hume.code}, {@code hume.category}, {@code hume.severity} of the primary code and {@code hume.signal=log},
 * the names and tags of the OpenTelemetry counter, so the shipped rules and dashboards read either. Codes the
 * catalog lacks are counted as {@code hume.code=unknown}: the number of series stays bounded by the catalog.
 * Spring Boot binds it to its registry like Micrometer's own {@code LogbackMetrics}; closing it (with the
 * application context) stops the counting. Thread-safe.
 */
final class HumeCodesMetrics implements MeterBinder, AutoCloseable {
    private final List<Counts> bound = new CopyOnWriteArrayList<>();

    @Override
    public void bindTo(MeterRegistry registry) {
        Counts counts = new Counts(registry);
        bound.add(counts);
        LogbackInstaller.addSink(counts);
    }

    @Override
    public void close() {
        for (Counts counts : bound) {
            LogbackInstaller.removeSink(counts);
        }
        bound.clear();
    }

    /** The counter series of one registry. */
    private static final class Counts implements Consumer<HumeCode> {
        /** Past this many codes (an override catalog may add many), counters are looked up in the registry. */
        private static final int MAX_CACHED = 1024;

        private final MeterRegistry registry;
        /** By catalog entry: each code, and each unknown code met, is one entry of the catalog. */
        private final Map<HumeCode, Counter> counters = new ConcurrentHashMap<>();

        Counts(MeterRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void accept(HumeCode code) {
            Counter counter = counters.get(code);
            if (counter == null) {
                counter = Counter.builder(HumeFields.METRIC_NAME)
                        .description(HumeFields.METRIC_DESCRIPTION)
                        .tag(HumeFields.METRIC_CODE, code.inCatalog() ? code.code() : HumeFields.UNKNOWN_CODE)
                        .tag(HumeFields.METRIC_CATEGORY, code.category())
                        .tag(HumeFields.METRIC_SEVERITY, code.severity().id())
                        .tag(HumeFields.METRIC_SIGNAL, HumeFields.SIGNAL_LOG)
                        .register(registry);
                if (counters.size() < MAX_CACHED) {
                    counters.putIfAbsent(code, counter);
                }
            }
            counter.increment();
        }
    }
}
