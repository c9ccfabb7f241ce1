package io.github.humecodes.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What this module keeps between events stays bounded whatever comes through: a million distinct messages
 * carrying every possible code (every E, W and I code, known or not, and the close codes), from many threads and
 * loggers. The sizes are read from the structures themselves, not guessed from the heap.
 */
@Tag("stress")
class BoundedMemoryTest {
    private static final int THREADS = 4;
    private static final int CALLS = 250_000;
    private static final List<String> CODES = new ArrayList<>();

    static {
        for (char family : new char[] {'E', 'W', 'I'}) {
            for (int n = 0; n < 10_000; n++) {
                CODES.add(String.format("%c%04d", family, n));
            }
        }
        CODES.add("1000");
        CODES.add("1008");
        CODES.add("1011");
    }

    private static String payload(String code) {
        return code.length() == 4 ? "websocket closed with status " + code : "HumeError: CODE " + code + ": failed";
    }

    @Test
    void aMillionDistinctMessagesWithEveryCodeKeepTheFloodTableUnderItsCap() throws Exception {
        LoggerContext context = Logs.configure("memory.xml");
        AtomicLong now = TestClock.NOW;
        now.set(0);
        TallyAppender tally = Logs.appender(context, "TALLY");
        Map<String, String> expected = new HashMap<>();
        CODES.forEach(c -> expected.put(payload(c), c));
        tally.expect(expected);

        Queue<Throwable> escaped = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < THREADS; w++) {
            int worker = w;
            workers.add(new Thread(
                    () -> {
                        try {
                            for (int i = 0; i < CALLS; i++) {
                                int n = worker * CALLS + i;
                                Logger log = context.getLogger("svc" + (n % 5_000));
                                log.warn("worker {} call {}: {}", worker, i, payload(CODES.get(n % CODES.size())));
                            }
                        } catch (Throwable t) {
                            escaped.add(t);
                        }
                    },
                    "memory-" + w));
        }
        workers.forEach(Thread::start);
        while (workers.stream().anyMatch(Thread::isAlive)) {
            Thread.sleep(20);
            now.addAndGet(TimeUnit.SECONDS.toNanos(11)); // windows end: summaries go out, the table turns over
        }
        for (Thread t : workers) {
            t.join();
        }

        // The table's bound itself is FloodControl's own test below; here, that it was reached and held.
        assertThat(escaped).isEmpty();
        assertThat(tally.wrong).as("events enriched wrongly").isEmpty();
        assertThat(tally.arrivals.size()).as("calls let through").isGreaterThan(CODES.size());
        assertThat(tally.arrivals.values()).allMatch(n -> n == 1);
        assertThat(Logs.problems(context))
                .filteredOn(m -> m.contains("codes are tracked already"))
                .hasSize(1);
        context.stop();
    }

    @Test
    void aFloodOfNewCodesFromManyThreadsNeverPassesTheCap() throws Exception {
        // The table's own test, without the logging around it: 16 threads adding distinct codes at once.
        AtomicLong now = new AtomicLong();
        FloodControl flood = new FloodControl(2, TimeUnit.SECONDS.toNanos(10), now::get, () -> {});
        List<Thread> threads = new ArrayList<>();
        AtomicLong most = new AtomicLong();
        for (int t = 0; t < 16; t++) {
            int offset = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 30_000; i++) {
                    flood.allow(CODES.get((i * 16 + offset) % CODES.size()));
                    most.accumulateAndGet(flood.trackedCodes(), Math::max);
                    if (i % 5_000 == 0) {
                        now.addAndGet(TimeUnit.SECONDS.toNanos(11));
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(most.get()).isEqualTo(FloodControl.MAX_CODES);
    }

    @Test
    void theWrapperForgetsChildrenItNoLongerHas() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        AtomicInteger reports = new AtomicInteger(); // the status manager itself keeps only the first and last ones
        context.getStatusManager().add(status -> {
            if (status.getMessage().contains("[broken] threw")) {
                reports.incrementAndGet();
            }
        });
        TallyAppender healthy = new TallyAppender();
        healthy.setContext(context);
        healthy.setName("healthy");
        healthy.start();
        // Its clock stands still: all within one minute, a child it remembered would be reported 3 times in all.
        HumeEnrichingAppender hume = new HumeEnrichingAppender(() -> 0L);
        hume.setContext(context);
        hume.setName("hume");
        hume.addAppender(healthy);
        hume.start();
        Logger log = context.getLogger("voiceagent");
        log.addAppender(hume);

        ThrowingAppender broken = new ThrowingAppender();
        broken.setName("broken");
        broken.start();
        for (int i = 0; i < 1_000; i++) {
            hume.addAppender(broken);
            for (int j = 0; j < 5; j++) {
                log.error("E0300 call {}", i);
            }
            hume.detachAppender(broken);
        }
        assertThat(reports.get())
                .as("reported afresh each time it is attached again")
                .isEqualTo(3_000);
        assertThat(healthy.total.get()).isEqualTo(5_000);
        context.stop();
        assertThat(reports.get())
                .as("nothing left of the detached child to report")
                .isEqualTo(3_000);
    }
}
