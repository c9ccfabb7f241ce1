package io.github.humecodes.otel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failure reports are throttled, never silenced: five, then one a minute saying how many went unreported. */
class FailuresTest {
    /** A logger of its own, so that no other test's reports mix in. */
    private static final class Owner {}

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Failures failures = new Failures(Owner.class, now::get);
    private final LogCapture log = LogCapture.of(Owner.class);

    @AfterEach
    void close() {
        log.close();
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            failures.report("Looking for Hume codes in span s" + i, new IllegalStateException("failure " + i));
        }
    }

    private void advance(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    private List<String> messages() {
        return log.records.stream().map(LogRecord::getMessage).collect(Collectors.toList());
    }

    @Test
    void theFirstFiveAreReportedThenNothingWithinTheMinute() {
        fail(12);
        assertThat(log.records)
                .hasSize(5)
                .allSatisfy(r -> assertThat(r.getLevel()).isEqualTo(Level.WARNING))
                .extracting(r -> r.getThrown().getMessage())
                .containsExactly("failure 0", "failure 1", "failure 2", "failure 3", "failure 4");
        assertThat(messages().subList(0, 4)).allSatisfy(m -> assertThat(m).endsWith("without hume attributes."));
        assertThat(messages().get(4))
                .isEqualTo(
                        "Looking for Hume codes in span s4 failed; the item passes on"
                                + " without hume attributes. Further failures of this processor are reported at most once a minute.");
        advance(59);
        fail(1);
        assertThat(log.records).hasSize(5);
    }

    @Test
    void afterAMinuteOneIsReportedWithTheCountOfThoseNotReported() {
        fail(5 + 7);
        advance(60);
        fail(3);
        // The first of the three is reported, with the seven before it; the two after it wait for the next minute.
        assertThat(log.records).hasSize(6);
        assertThat(messages().get(5))
                .isEqualTo("Looking for Hume codes in span s0 failed; the item passes on"
                        + " without hume attributes. 7 further failures were not reported since the last report.");
        assertThat(log.records.get(5).getThrown()).hasMessage("failure 0");
        advance(30);
        fail(1);
        assertThat(log.records).hasSize(6);
        advance(30);
        fail(1);
        assertThat(log.records).hasSize(7);
        assertThat(messages().get(6)).endsWith(" 3 further failures were not reported since the last report.");
        advance(61);
        fail(1);
        // Nothing went unreported in between: the report says nothing of it.
        assertThat(messages().get(7)).endsWith("without hume attributes.");
    }

    @Test
    void oneUnreportedFailureIsCountedInTheSingular() {
        fail(6);
        advance(600);
        fail(1);
        assertThat(messages())
                .hasSize(6)
                .last()
                .asString()
                .endsWith(" 1 further failure was not reported since the last report.");
    }
}
