package io.github.humecodes.otel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what one java.util.logging logger receives, while open; the logger's own handlers stay quiet. */
final class LogCapture extends Handler implements AutoCloseable {
    final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger logger;
    private final boolean useParentHandlers;

    private LogCapture(Logger logger) {
        this.logger = logger;
        this.useParentHandlers = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false); // keeps the expected warnings out of the build output
        logger.addHandler(this);
    }

    static LogCapture of(Class<?> owner) {
        return named(owner.getName());
    }

    /** Captures the logger {@code name} and its children, the SDK's own for example. */
    static LogCapture named(String name) {
        return new LogCapture(Logger.getLogger(name));
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(useParentHandlers);
    }
}
