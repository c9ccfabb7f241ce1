package io.github.humecodes.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Start, stop and restart of the wrapper, and Logback reconfiguration (reset and Joran again), while other
 * threads log. A call made wholly inside a started period (the phase, read before and after the call, is the
 * same even number) must reach that period's appenders exactly once; calls that overlap a transition may be
 * lost, as Logback loses them itself. No thread is left behind once the context has stopped.
 */
@Tag("stress")
class LifecycleStressTest {
    private static final int THREADS = 4;
    private static final int CALLS = 40_000;

    /** Even: started and stable, the period's number is phase / 2. Odd: changing. */
    private final AtomicInteger phase = new AtomicInteger();

    @Test
    void stopAndRestartOfTheWrapperWhileThreadsLog() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        LoggerContext context = Logs.configure("restart.xml");
        HumeEnrichingAppender hume = Logs.appender(context, "HUME");
        TallyAppender tally = Logs.appender(context, "TALLY");
        tally.expect(Payloads.expectations());

        int[][] periods = run(context, cycle -> {
            hume.stop();
            Thread.yield();
            hume.start();
            assertThat(hume.isStarted()).isTrue();
        });
        context.stop();

        assertDelivered(periods, List.of(tally), false);
        assertThat(tally.wrong).isEmpty();
        assertNoThreadLeft(before);
    }

    @Test
    void reconfigurationWhileThreadsLog() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        LoggerContext context = Logs.configure("lifecycle.xml");
        URL config = getClass().getResource("/lifecycle.xml");
        List<TallyAppender> tallies = new CopyOnWriteArrayList<>();
        List<TallyAppender> behindAsync = new CopyOnWriteArrayList<>();
        IntConsumer collect = period -> {
            TallyAppender t = Logs.appender(context, "TALLY");
            TallyAppender a = Logs.appender(context, "BEHIND_ASYNC");
            t.expect(Payloads.expectations());
            a.expect(Payloads.expectations());
            tallies.add(t);
            behindAsync.add(a);
        };
        collect.accept(0);

        int[][] periods = run(context, cycle -> {
            context.reset();
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            try {
                configurator.doConfigure(config);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            collect.accept(cycle);
        });
        context.stop(); // flushes the last AsyncAppender

        assertThat(tallies).hasSizeGreaterThan(1);
        assertDelivered(periods, tallies, true);
        assertDelivered(periods, behindAsync, true);
        for (TallyAppender t : tallies) {
            assertThat(t.wrong).isEmpty();
        }
        for (TallyAppender t : behindAsync) {
            assertThat(t.wrong).isEmpty();
        }
        assertNoThreadLeft(before);
    }

    /**
     * Runs the logging threads and, until they are done, {@code change} again and again (with the phase odd).
     * Returns, per thread and call, the period it was wholly inside, or -1.
     */
    private int[][] run(LoggerContext context, IntConsumer change) throws Exception {
        int[][] periods = new int[THREADS][CALLS];
        Queue<Throwable> escaped = new ConcurrentLinkedQueue<>();
        // Halfway, each worker waits for two changes: on a busy machine the workers could otherwise be done
        // before the main thread makes any, and the test would prove nothing.
        CountDownLatch twoChanges = new CountDownLatch(2);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < THREADS; w++) {
            int worker = w;
            workers.add(new Thread(
                    () -> {
                        try {
                            Logger log = context.getLogger("voiceagent.worker" + worker);
                            for (int i = 0; i < CALLS; i++) {
                                if (i == CALLS / 2) {
                                    twoChanges.await(60, TimeUnit.SECONDS);
                                }
                                int p0 = phase.get();
                                log.info("worker {} call {}: {}", worker, i, Payloads.payload(i));
                                int p1 = phase.get();
                                periods[worker][i] = p0 == p1 && p0 % 2 == 0 ? p0 / 2 : -1;
                            }
                        } catch (Throwable t) {
                            escaped.add(t);
                        }
                    },
                    "lifecycle-" + w));
        }
        workers.forEach(Thread::start);
        int cycle = 0;
        while (workers.stream().anyMatch(Thread::isAlive)) {
            phase.incrementAndGet();
            change.accept(++cycle);
            phase.incrementAndGet();
            twoChanges.countDown();
            Thread.sleep(2);
        }
        for (Thread t : workers) {
            t.join();
        }
        assertThat(escaped).isEmpty();
        assertThat(cycle).as("changes made while the threads logged").isGreaterThan(1);
        return periods;
    }

    /** Each call made wholly inside period p reached sinks[p] once (or, when a tally per period, that one). */
    private static void assertDelivered(int[][] periods, List<TallyAppender> sinks, boolean perPeriod) {
        long must = 0;
        for (int w = 0; w < THREADS; w++) {
            for (int i = 0; i < CALLS; i++) {
                int p = periods[w][i];
                long key = TallyAppender.key(w, i);
                int seen = 0;
                for (TallyAppender t : sinks) {
                    seen += t.arrivals.getOrDefault(key, 0);
                }
                assertThat(seen).as("worker %d call %d: arrivals", w, i).isLessThanOrEqualTo(1);
                if (p >= 0) {
                    must++;
                    TallyAppender sink = perPeriod ? sinks.get(p) : sinks.get(0);
                    assertThat(sink.arrivals.get(key))
                            .as("worker %d call %d, made in period %d", w, i, p)
                            .isEqualTo(1);
                }
            }
        }
        assertThat(must).as("calls made wholly inside a started period").isPositive();
    }

    /** Every thread started since {@code before} ends (Logback's AsyncAppender worker included). */
    private static void assertNoThreadLeft(Set<Thread> before) throws InterruptedException {
        Set<Thread> added = new HashSet<>(Thread.getAllStackTraces().keySet());
        added.removeAll(before);
        for (Thread t : added) {
            t.join(10_000);
        }
        assertThat(added).filteredOn(Thread::isAlive).as("threads left running").isEmpty();
    }
}
