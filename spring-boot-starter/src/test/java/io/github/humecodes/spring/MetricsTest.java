package io.github.humecodes.spring;

import static io.github.humecodes.spring.BootApp.HUME_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code hume.codes} counter as Prometheus reads it from Spring Boot's actuator registry: the series the shipped
 * rules and dashboards query ({@code hume_codes_total} with {@code hume_code}, {@code hume_category},
 * {@code hume_severity} and {@code hume_signal}).
 */
class MetricsTest {

    @Test
    void prometheusServesHumeCodesTotal() {
        try (ConfigurableApplicationContext app = BootApp.run()) {
            HUME_CLIENT.error("[metrics-1] hume(E0300): out of credits");
            HUME_CLIENT.error("[metrics-2] hume(E0300): out of credits again");
            HUME_CLIENT.warn("[metrics-3] CloseStatus[code=1011, reason=internal]");
            HUME_CLIENT.info("[metrics-4] nothing to see");

            String scrape = app.getBean(PrometheusMeterRegistry.class).scrape();
            assertThat(scrape).contains("# TYPE hume_codes_total counter");
            assertThat(scrape)
                    .contains("hume_codes_total{hume_category=\"billing\",hume_code=\"E0300\","
                            + "hume_severity=\"critical\",hume_signal=\"log\"} 2.0");
            assertThat(scrape)
                    .contains("hume_codes_total{hume_category=\"connection\",hume_code=\"1011\","
                            + "hume_severity=\"error\",hume_signal=\"log\"} 1.0");
        }
    }

    @Test
    void unknownCodesShareOneSeriesPerFamily() {
        try (ConfigurableApplicationContext app = BootApp.run()) {
            HUME_CLIENT.error("[metrics-5] hume(E0991): something new");
            HUME_CLIENT.error("[metrics-6] hume(E0992): something newer");

            String scrape = app.getBean(PrometheusMeterRegistry.class).scrape();
            assertThat(scrape)
                    .contains("hume_codes_total{hume_category=\"unknown\",hume_code=\"unknown\","
                            + "hume_severity=\"error\",hume_signal=\"log\"} 2.0");
            assertThat(scrape).doesNotContain("E0991").doesNotContain("E0992");
        }
    }

    @Test
    void metricsEnabledFalseCountsNothing() {
        try (ConfigurableApplicationContext app = BootApp.run("--humecodes.metrics.enabled=false")) {
            HUME_CLIENT.error("[metrics-7] hume(E0300): out of credits");

            assertThat(app.getBean(PrometheusMeterRegistry.class).scrape()).doesNotContain("hume_codes");
            assertThat(BootApp.rootAppenders()).noneMatch(CodeCountingAppender.class::isInstance);
        }
    }
}
