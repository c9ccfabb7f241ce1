package io.github.humecodes.benchmarks;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;

/** A child appender that encodes each event, as a file or console appender would, and drops the bytes. */
public class EncodingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private Encoder<ILoggingEvent> encoder;
    /** Racy under several threads; only there so that the encoding is not optimized away. */
    long bytes;

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    public Encoder<ILoggingEvent> getEncoder() {
        return encoder;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("EncodingAppender [" + getName() + "]: no encoder");
            return;
        }
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        bytes += encoder.encode(event).length;
    }
}
