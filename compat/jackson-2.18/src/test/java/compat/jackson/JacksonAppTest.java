package compat.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ch.qos.logback.classic.LoggerContext;
import io.github.humecodes.Catalog;
import io.github.humecodes.otel.HumeSpanProcessor;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The application runs once with humecodes on its Logback and its OpenTelemetry SDK; the tests read what it left. */
class JacksonAppTest {
    private static final String RUNBOOK = "Out of credits: page the account admin (runbook billing-1).";
    private static final Pattern KEY_VALUE = Pattern.compile("([\\w.]+)=\"([^\"]*)\"");

    private static String json;
    private static List<String> lines;
    private static SpanData span;

    @BeforeAll
    static void runTheApplication() throws Exception {
        SpanCollector collector = new SpanCollector();
        Catalog catalog = Catalog.load(Path.of(System.getProperty("compat.catalog")));
        SdkTracerProvider tracing = SdkTracerProvider.builder()
                .addSpanProcessor(HumeSpanProcessor.builder().setCatalog(catalog).build())
                .addSpanProcessor(SimpleSpanProcessor.create(collector))
                .build();
        json = App.chat(tracing);
        tracing.shutdown().join(10, TimeUnit.SECONDS);
        // Closes the log file.
        ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
        lines = Files.readAllLines(Path.of(System.getProperty("compat.out"), "app.log"), StandardCharsets.UTF_8);
        assertEquals(1, collector.spans.size(), collector.spans::toString);
        span = collector.spans.get(0);
    }

    @Test
    void theApplicationRunsOnItsOwnJackson2AndHasNoJackson3() {
        String version = System.getProperty("compat.jackson.version");
        assertEquals(version, com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
        assertEquals(version, com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString());
        assertThrows(ClassNotFoundException.class, () -> Class.forName("tools.jackson.databind.ObjectMapper"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("tools.jackson.core.JsonParser"));
        // Its own annotations work: request_id comes from @JsonProperty.
        assertEquals("{\"type\":\"error\",\"code\":\"E0300\",\"slug\":\"out_of_credits\","
                + "\"message\":\"You've run out of credits.\",\"request_id\":\"7f3c2a9e1b\"}", json);
    }

    @Test
    void theLoggedFailureCarriesTheFieldsWithTheDescriptionOfTheOverrideFile() {
        assertEquals(2, lines.size(), lines::toString);
        String[] failure = lines.get(0).split("\\|", 3);
        assertEquals("ERROR", failure[0]);
        assertEquals("chat failed", failure[2]);
        Map<String, String> fields = keyValues(failure[1]);
        assertEquals("E0300", fields.get("hume.code"), lines.get(0));
        assertEquals("billing", fields.get("hume.category"));
        assertEquals("critical", fields.get("hume.severity"));
        assertEquals("false", fields.get("hume.retryable"));
        assertEquals(RUNBOOK, fields.get("hume.description"));

        String[] plain = lines.get(1).split("\\|", 3);
        assertEquals("chat closed normally", plain[2]);
        assertFalse(plain[1].contains("hume."), lines.get(1));
    }

    @Test
    void theSpanCarriesTheFieldsAndStatusError() {
        Attributes attributes = span.getAttributes();
        assertEquals("E0300", attributes.get(AttributeKey.stringKey("hume.code")));
        assertEquals("billing", attributes.get(AttributeKey.stringKey("hume.category")));
        assertEquals("critical", attributes.get(AttributeKey.stringKey("hume.severity")));
        assertEquals(Boolean.FALSE, attributes.get(AttributeKey.booleanKey("hume.retryable")));
        assertEquals(RUNBOOK, attributes.get(AttributeKey.stringKey("hume.description")));
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    }

    private static Map<String, String> keyValues(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = KEY_VALUE.matcher(text);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }
}
