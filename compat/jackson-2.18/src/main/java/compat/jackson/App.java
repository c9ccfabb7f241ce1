package compat.jackson;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.TracerProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application that uses Jackson 2 itself: it renders Hume's EVI error message with its own {@code ObjectMapper},
 * then logs and traces the failure that carries it.
 */
public final class App {
    private static final Logger LOG = LoggerFactory.getLogger("voiceagent.evi.ChatSession");

    /** Hume's EVI error message, as the application models it. */
    public record HumeError(String type, String code, String slug, String message,
            @JsonProperty("request_id") String requestId) {
    }

    private App() {
    }

    /** Meets one billing failure: logs it, and records it on a span of {@code tracing}. Returns the JSON it sent. */
    public static String chat(TracerProvider tracing) throws Exception {
        String json = new ObjectMapper().writeValueAsString(new HumeError("error", "E0300", "out_of_credits",
                "You've run out of credits.", "7f3c2a9e1b"));
        Span span = tracing.get("compat.jackson").spanBuilder("evi.chat").startSpan();
        try {
            throw new IllegalStateException("received from Hume: " + json);
        } catch (IllegalStateException e) {
            LOG.error("chat failed", e);
            span.recordException(e);
        } finally {
            span.end();
        }
        LOG.info("chat closed normally");
        return json;
    }
}
