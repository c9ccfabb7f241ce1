package io.github.humecodes.otel;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.AutoConfigureListener;

/**
 * Adds {@link HumeSpanProcessor}, {@link HumeLogRecordProcessor} and the {@code hume.codes} counter to an SDK
 * built by autoconfigure (also under the Java agent), as the {@code otel.hume.*} properties say:
 * {@code otel.hume.enabled} (default true), {@code otel.hume.catalog} (an override file),
 * {@code otel.hume.mark-error-status} (default true), {@code otel.hume.metrics.enabled} (default true) and
 * {@code otel.hume.max-scan-chars}. Environment variables {@code OTEL_HUME_*} work as for every SDK property.
 *
 * <p>The processors are added first in their pipelines, so the log record exporters see the attributes
 * ({@code addSpanProcessorFirst} and {@code addLogRecordProcessorFirst}: SDK 1.50.0 or later, Java agent 2.16.0
 * or later). The
 * meter provider exists only once the SDK is built: the counter is bound then, through
 * {@link AutoConfigureListener}. Registered in {@code META-INF/services}; the SDK makes one instance per
 * autoconfiguration. Thread-safe.
 */
public final class HumeAutoConfigurationProvider implements AutoConfigurationCustomizerProvider,
        AutoConfigureListener {
    private volatile Setup setup;

    @Override
    public void customize(AutoConfigurationCustomizer customizer) {
        Setup s = new Setup();
        setup = s;
        customizer.addTracerProviderCustomizer((tracing, config) -> {
            HumeConfig c = s.config(config);
            if (c.enabled) {
                tracing.addSpanProcessorFirst(HumeSpanProcessor.builder().setDetector(c.detector)
                        .setMarkErrorStatus(c.markErrorStatus).setCounter(s.counter(c)).build());
            }
            return tracing;
        });
        customizer.addLoggerProviderCustomizer((logging, config) -> {
            HumeConfig c = s.config(config);
            if (c.enabled) {
                logging.addLogRecordProcessorFirst(HumeLogRecordProcessor.builder().setDetector(c.detector)
                        .setCounter(s.counter(c)).build());
            }
            return logging;
        });
    }

    @Override
    public void afterAutoConfigure(OpenTelemetrySdk sdk) {
        Setup s = setup;
        if (s != null) {
            s.bind(sdk);
        }
    }

    /** What one autoconfiguration shares between its tracer and logger providers. */
    private static final class Setup {
        private final CodeCounter counter = CodeCounter.unbound();
        private HumeConfig config;

        synchronized HumeConfig config(ConfigProperties properties) {
            if (config == null) {
                config = HumeConfig.read(properties);
            }
            return config;
        }


        CodeCounter counter(HumeConfig c) {
            return c.metricsEnabled ? counter : null;
        }

        synchronized void bind(OpenTelemetrySdk sdk) {
            if (config != null && config.metricsEnabled) {
                counter.bind(sdk.getMeterProvider(), config.detector.catalog());
            }
        }
    }
}
