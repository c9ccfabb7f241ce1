package io.github.humecodes.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.humecodes.otel.HumeLogRecordProcessor;
import io.github.humecodes.otel.HumeSpanProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration's conditions and beans. */
class AutoConfigurationTest {
    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HumeCodesAutoConfiguration.class));

    @Test
    void everythingIsThereByDefault() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(HumeCodesMetrics.class);
            assertThat(context).hasSingleBean(HumeSpanProcessor.class);
            assertThat(context).hasSingleBean(HumeLogRecordProcessor.class);
            assertThat(context.getBean(HumeSpanProcessor.class).toString())
                    .contains("markErrorStatus=true")
                    .contains("maxScanChars=65536")
                    .contains("metric=false");
        });
    }

    @Test
    void enabledFalseRemovesEverything() {
        runner.withPropertyValues("humecodes.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(HumeCodesSettings.class);
            assertThat(context).doesNotHaveBean(HumeCodesMetrics.class);
            assertThat(context).doesNotHaveBean(HumeSpanProcessor.class);
            assertThat(context).doesNotHaveBean(HumeLogRecordProcessor.class);
        });
    }

    @Test
    void metricsEnabledFalseRemovesTheCounter() {
        runner.withPropertyValues("humecodes.metrics.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(HumeCodesMetrics.class);
            assertThat(context).hasSingleBean(HumeSpanProcessor.class);
        });
    }

    @Test
    void theSettingsReachTheProcessors() {
        runner.withPropertyValues("humecodes.otel.mark-error-status=false", "humecodes.max-scan-chars=1000")
                .run(context -> {
                    assertThat(context.getBean(HumeSpanProcessor.class).toString())
                            .contains("markErrorStatus=false")
                            .contains("maxScanChars=1000");
                    assertThat(context.getBean(HumeLogRecordProcessor.class).toString())
                            .contains("maxScanChars=1000");
                });
    }

    @Test
    void processorsOfTheApplicationWin() {
        runner.withUserConfiguration(OwnProcessors.class).run(context -> {
            assertThat(context).hasSingleBean(HumeSpanProcessor.class);
            assertThat(context).getBean(HumeSpanProcessor.class).isSameAs(OwnProcessors.SPANS);
            assertThat(context).hasSingleBean(HumeLogRecordProcessor.class);
            assertThat(context).getBean(HumeLogRecordProcessor.class).isSameAs(OwnProcessors.LOGS);
        });
    }

    @Test
    void withoutHumecodesOtelThereAreNoProcessors() {
        runner.withClassLoader(new FilteredClassLoader(HumeSpanProcessor.class, HumeLogRecordProcessor.class))
                .run(context -> {
                    assertThat(context).doesNotHaveBean("humeSpanProcessor");
                    assertThat(context).doesNotHaveBean("humeLogRecordProcessor");
                    assertThat(context).hasSingleBean(HumeCodesMetrics.class);
                });
    }

    @Test
    void withoutTheOpenTelemetrySdkThereAreNoProcessors() {
        runner.withClassLoader(new FilteredClassLoader("io.opentelemetry.sdk")).run(context -> {
            assertThat(context).doesNotHaveBean("humeSpanProcessor");
            assertThat(context).doesNotHaveBean("humeLogRecordProcessor");
        });
    }

    @Test
    void withoutMicrometerThereIsNoCounter() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer")).run(context -> {
            assertThat(context).doesNotHaveBean("humeCodesMetrics");
            assertThat(context).hasSingleBean(HumeSpanProcessor.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnProcessors {
        static final HumeSpanProcessor SPANS = HumeSpanProcessor.create();
        static final HumeLogRecordProcessor LOGS = HumeLogRecordProcessor.create();

        @Bean
        HumeSpanProcessor ownSpanProcessor() {
            return SPANS;
        }

        @Bean
        HumeLogRecordProcessor ownLogRecordProcessor() {
            return LOGS;
        }
    }
}
