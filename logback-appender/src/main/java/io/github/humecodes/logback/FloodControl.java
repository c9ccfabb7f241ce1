package io.github.humecodes.logback;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Per-code flood control for {@link HumeTurboFilter}: at most {@code maxRepeats} calls with one primary code
 * within a window; the calls beyond are suppressed and counted, and once the window has ended the count is
 * handed out once, as a {@link Summary}. Thread-safe; each code's counter is guarded by its own lock, held for
 * a few instructions.
 *
 * <p>Memory is bounded: at most {@link #MAX_CODES} codes are tracked at once. Catalog codes are far fewer, but
 * a flood of distinct unknown codes is not; when the table is full, windows that have ended are dropped, and
 * if none has, a new code is let through without flood control.
 */
final class FloodControl {
    static final int MAX_CODES = 1024;

    /** Calls suppressed for one code in one window that has ended. */
    static final class Summary {
        final String code;
        final int allowed;
        final long suppressed;

        Summary(String code, int allowed, long suppressed) {
            this.code = code;
            this.allowed = allowed;
            this.suppressed = suppressed;
        }
    }

    private static final class Window {
        long start;
        int count;
        long suppressed;

        Window(long start) {
            this.start = start;
        }
    }

    private final int maxRepeats;
    private final long windowNanos;
    private final LongSupplier clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    /** Earliest end of a window holding suppressed calls; MAX_VALUE when none. */
    private final AtomicLong nextDue = new AtomicLong(Long.MAX_VALUE);

    private final Runnable onFull;
    private final AtomicBoolean fullNoticed = new AtomicBoolean();
    /** No window can be dropped before this clock reading (when known); guarded by the table's lock. */
    private long noDropBefore;

    private boolean noDropKnown;

    /** {@code onFull} runs once, the first time a code is let through untracked because the table is full. */
    FloodControl(int maxRepeats, long windowNanos, LongSupplier clock, Runnable onFull) {
        this.maxRepeats = maxRepeats;
        this.windowNanos = windowNanos;
        this.clock = clock;
        this.onFull = onFull;
    }

    /**
     * True when a call with {@code code} may be logged; false when it is suppressed. Returns true, untracked,
     * when the table is full (see the class comment).
     */
    boolean allow(String code) {
        long now = clock.getAsLong();
        Window w = windows.get(code);
        if (w == null) {
            // New codes are rare (the catalog's codes are few): adding under one lock keeps the bound exact even
            // when many threads bring new codes at once.
            boolean full = false;
            synchronized (windows) {
                w = windows.get(code);
                if (w == null) {
                    if (windows.size() >= MAX_CODES && !dropEnded(now)) {
                        full = true;
                    } else {
                        w = new Window(now);
                        windows.put(code, w);
                    }
                }
            }
            if (full) {
                if (!fullNoticed.getAndSet(true)) {
                    onFull.run(); // outside the lock: it reports to the status manager
                }
                return true;
            }
        }
        long end;
        synchronized (w) {
            if (now - w.start >= windowNanos) {
                if (w.suppressed > 0) {
                    return true; // another thread is handing out the last window's summary: let this one through
                }
                w.start = now;
                w.count = 0;
            }
            if (w.count < maxRepeats) {
                w.count++;
                return true;
            }
            w.suppressed++;
            end = w.start + windowNanos;
        }
        nextDue.accumulateAndGet(end, Math::min);
        return false;
    }

    /** True when some window holding suppressed calls has ended; reads the clock only when one is pending. */
    boolean due() {
        long due = nextDue.get();
        return due != Long.MAX_VALUE && clock.getAsLong() - due >= 0;
    }

    /** Claims the summaries of the windows that have ended (each is handed out once) and resets them. */
    List<Summary> takeDue() {
        return take(false);
    }

    /** Claims every pending summary, ended or not (when the filter stops). */
    List<Summary> takeAll() {
        return take(true);
    }

    private List<Summary> take(boolean all) {
        long now = clock.getAsLong();
        nextDue.set(Long.MAX_VALUE);
        List<Summary> out = new ArrayList<>(2);
        for (Map.Entry<String, Window> e : windows.entrySet()) {
            Window w = e.getValue();
            long pendingEnd = Long.MAX_VALUE;
            synchronized (w) {
                if (w.suppressed > 0) {
                    if (all || now - w.start >= windowNanos) {
                        out.add(new Summary(e.getKey(), w.count, w.suppressed));
                        w.suppressed = 0;
                        w.start = now;
                        w.count = 0;
                    } else {
                        pendingEnd = w.start + windowNanos;
                    }
                }
            }
            if (pendingEnd != Long.MAX_VALUE) {
                nextDue.accumulateAndGet(pendingEnd, Math::min);
            }
        }
        return out;
    }

    /**
     * Drops the windows that have ended without suppressed calls; true when room was made. Called with the
     * table's lock held. When the table is full of live windows, a flood of new codes would walk it on every
     * call: the walk also notes the earliest time any window can end, and is skipped until then.
     */
    private boolean dropEnded(long now) {
        if (noDropKnown && now - noDropBefore < 0) {
            return false;
        }
        boolean dropped = false;
        // Windows only ever end later than now + window once reset, so this is a safe lower bound.
        long earliest = now + windowNanos;
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            Window w = it.next();
            synchronized (w) {
                if (w.suppressed == 0 && now - w.start >= windowNanos) {
                    it.remove();
                    dropped = true;
                } else if (w.suppressed == 0 && w.start + windowNanos - earliest < 0) {
                    earliest = w.start + windowNanos;
                }
            }
        }
        noDropBefore = earliest;
        noDropKnown = true;
        return dropped && windows.size() < MAX_CODES;
    }

    int trackedCodes() {
        return windows.size();
    }
}
