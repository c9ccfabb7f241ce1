package compat.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application started as it starts in production, with a span exporter added to see its spans. */
@ExtendWith(OutputCaptureExtension.class)
class SpringBoot35AppTest {
    /** Rejects a line that names a field twice. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Test
    void theLoggedFailureTheSpanAndTheCounterCarryTheCode(CapturedOutput output) throws Exception {
        assertEquals(System.getProperty("compat.spring-boot.version"), SpringBootVersion.getVersion());
        // Spring Boot 3.5's Jackson is 2; nothing brought Jackson 3.
        assertEquals(2, com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMajorVersion());
        assertThrows(ClassNotFoundException.class, () -> Class.forName("tools.jackson.databind.ObjectMapper"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("tools.jackson.core.JsonGenerator"));

        SpringApplication application = new SpringApplication(App.class, SpanCollection.class);
        try (ConfigurableApplicationContext app = application.run()) {
            App.chat(app.getBean(OpenTelemetry.class));
            assertTrue(app.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS).isSuccess());

            List<JsonNode> lines = jsonLines(output.getOut(), "voiceagent.evi.ChatSession");
            assertEquals(2, lines.size(), output::getOut);
            JsonNode failure = lines.get(0);
            assertEquals("chat failed", failure.path("message").asText());
            assertEquals("E0300", failure.path("hume.code").asText(), failure::toString);
            assertEquals("billing", failure.path("hume.category").asText());
            assertEquals("critical", failure.path("hume.severity").asText());
            assertTrue(failure.path("hume.description").asText().contains("credits"), failure::toString);
            assertTrue(failure.path("hume.retryable").isBoolean(), failure::toString);
            assertFalse(failure.path("hume.retryable").asBoolean());
            lines.get(1).fieldNames().forEachRemaining(name -> assertFalse(name.startsWith("hume."), name));

            List<SpanData> spans = app.getBean(InMemorySpanExporter.class).getFinishedSpanItems();
            assertEquals(1, spans.size(), spans::toString);
            Attributes attributes = spans.get(0).getAttributes();
            assertEquals("E0300", attributes.get(AttributeKey.stringKey("hume.code")), attributes::toString);
            assertEquals("billing", attributes.get(AttributeKey.stringKey("hume.category")));
            assertEquals(StatusCode.ERROR, spans.get(0).getStatus().getStatusCode());

            String scrape = app.getBean(PrometheusMeterRegistry.class).scrape();
            assertTrue(scrape.contains("hume_codes_total{hume_category=\"billing\",hume_code=\"E0300\","
                    + "hume_severity=\"critical\",hume_signal=\"log\"} 1.0"), scrape);
        }
    }

    private static List<JsonNode> jsonLines(String output, String logger) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (String line : output.split("\\R")) {
            if (line.startsWith("{") && line.contains(logger)) {
                found.add(JSON.readTree(line));
            }
        }
        return found;
    }

    /** Spring Boot sends the spans of its tracer provider to every SpanExporter bean. */
    @Configuration(proxyBeanMethods = false)
    static class SpanCollection {
        @Bean
        InMemorySpanExporter spanExporter() {
            return InMemorySpanExporter.create();
        }
    }
}
