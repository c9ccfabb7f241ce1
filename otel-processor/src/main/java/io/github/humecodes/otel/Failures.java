package io.github.humecodes.otel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reports the first failure of a processor through java.util.logging, as the SDK does, and stays silent
 * afterwards so that a failing processor cannot flood the application's log. Thread-safe.
 */
final class Failures {
    private final Logger logger;
    private final AtomicBoolean reported = new AtomicBoolean();

    Failures(Class<?> owner) {
        this.logger = Logger.getLogger(owner.getName());
    }

    void report(String what, Throwable failure) {
        if (reported.compareAndSet(false, true)) {
            logger.log(Level.WARNING, what + " failed; the item passes on without hume attributes. Further failures"
                    + " of this processor are not reported.", failure);
        }
    }
}
