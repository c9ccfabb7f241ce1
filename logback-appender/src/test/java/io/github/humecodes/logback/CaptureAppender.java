package io.github.humecodes.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test appender: keeps each event it gets and, when it has an encoder, the encoded text. */
public class CaptureAppender extends AppenderBase<ILoggingEvent> {
    final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    final List<String> lines = new CopyOnWriteArrayList<>();
    private Encoder<ILoggingEvent> encoder;

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    public Encoder<ILoggingEvent> getEncoder() {
        return encoder;
    }

    @Override
    protected void append(ILoggingEvent event) {
        events.add(event);
        if (encoder != null) {
            lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8).strip());
        }
    }
}
