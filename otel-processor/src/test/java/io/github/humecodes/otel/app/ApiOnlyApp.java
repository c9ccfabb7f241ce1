package io.github.humecodes.otel.app;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A tiny application that uses only the OpenTelemetry API, run under the Java agent by the agent tests
 * ({@code AgentExtensionIT}, {@code AgentDeclarativeConfigurationIT}): one span fails with a Hume billing error
 * and a WebSocket close code, one span carries no code, and one HTTP request, made as Hume's TypeScript SDK
 * connects (the API key in the URL and in its header), gives the agent's HTTP client span. Nothing listens where
 * it goes: the request fails on this machine and goes nowhere.
 */
public final class ApiOnlyApp {
    /** The API key of the request; it must not appear in anything the agent exports. */
    public static final String API_KEY = "abc123DEF456ghi789JKL012mno345PQR678stu901VWX234";

    private ApiOnlyApp() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Tracer tracer = GlobalOpenTelemetry.getTracer("io.github.humecodes.otel.app");
        Span failing = tracer.spanBuilder("evi.chat").startSpan();
        failing.setAttribute("websocket.close.code", 1011L);
        failing.recordException(new IllegalStateException(
                "EVI closed the chat", new RuntimeException("hume(E0300): the account has run out of credits")));
        failing.end();
        Span plain = tracer.spanBuilder("evi.plain").startSpan();
        plain.setAttribute("chat.turns", 3L);
        plain.end();
        request(closedPort());
        System.out.println("ApiOnlyApp done");
    }

    private static void request(int port) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v0/evi/chat?config_id=1b60e1a0&api_key=" + API_KEY))
                .header("X-Hume-Api-Key", API_KEY)
                .build();
        try {
            HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException expected) {
            // Nothing listens on the port: the client span ends with the error.
        }
    }

    /** A port nothing listens on: one the system just gave out and took back. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
