package compat.otel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What humecodes logs through java.util.logging, as "LEVEL message (throwable)" lines. */
final class LogCapture extends Handler {
    // Held, so that the logger and its handler outlive garbage collection.
    private static final Logger HUMECODES = Logger.getLogger("io.github.humecodes");
    private final List<String> lines = new CopyOnWriteArrayList<>();

    LogCapture() {
        HUMECODES.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getLevel() + " " + record.getMessage()
                + (record.getThrown() == null ? "" : " (" + record.getThrown() + ")"));
    }

    boolean contains(String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
