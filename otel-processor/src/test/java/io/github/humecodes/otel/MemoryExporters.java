package io.github.humecodes.otel;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.logs.ConfigurableLogRecordExporterProvider;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Exporters named {@code memory} for {@code otel.traces.exporter} and {@code otel.logs.exporter}, so that the
 * tests see what an exporter configured by autoconfigure (behind its batch processor) receives.
 */
final class MemoryExporters {
    static volatile InMemorySpanExporter spans;
    static volatile InMemoryLogRecordExporter logs;

    private MemoryExporters() {}

    public static final class Spans implements ConfigurableSpanExporterProvider {
        @Override
        public SpanExporter createExporter(ConfigProperties config) {
            spans = InMemorySpanExporter.create();
            return spans;
        }

        @Override
        public String getName() {
            return "memory";
        }
    }

    public static final class Logs implements ConfigurableLogRecordExporterProvider {
        @Override
        public LogRecordExporter createExporter(ConfigProperties config) {
            logs = InMemoryLogRecordExporter.create();
            return logs;
        }

        @Override
        public String getName() {
            return "memory";
        }
    }
}
