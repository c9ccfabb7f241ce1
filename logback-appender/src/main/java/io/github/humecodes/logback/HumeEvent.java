package io.github.humecodes.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import io.github.humecodes.Detection;
import io.github.humecodes.internal.HumeFields;
import java.io.Serializable;
import java.time.Instant;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * A logging event seen through {@link HumeEnrichingAppender}: everything is the original event's, except that
 * its key-value pairs are followed by the enrichment fields, and that its texts have their credentials redacted
 * when it held any ({@link EventRedaction}). The original event, which other appenders share, is never changed.
 * Immutable once built (the original's own lazy parts aside); safe to hand to other threads.
 *
 * <p>Serialization: socket appenders send {@code LoggingEventVO.build(event)}, which takes the message,
 * arguments, throwable, key-value pairs and MDC of this event (redacted ones included). slf4j's
 * {@code KeyValuePair} is not serializable and Logback's receivers accept only a fixed list of classes, so in the
 * serialized form the enrichment fields travel as MDC entries (strings; {@code codes} joined with commas) and the
 * key-value pairs keep only the original ones.
 */
final class HumeEvent implements ILoggingEvent {
    private final ILoggingEvent event;
    private final Detection detection;
    private final EventRedaction redacted;
    private final Pairs pairs;
    private volatile Mdc mdc;

    /**
     * {@code event} with the pairs {@code added} (may be empty) for the codes {@code detection} (null for none),
     * and the redacted texts {@code redacted} (null when nothing was redacted).
     */
    HumeEvent(ILoggingEvent event, Detection detection, List<KeyValuePair> added, EventRedaction redacted) {
        this.event = event;
        this.detection = detection;
        this.redacted = redacted;
        this.pairs = new Pairs(redacted == null ? event.getKeyValuePairs() : redacted.pairs, added);
    }

    /** The codes found in the original event, or null when it has none. */
    Detection detection() {
        return detection;
    }

    @Override
    public List<KeyValuePair> getKeyValuePairs() {
        return pairs;
    }

    @Override
    public Map<String, String> getMDCPropertyMap() {
        // The original captures its MDC lazily, on first call: ask it each time, wrap what it returns.
        Map<String, String> base = redacted != null && redacted.mdc != null ? redacted.mdc : event.getMDCPropertyMap();
        Mdc view = mdc;
        if (view == null || view.base != base) {
            view = new Mdc(base, pairs.added);
            mdc = view;
        }
        return view;
    }

    @Deprecated
    @Override
    public Map<String, String> getMdc() {
        return getMDCPropertyMap();
    }

    @Override
    public String getMessage() {
        return redacted == null ? event.getMessage() : redacted.message;
    }

    @Override
    public Object[] getArgumentArray() {
        return redacted == null ? event.getArgumentArray() : redacted.arguments;
    }

    @Override
    public String getFormattedMessage() {
        return redacted == null ? event.getFormattedMessage() : redacted.formattedMessage;
    }

    @Override
    public IThrowableProxy getThrowableProxy() {
        return redacted == null ? event.getThrowableProxy() : redacted.throwable;
    }

    @Override
    public String getThreadName() {
        return event.getThreadName();
    }

    @Override
    public Level getLevel() {
        return event.getLevel();
    }

    @Override
    public String getLoggerName() {
        return event.getLoggerName();
    }

    @Override
    public LoggerContextVO getLoggerContextVO() {
        return event.getLoggerContextVO();
    }

    @Override
    public StackTraceElement[] getCallerData() {
        return event.getCallerData();
    }

    @Override
    public boolean hasCallerData() {
        return event.hasCallerData();
    }

    @Override
    public List<Marker> getMarkerList() {
        return event.getMarkerList();
    }

    @Override
    public long getTimeStamp() {
        return event.getTimeStamp();
    }

    @Override
    public int getNanoseconds() {
        return event.getNanoseconds();
    }

    @Override
    public Instant getInstant() {
        return event.getInstant();
    }

    @Override
    public long getSequenceNumber() {
        return event.getSequenceNumber();
    }

    @Override
    public void prepareForDeferredProcessing() {
        event.prepareForDeferredProcessing();
    }

    /** As Logback's own events print themselves: {@code [LEVEL] message}, the message redacted. */
    @Override
    public String toString() {
        return "[" + getLevel() + "] " + getFormattedMessage();
    }

    /** The original key-value pairs (redacted), then the added ones. Serialized without the added ones. */
    static final class Pairs extends AbstractList<KeyValuePair> implements RandomAccess, Serializable {
        private static final long serialVersionUID = 1L;
        private final transient List<KeyValuePair> original;
        private final transient List<KeyValuePair> added;
        private final transient int originalSize;

        Pairs(List<KeyValuePair> original, List<KeyValuePair> added) {
            this.original = original == null ? Collections.emptyList() : original;
            this.originalSize = this.original.size();
            this.added = added;
        }

        @Override
        public KeyValuePair get(int index) {
            return index < originalSize ? original.get(index) : added.get(index - originalSize);
        }

        @Override
        public int size() {
            return originalSize + added.size();
        }

        /** The serialized form: the original pairs (as they would be without this module), or none. */
        private Object writeReplace() {
            return originalSize == 0 ? null : new ArrayList<>(original);
        }
    }

    /** The original MDC. Serialized as a HashMap holding the added fields too, as strings. */
    static final class Mdc extends AbstractMap<String, String> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, String> base;
        private final transient Map<String, String> view;
        private final transient List<KeyValuePair> added;

        Mdc(Map<String, String> base, List<KeyValuePair> added) {
            this.base = base;
            this.view = base == null ? Collections.emptyMap() : base;
            this.added = added;
        }

        @Override
        public String get(Object key) {
            return view.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return view.containsKey(key);
        }

        @Override
        public int size() {
            return view.size();
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return Collections.unmodifiableMap(view).entrySet();
        }

        private Object writeReplace() {
            HashMap<String, String> all = new HashMap<>(view);
            for (KeyValuePair pair : added) {
                all.putIfAbsent(pair.key, HumeFields.text(pair.value));
            }
            return all;
        }
    }
}
