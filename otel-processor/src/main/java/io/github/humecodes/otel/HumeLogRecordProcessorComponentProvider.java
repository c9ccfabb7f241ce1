package io.github.humecodes.otel;

import io.opentelemetry.sdk.logs.LogRecordProcessor;
import java.util.List;

/**
 * Lets a declarative configuration file (OpenTelemetry's {@code otel.config.file}) name
 * {@link HumeLogRecordProcessor}: a log record processor called {@code humecodes}, with the options
 * {@code catalog} (an override file), {@code metrics_enabled} (default true: the {@code hume.codes} counter through
 * the SDK's meter provider), {@code redact_credentials} (default true: Hume credentials in attributes become
 * {@code REDACTED}) and {@code max_scan_chars}. List it before the exporting processors: they copy each
 * record when they see it.
 *
 * <pre>
 * logger_provider:
 *   processors:
 *     - humecodes:
 *         catalog: /etc/myapp/hume-codes.json
 *     - batch:
 *         exporter:
 *           otlp_http:
 * </pre>
 *
 * <p>Registered in {@code META-INF/services} for the SDK's own use; the SPI it implements is internal to the SDK
 * and may change. Works with the declarative configuration of SDK 1.48.0 and later, the counter and the start-up
 * line from 1.55.0. Thread-safe.
 */
public final class HumeLogRecordProcessorComponentProvider extends HumeComponentProvider {
    public HumeLogRecordProcessorComponentProvider() {
        super("log record processor", List.of(CATALOG, METRICS_ENABLED, REDACT_CREDENTIALS, MAX_SCAN_CHARS));
    }

    @Override
    public Class<?> getType() {
        return LogRecordProcessor.class;
    }

    @Override
    Object build(HumeConfig config, CodeCounter counter) {
        return HumeLogRecordProcessor.builder()
                .setDetector(config.detector)
                .setRedactCredentials(config.redactCredentials)
                .setCounter(counter)
                .build();
    }
}
