package io.github.humecodes.otel.app;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;

/**
 * A tiny application that uses only the OpenTelemetry API, run under the Java agent by {@code AgentExtensionIT}:
 * one span fails with a Hume billing error and a WebSocket close code, one span carries no code.
 */
public final class ApiOnlyApp {
    private ApiOnlyApp() {
    }

    public static void main(String[] args) {
        Tracer tracer = GlobalOpenTelemetry.getTracer("io.github.humecodes.otel.app");
        Span failing = tracer.spanBuilder("evi.chat").startSpan();
        failing.setAttribute("websocket.close.code", 1011L);
        failing.recordException(new IllegalStateException("EVI closed the chat",
                new RuntimeException("hume(E0300): the account has run out of credits")));
        failing.end();
        Span plain = tracer.spanBuilder("evi.plain").startSpan();
        plain.setAttribute("chat.turns", 3L);
        plain.end();
        System.out.println("ApiOnlyApp done");
    }
}
