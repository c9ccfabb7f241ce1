package io.github.humecodes.otel;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.AutoConfigureListener;
import io.opentelemetry.sdk.logs.SdkLoggerProviderBuilder;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Adds {@link HumeSpanProcessor}, {@link HumeLogRecordProcessor} and the {@code hume.codes} counter to an SDK
 * built by autoconfigure (also under the Java agent), as the {@code otel.hume.*} properties say:
 * {@code otel.hume.enabled} (default true), {@code otel.hume.catalog} (an override file),
 * {@code otel.hume.mark-error-status} (default true), {@code otel.hume.metrics.enabled} (default true),
 * {@code otel.hume.redact-credentials} (default true) and {@code otel.hume.max-scan-chars}. Environment variables
 * {@code OTEL_HUME_*} work as for every SDK property. Once the SDK is built, one INFO line through
 * java.util.logging says what was added and which catalog serves.
 *
 * <p>The processors are added first in their pipelines ({@code addSpanProcessorFirst},
 * {@code addLogRecordProcessorFirst}, SDK 1.50.0 and later), so that the exporters autoconfigure sets up see the
 * attributes. Everything works from OpenTelemetry SDK 1.50.0 (Java agent 2.16.0). On SDK 1.42.0 to 1.49.x (agents
 * 2.8.0 to 2.15.0) only spans are enriched and counted: the span processor is added last, which changes nothing
 * for it since every {@code onEnding} comes before any {@code onEnd}, while a log record processor added last
 * would be seen by no exporter, so it is left out with a WARNING. On an older SDK nothing is added, with a
 * WARNING. The SDK always starts. (Tested with the classes as shipped, compiled against 1.68.0, on SDK 1.33.0 to
 * 1.68.0.)
 *
 * <p>The meter provider exists only once the SDK is built: the counter is bound then, through
 * {@link AutoConfigureListener}. Registered in {@code META-INF/services}; the SDK makes one instance per
 * autoconfiguration. Thread-safe.
 */
public final class HumeAutoConfigurationProvider implements AutoConfigurationCustomizerProvider, AutoConfigureListener {
    private static final Logger LOGGER = Logger.getLogger(HumeAutoConfigurationProvider.class.getName());

    private volatile Setup setup;

    @Override
    public void customize(AutoConfigurationCustomizer customizer) {
        Setup s = new Setup();
        setup = s;
        customizer.addTracerProviderCustomizer(s::addSpanProcessor);
        customizer.addLoggerProviderCustomizer(s::addLogRecordProcessor);
    }

    @Override
    public void afterAutoConfigure(OpenTelemetrySdk sdk) {
        Setup s = setup;
        if (s != null) {
            s.started(sdk);
        }
    }

    /** What one autoconfiguration shares between its tracer and logger providers. */
    private static final class Setup {
        private final Installation installation = new Installation(LOGGER, "autoconfigure");
        private HumeConfig config;

        private synchronized HumeConfig config(ConfigProperties properties) {
            if (config == null) {
                config = HumeConfig.read(properties, LOGGER);
            }
            return config;
        }

        SdkTracerProviderBuilder addSpanProcessor(SdkTracerProviderBuilder tracing, ConfigProperties properties) {
            HumeConfig c = config(properties);
            if (!c.enabled) {
                return tracing;
            }
            try {
                CodeCounter counter = Installation.counter(c);
                HumeSpanProcessor processor = HumeSpanProcessor.builder()
                        .setDetector(c.detector)
                        .setMarkErrorStatus(c.markErrorStatus)
                        .setRedactCredentials(c.redactCredentials)
                        .setCounter(counter)
                        .build();
                try {
                    tracing.addSpanProcessorFirst(processor);
                } catch (NoSuchMethodError e) {
                    // SDK before 1.50: last is as good, every onEnding runs before any onEnd.
                    tracing.addSpanProcessor(processor);
                }
                installation.added("span processor", c, counter);
            } catch (LinkageError e) {
                LOGGER.log(
                        Level.WARNING,
                        "humecodes: spans are not enriched: this OpenTelemetry SDK lacks what"
                                + " HumeSpanProcessor needs (SDK 1.42.0 or later): " + e);
            }
            return tracing;
        }

        SdkLoggerProviderBuilder addLogRecordProcessor(SdkLoggerProviderBuilder logging, ConfigProperties properties) {
            HumeConfig c = config(properties);
            if (!c.enabled) {
                return logging;
            }
            try {
                CodeCounter counter = Installation.counter(c);
                logging.addLogRecordProcessorFirst(HumeLogRecordProcessor.builder()
                        .setDetector(c.detector)
                        .setRedactCredentials(c.redactCredentials)
                        .setCounter(counter)
                        .build());
                installation.added("log record processor", c, counter);
            } catch (LinkageError e) {
                LOGGER.log(
                        Level.WARNING,
                        "humecodes: log records are not enriched: this OpenTelemetry SDK lacks"
                                + " what autoconfigure needs to put HumeLogRecordProcessor before the exporters (SDK 1.50.0"
                                + " or later): " + e);
            }
            return logging;
        }

        synchronized void started(OpenTelemetrySdk sdk) {
            if (config == null) {
                return; // the SDK is disabled: no provider was customized
            }
            if (config.enabled) {
                installation.started(sdk);
            } else {
                LOGGER.info("humecodes is disabled by " + HumeConfig.ENABLED + "=false");
            }
        }
    }
}
