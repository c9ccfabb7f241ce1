package io.github.humecodes.otel;

import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.List;

/**
 * Lets a declarative configuration file (OpenTelemetry's {@code otel.config.file}) name {@link HumeSpanProcessor}:
 * a span processor called {@code humecodes}, with the options {@code catalog} (an override file),
 * {@code mark_error_status} (default true), {@code metrics_enabled} (default true: the {@code hume.codes} counter
 * through the SDK's meter provider), {@code redact_credentials} (default true: Hume credentials in attributes,
 * names and status descriptions become {@code REDACTED}) and {@code max_scan_chars}:
 *
 * <pre>
 * tracer_provider:
 *   processors:
 *     - humecodes:
 *         mark_error_status: true
 *     - batch:
 *         exporter:
 *           otlp_http:
 * </pre>
 *
 * <p>Where it stands among the processors does not matter: its work is done in {@code onEnding}, before any
 * processor's {@code onEnd}. Registered in {@code META-INF/services} for the SDK's own use; the SPI it implements
 * is internal to the SDK and may change. Works with the declarative configuration of SDK 1.48.0 and later, the
 * counter and the start-up line from 1.55.0. Thread-safe.
 */
public final class HumeSpanProcessorComponentProvider extends HumeComponentProvider {
    public HumeSpanProcessorComponentProvider() {
        super(
                "span processor",
                List.of(CATALOG, MARK_ERROR_STATUS, METRICS_ENABLED, REDACT_CREDENTIALS, MAX_SCAN_CHARS));
    }

    @Override
    public Class<?> getType() {
        return SpanProcessor.class;
    }

    @Override
    Object build(HumeConfig config, CodeCounter counter) {
        return HumeSpanProcessor.builder()
                .setDetector(config.detector)
                .setMarkErrorStatus(config.markErrorStatus)
                .setRedactCredentials(config.redactCredentials)
                .setCounter(counter)
                .build();
    }
}
