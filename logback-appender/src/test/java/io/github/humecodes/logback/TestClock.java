package io.github.humecodes.logback;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The nanosecond clock that tests move by hand, read by the components made with it ({@link ClockedTurboFilter},
 * {@link ClockedEnrichingAppender}), which test configurations name in place of the real classes.
 */
final class TestClock {
    static final AtomicLong NOW = new AtomicLong();

    private TestClock() {}
}
