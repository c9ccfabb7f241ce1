package compat.otel;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import java.util.List;

/**
 * An application that traces and logs through the OpenTelemetry API with attributes of every type: one chat fails
 * with a Hume billing error and a WebSocket close code, one closes with 1011 alone, one goes well; one log record
 * carries a code in its body.
 */
public final class App {
    /** Attributes of every type but string, none of them a code: a bare number is not a close code. */
    public static final Attributes TYPED = Attributes.builder()
            .put(AttributeKey.longKey("audio.bytes"), 1008L)
            .put(AttributeKey.doubleKey("audio.seconds"), 7.5)
            .put(AttributeKey.booleanKey("chat.resumed"), true)
            .put(AttributeKey.stringArrayKey("tts.voices"), List.of("ito", "kora"))
            .put(AttributeKey.longArrayKey("retry.delays"), List.of(1L, 2L, 4L))
            .put(AttributeKey.doubleArrayKey("audio.levels"), List.of(0.5, 0.25))
            .put(AttributeKey.booleanArrayKey("channels.muted"), List.of(false, true))
            .build();

    private App() {
    }

    public static void run(OpenTelemetry openTelemetry) {
        Tracer tracer = openTelemetry.getTracer("compat.otel");
        Span failing = tracer.spanBuilder("evi.chat").setAllAttributes(TYPED).startSpan();
        failing.setAttribute("websocket.close.code", 1011L);
        failing.recordException(new IllegalStateException("EVI closed the chat",
                new RuntimeException("hume(E0300): the account has run out of credits")));
        failing.end();

        Span closed = tracer.spanBuilder("evi.close").setAllAttributes(TYPED).startSpan();
        closed.setAttribute(AttributeKey.longKey("websocket.close.code"), 1011L);
        closed.end();

        tracer.spanBuilder("evi.plain").setAllAttributes(TYPED).startSpan().end();

        Logger logger = openTelemetry.getLogsBridge().get("compat.otel");
        logger.logRecordBuilder().setBody("hume(E0203): Your audio file was too long").setAllAttributes(TYPED).emit();
        logger.logRecordBuilder().setBody("chat closed normally").setAllAttributes(TYPED).emit();
    }
}
