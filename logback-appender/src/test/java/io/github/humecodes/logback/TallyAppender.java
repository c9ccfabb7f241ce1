package io.github.humecodes.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.github.humecodes.Catalog;
import io.github.humecodes.HumeCode;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.event.KeyValuePair;

/**
 * Test appender for many events from many threads: keeps counts, not events. Events logged as
 * {@code log.info("worker {} call {}: {}", worker, call, payload)} are checked as they arrive: the
 * {@code hume.code} key-value pair must be the code {@link #expect expected} for the payload (and the category
 * the built-in catalog gives it), and a payload expected to carry no code must arrive without any
 * {@code hume.} pair. Every (worker, call) is counted, so that losses and duplicates show.
 */
public class TallyAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private static final int MAX_KEPT = 20;

    private volatile Map<String, String> expected = Map.of();
    final AtomicLong total = new AtomicLong();
    final AtomicLong enriched = new AtomicLong();
    final AtomicLong others = new AtomicLong();
    /** (worker << 32 | call) to the times it arrived. */
    final Map<Long, Integer> arrivals = new ConcurrentHashMap<>();

    final Queue<String> wrong = new ConcurrentLinkedQueue<>();
    private final AtomicInteger wrongCount = new AtomicInteger();

    /** Payload to the code it carries; "" for a payload without one. Payloads not listed are not checked. */
    void expect(Map<String, String> codes) {
        this.expected = codes;
    }

    static long key(int worker, int call) {
        return ((long) worker << 32) | (call & 0xffffffffL);
    }

    @Override
    protected void append(ILoggingEvent event) {
        total.incrementAndGet();
        String code = pair(event.getKeyValuePairs(), "hume.code");
        if (code != null) {
            enriched.incrementAndGet();
        }
        Object[] args = event.getArgumentArray();
        if (args == null || args.length != 3 || !(args[0] instanceof Integer) || !(args[1] instanceof Integer)) {
            others.incrementAndGet();
            return;
        }
        arrivals.merge(key((Integer) args[0], (Integer) args[1]), 1, Integer::sum);
        String want = expected.get(String.valueOf(args[2]));
        if (want == null) {
            return;
        }
        if (want.isEmpty()) {
            if (hasHumePair(event.getKeyValuePairs())) {
                keep("enriched without a code: " + event.getFormattedMessage() + " " + event.getKeyValuePairs());
            }
            return;
        }
        HumeCode entry = Catalog.builtIn().lookup(want);
        String category = pair(event.getKeyValuePairs(), "hume.category");
        if (!want.equals(code) || !entry.category().equals(category)) {
            keep("expected " + want + "/" + entry.category() + ", got " + code + "/" + category + ": "
                    + event.getFormattedMessage());
        }
    }

    private void keep(String problem) {
        if (wrongCount.getAndIncrement() < MAX_KEPT) {
            wrong.add(problem);
        }
    }

    static String pair(List<KeyValuePair> pairs, String key) {
        if (pairs != null) {
            for (KeyValuePair p : pairs) {
                if (p != null && key.equals(p.key)) {
                    return String.valueOf(p.value);
                }
            }
        }
        return null;
    }

    private static boolean hasHumePair(List<KeyValuePair> pairs) {
        if (pairs != null) {
            for (KeyValuePair p : pairs) {
                if (p != null && p.key != null && p.key.startsWith("hume.")) {
                    return true;
                }
            }
        }
        return false;
    }

    int wrongCount() {
        return wrongCount.get();
    }
}
