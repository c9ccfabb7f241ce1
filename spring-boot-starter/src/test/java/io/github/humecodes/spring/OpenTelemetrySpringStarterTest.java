package io.github.humecodes.spring;

import static io.github.humecodes.spring.OpenTelemetryTest.processors;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An application with the OpenTelemetry Spring Boot starter (and not Spring Boot's own OpenTelemetry support: the
 * build runs this test in a surefire execution of its own). That starter builds its SDK with autoconfigure, where
 * humecodes-otel's provider adds the processors: they are there once, and the {@code humecodes.*} properties reach
 * them through the {@code otel.hume.*} ones.
 */
class OpenTelemetrySpringStarterTest {
    private static final String[] NO_EXPORT = {
        "--otel.traces.exporter=none", "--otel.metrics.exporter=none", "--otel.logs.exporter=none"
    };

    @Test
    void theProcessorsAreInTheSdkOnce() {
        try (ConfigurableApplicationContext app =
                BootApp.run(with("--humecodes.otel.mark-error-status=false", "--humecodes.max-scan-chars=2000"))) {
            OpenTelemetrySdk sdk =
                    app.getBean(AutoConfiguredOpenTelemetrySdk.class).getOpenTelemetrySdk();
            String tracing = sdk.getSdkTracerProvider().toString();
            assertThat(processors(tracing, "HumeSpanProcessor{")).isEqualTo(1);
            assertThat(tracing).contains("markErrorStatus=false").contains("maxScanChars=2000");
            // No exporter: the logger provider's one processor is humecodes' (several would show as one
            // MultiLogRecordProcessor, which does not list them).
            assertThat(processors(sdk.getSdkLoggerProvider().toString(), "HumeLogRecordProcessor{"))
                    .isEqualTo(1);
        }
    }

    @Test
    void enabledFalseRemovesThemThere() {
        try (ConfigurableApplicationContext app = BootApp.run(with("--humecodes.enabled=false"))) {
            OpenTelemetrySdk sdk =
                    app.getBean(AutoConfiguredOpenTelemetrySdk.class).getOpenTelemetrySdk();
            assertThat(sdk.getSdkTracerProvider().toString()).doesNotContain("HumeSpanProcessor");
            assertThat(sdk.getSdkLoggerProvider().toString()).doesNotContain("HumeLogRecordProcessor");
        }
    }

    private static String[] with(String... args) {
        String[] all = new String[NO_EXPORT.length + args.length];
        System.arraycopy(NO_EXPORT, 0, all, 0, NO_EXPORT.length);
        System.arraycopy(args, 0, all, NO_EXPORT.length, args.length);
        return all;
    }
}
