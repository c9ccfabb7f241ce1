package io.github.humecodes.otel;

import io.opentelemetry.api.incubator.config.DeclarativeConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.ComponentProvider;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Exporters named {@code memory} for a declarative configuration file, so that the tests see what the exporters
 * the file configures receive. Each configuration read makes new ones.
 */
final class MemoryComponents {
    static volatile InMemorySpanExporter spans;
    static volatile InMemoryLogRecordExporter logs;
    static volatile InMemoryMetricExporter metrics;

    private MemoryComponents() {}

    public static final class Spans implements ComponentProvider {
        @Override
        public Class<?> getType() {
            return SpanExporter.class;
        }

        @Override
        public String getName() {
            return "memory";
        }

        @Override
        public Object create(DeclarativeConfigProperties config) {
            spans = InMemorySpanExporter.create();
            return spans;
        }
    }

    public static final class Logs implements ComponentProvider {
        @Override
        public Class<?> getType() {
            return LogRecordExporter.class;
        }

        @Override
        public String getName() {
            return "memory";
        }

        @Override
        public Object create(DeclarativeConfigProperties config) {
            logs = InMemoryLogRecordExporter.create();
            return logs;
        }
    }

    public static final class Metrics implements ComponentProvider {
        @Override
        public Class<?> getType() {
            return MetricExporter.class;
        }

        @Override
        public String getName() {
            return "memory";
        }

        @Override
        public Object create(DeclarativeConfigProperties config) {
            metrics = InMemoryMetricExporter.create();
            return metrics;
        }
    }
}
