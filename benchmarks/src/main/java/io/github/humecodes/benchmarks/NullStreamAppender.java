package io.github.humecodes.benchmarks;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.OutputStream;

/**
 * An OutputStreamAppender (Logback's base of the console and file appenders: encoder, lock, write, flush) whose
 * stream drops the bytes: what an application pays per log line, without the disk.
 */
public class NullStreamAppender extends OutputStreamAppender<ILoggingEvent> {
    @Override
    public void start() {
        setOutputStream(OutputStream.nullOutputStream());
        super.start();
    }
}
