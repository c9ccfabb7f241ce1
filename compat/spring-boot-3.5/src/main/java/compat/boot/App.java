package compat.boot;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot application that meets a failure from Hume: it logs it and records it on a span. */
@SpringBootApplication
public class App {
    private static final Logger LOG = LoggerFactory.getLogger("voiceagent.evi.ChatSession");

    public static void main(String[] args) {
        SpringApplication.run(App.class, args);
    }

    /** Logs one billing failure and records it on a span of {@code openTelemetry}, then logs a line without a code. */
    public static void chat(OpenTelemetry openTelemetry) {
        Span span = openTelemetry.getTracer("compat.boot").spanBuilder("evi.chat").startSpan();
        try {
            throw new IllegalStateException("received from Hume: {\"type\":\"error\",\"code\":\"E0300\","
                    + "\"slug\":\"out_of_credits\",\"message\":\"You've run out of credits.\"}");
        } catch (IllegalStateException e) {
            LOG.error("chat failed", e);
            span.recordException(e);
        } finally {
            span.end();
        }
        LOG.info("chat closed normally");
    }
}
