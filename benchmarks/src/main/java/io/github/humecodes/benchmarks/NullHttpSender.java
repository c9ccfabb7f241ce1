package io.github.humecodes.benchmarks;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * The HTTP sender of an OTLP exporter that writes each serialized request to a sink that keeps nothing and answers
 * 200: the exporter does all its own work (marshaling spans to protobuf) and nothing leaves the process. With
 * {@link #capture} the next request's bytes are kept, for the benchmarks' setup checks. Thread-safe.
 */
final class NullHttpSender implements HttpSender {
    private static final HttpResponse OK = new HttpResponse() {
        @Override
        public int getStatusCode() {
            return 200;
        }

        @Override
        public String getStatusMessage() {
            return "OK";
        }

        @Override
        public byte[] getResponseBody() {
            return new byte[0];
        }
    };

    private volatile long bytes;
    private volatile ByteArrayOutputStream captured;

    /** A component loader that gives OTLP exporters this sender and nothing else as their HTTP sender. */
    ComponentLoader loader() {
        ComponentLoader services = ComponentLoader.forClassLoader(NullHttpSender.class.getClassLoader());
        HttpSenderProvider provider = new HttpSenderProvider() {
            @Override
            public HttpSender createSender(HttpSenderConfig config) {
                return NullHttpSender.this;
            }
        };
        return new ComponentLoader() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Iterable<T> load(Class<T> spiClass) {
                return spiClass == HttpSenderProvider.class ? (List<T>) List.of(provider) : services.load(spiClass);
            }
        };
    }

    /** Keeps the bytes of the requests sent from now on. */
    void capture() {
        captured = new ByteArrayOutputStream();
    }

    /** The bytes captured since {@link #capture}, as ISO-8859-1 text (protobuf strings are readable in it). */
    String captured() {
        ByteArrayOutputStream c = captured;
        return c == null ? "" : new String(c.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Bytes written since this sender was made. */
    long bytes() {
        return bytes;
    }

    @Override
    public void send(MessageWriter messageWriter, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
        Counting out = new Counting(captured);
        try {
            messageWriter.writeMessage(out);
        } catch (IOException | RuntimeException e) {
            onError.accept(e);
            return;
        }
        bytes += out.count; // one exporting thread at a time
        onResponse.accept(OK);
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    /** Counts what is written; keeps it only when capturing. */
    private static final class Counting extends OutputStream {
        private final ByteArrayOutputStream keep;
        long count;

        Counting(ByteArrayOutputStream keep) {
            this.keep = keep;
        }

        @Override
        public void write(int b) {
            count++;
            if (keep != null) {
                keep.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
            if (keep != null) {
                keep.write(b, off, len);
            }
        }
    }
}
