package io.github.humecodes.otel;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reports the failures of a processor through java.util.logging, as the SDK does, throttled like the SDK's
 * {@code ThrottlingLogger}: the first {@value #FIRST_REPORTS} are reported, then at most one a minute, saying how
 * many were not reported since the last report. A failing processor can neither flood the application's log nor
 * fall silent for good. Thread-safe; the lock is held only to count, never while logging.
 */
final class Failures {
    static final int FIRST_REPORTS = 5;
    static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Logger logger;
    private final LongSupplier nanoClock;
    private int reports;
    private long lastReport;
    private long suppressed;

    Failures(Class<?> owner) {
        this(owner, System::nanoTime);
    }

    /** {@code nanoClock} stands for {@link System#nanoTime}. */
    Failures(Class<?> owner, LongSupplier nanoClock) {
        this.logger = Logger.getLogger(owner.getName());
        this.nanoClock = nanoClock;
    }

    /**
     * Reports {@code failure} of {@code what} (for example "Looking for Hume codes in span x"), unless throttled.
     * Callers let a {@link VirtualMachineError} pass before they get here: out of memory and the JVM's internal
     * errors are not a processor's to swallow.
     */
    void report(String what, Throwable failure) {
        String note = admit();
        if (note != null) {
            logger.log(Level.WARNING, what + " failed; the item passes on without hume attributes." + note, failure);
        }
    }

    /** Counts one failure; returns what the report adds to its message, or null when it is not reported. */
    private synchronized String admit() {
        long now = nanoClock.getAsLong();
        if (reports < FIRST_REPORTS) {
            reports++;
            lastReport = now;
            return reports < FIRST_REPORTS
                    ? ""
                    : " Further failures of this processor are reported at most once a minute.";
        }
        if (now - lastReport < INTERVAL_NANOS) {
            suppressed++;
            return null;
        }
        lastReport = now;
        long notReported = suppressed;
        suppressed = 0;
        if (notReported == 0) {
            return "";
        }
        return " " + notReported + (notReported == 1 ? " further failure was" : " further failures were")
                + " not reported since the last report.";
    }
}
