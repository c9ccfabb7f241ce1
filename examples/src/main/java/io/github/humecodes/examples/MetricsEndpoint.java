package io.github.humecodes.examples;

import io.opentelemetry.exporter.prometheus.PrometheusMetricReader;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;

/**
 * The demo's metrics in Prometheus format on 127.0.0.1, at /metrics. Port 0 lets the system choose a free port,
 * which {@link #port()} then tells: whoever starts the demo reads it from the console instead of guessing one
 * that might be taken by the time the demo binds it.
 */
final class MetricsEndpoint implements AutoCloseable {
    private final PrometheusMetricReader reader = PrometheusMetricReader.create();
    private final HTTPServer server;

    private MetricsEndpoint(int port) throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(reader);
        server = HTTPServer.builder()
                .hostname("127.0.0.1")
                .port(port)
                .registry(registry)
                .buildAndStart();
    }

    /** Listens on {@code port}, or on a free port that the system chooses when it is 0. */
    static MetricsEndpoint start(int port) throws IOException {
        return new MetricsEndpoint(port);
    }

    /** The reader to register with the SDK's meter provider. */
    PrometheusMetricReader reader() {
        return reader;
    }

    /** The port it listens on. */
    int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
