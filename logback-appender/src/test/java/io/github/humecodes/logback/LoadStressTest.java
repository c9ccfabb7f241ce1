package io.github.humecodes.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 8 threads, 50,000 events each, through the wrapper (load.xml) whose first child throws on every event: the
 * healthy child gets every event once, each coded one enriched with its code, no other one enriched.
 */
@Tag("stress")
class LoadStressTest {
    private static final int THREADS = 8;
    private static final int EVENTS = 50_000;

    @Test
    void everyEventReachesTheHealthyChildEnrichedRightWhileASiblingThrows() throws Exception {
        LoggerContext context = Logs.configure("load.xml");
        TallyAppender tally = Logs.appender(context, "TALLY");
        ThrowingAppender broken = Logs.appender(context, "BROKEN");
        HumeEnrichingAppender hume = Logs.appender(context, "HUME");
        TestClock.NOW.set(0); // however slow the machine, the run is within one minute of failure reports
        tally.expect(Payloads.expectations());
        Queue<Throwable> escaped = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int w = 0; w < THREADS; w++) {
            int worker = w;
            pool.execute(() -> {
                Logger log = context.getLogger("voiceagent.worker" + worker);
                try {
                    go.await();
                    for (int i = 0; i < EVENTS; i++) {
                        String payload = Payloads.payload(i);
                        switch (i % 3) {
                            case 0:
                                log.info("worker {} call {}: {}", worker, i, payload);
                                break;
                            case 1:
                                log.warn("worker {} call {}: {}", worker, i, payload);
                                break;
                            default:
                                log.error("worker {} call {}: {}", worker, i, payload);
                        }
                    }
                } catch (Throwable t) {
                    escaped.add(t);
                }
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES))
                .as("workers finished")
                .isTrue();
        context.stop();

        assertThat(escaped).as("exceptions that reached a logging thread").isEmpty();
        assertThat(tally.total.get()).isEqualTo((long) THREADS * EVENTS);
        assertThat(tally.others.get()).isZero();
        assertThat(tally.arrivals).hasSize(THREADS * EVENTS);
        assertThat(tally.arrivals.values()).allMatch(n -> n == 1);
        assertThat(tally.wrong).as("events enriched wrongly").isEmpty();
        assertThat(tally.wrongCount()).isZero();
        assertThat(tally.enriched.get()).as("one call in four carries a code").isEqualTo((long) THREADS * EVENTS / 4);
        assertThat(broken.calls.get()).isEqualTo(THREADS * EVENTS);
        // The first three failures are reported, the others counted and reported when the wrapper stops.
        List<String> errors = Logs.errors(context);
        assertThat(errors).filteredOn(m -> m.contains("[BROKEN] threw;")).hasSize(FailureThrottle.ALLOWED_REPEATS);
        assertThat(errors)
                .filteredOn(m -> m.contains("[BROKEN] threw "))
                .containsExactly("HumeEnrichingAppender"
                        + " [HUME]: appender [BROKEN] threw " + (THREADS * EVENTS - FailureThrottle.ALLOWED_REPEATS)
                        + " more time(s) since the last report");
    }
}
