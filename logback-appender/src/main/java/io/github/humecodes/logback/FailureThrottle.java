package io.github.humecodes.logback;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Which failures of a source that may fail on every event (a child appender) are reported to the status
 * manager, in the manner of Logback's own appenders: the first {@link #ALLOWED_REPEATS}, then at most one per
 * {@link #INTERVAL_NANOS}, carrying the number left unreported since the one before. Not once forever: a
 * source that fails again an hour later is reported again. Thread-safe; only failing calls get here. One
 * counter per source, dropped by {@link #retain} when the source goes.
 */
final class FailureThrottle<K> {
    static final int ALLOWED_REPEATS = 3;
    static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private static final class Tally {
        int reported;
        long lastReport;
        long unreported;
    }

    private final LongSupplier clock;
    private final Map<K, Tally> tallies = new ConcurrentHashMap<>();

    FailureThrottle(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Counts a failure of {@code source}: -1 when it is not to be reported now, otherwise how many failures of
     * that source went unreported before it (0 for the first few).
     */
    long fail(K source) {
        long now = clock.getAsLong();
        Tally t = tallies.computeIfAbsent(source, s -> new Tally());
        synchronized (t) {
            if (t.reported < ALLOWED_REPEATS || now - t.lastReport >= INTERVAL_NANOS) {
                long before = t.unreported;
                t.reported++;
                t.lastReport = now;
                t.unreported = 0;
                return before;
            }
            t.unreported++;
            return -1;
        }
    }

    /** The sources with failures not reported yet, and how many; they are counted as reported now. */
    Map<K, Long> takeUnreported() {
        Map<K, Long> out = new LinkedHashMap<>();
        for (Map.Entry<K, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            synchronized (t) {
                if (t.unreported > 0) {
                    out.put(e.getKey(), t.unreported);
                    t.unreported = 0;
                }
            }
        }
        return out;
    }

    /** Forgets the sources not in {@code sources}. */
    void retain(Collection<K> sources) {
        tallies.keySet().retainAll(sources);
    }
}
