package io.github.humecodes.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.humecodes.Detection;
import io.github.humecodes.HumeCode;
import io.github.humecodes.internal.HumeFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.event.KeyValuePair;

/**
 * The enrichment fields (names and values are core's {@link HumeFields}) as Logback writes them: as an event's
 * key-value pairs, or handed to a sink, leaving out the names the event already has. Thread-safe.
 */
final class EventFields {
    private static final List<HumeFields.Field> FIELDS = HumeFields.ALL;
    private static final EventFields DEFAULT = new EventFields(HumeFields.DEFAULT);

    private final HumeFields fields;
    private final String[] names;
    /**
     * The pairs of a detection of one catalog code on an event without any of the names: the same for every such
     * event, so built once per code (bounded by the catalog's size; KeyValuePair is immutable).
     */
    private final Map<HumeCode, List<KeyValuePair>> single = new ConcurrentHashMap<>();

    private EventFields(HumeFields fields) {
        this.fields = fields;
        this.names = new String[FIELDS.size()];
        for (HumeFields.Field f : FIELDS) {
            names[f.ordinal()] = fields.name(f);
        }
    }

    /** The fields under {@code prefix}, which core's {@link HumeFields#prefixProblem} accepts. */
    static EventFields withPrefix(String prefix) {
        return prefix.equals(HumeFields.DEFAULT_PREFIX) ? DEFAULT : new EventFields(HumeFields.withPrefix(prefix));
    }

    /**
     * Hands each field of {@code d} to {@code sink} as (name, value), in table order, leaving out fields without
     * a value and, when {@code existing} is not null, names that event already has as a key-value pair or MDC
     * entry: fields already on an event are never overwritten.
     */
    void write(Detection d, ILoggingEvent existing, BiConsumer<String, Object> sink) {
        for (HumeFields.Field f : FIELDS) {
            String name = names[f.ordinal()];
            Object value = f.value(d);
            if (value != null && (existing == null || !has(existing, name))) {
                sink.accept(name, value);
            }
        }
    }

    /** The fields of {@code d} as key-value pairs, leaving out those {@code event} already has; immutable. */
    List<KeyValuePair> pairs(Detection d, ILoggingEvent event) {
        HumeCode only = d.size() == 1 ? d.primary() : null;
        boolean clash = hasAny(event);
        if (only != null && only.inCatalog() && !clash) {
            List<KeyValuePair> known = single.get(only);
            if (known == null) {
                known = build(d, null);
                single.put(only, known);
            }
            return known;
        }
        return build(d, clash ? event : null);
    }

    private List<KeyValuePair> build(Detection d, ILoggingEvent existing) {
        List<KeyValuePair> pairs = new ArrayList<>(FIELDS.size());
        write(d, existing, (name, value) -> pairs.add(new KeyValuePair(name, value)));
        return List.copyOf(pairs);
    }

    /** True when {@code event} has a key-value pair or an MDC entry named {@code name}. */
    static boolean has(ILoggingEvent event, String name) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (int i = 0, n = pairs.size(); i < n; i++) {
                KeyValuePair pair = pairs.get(i);
                if (pair != null && name.equals(pair.key)) {
                    return true;
                }
            }
        }
        Map<String, String> mdc = mdc(event);
        return mdc != null && mdc.containsKey(name);
    }

    /**
     * The event's MDC, or null when it cannot be read: a {@code LoggerContext} made without SLF4J has no MDC adapter,
     * and Logback's event then throws; its fields are still added.
     */
    private static Map<String, String> mdc(ILoggingEvent event) {
        try {
            return event.getMDCPropertyMap();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** True when {@code event} has any of the field names as a key-value pair or MDC entry. */
    private boolean hasAny(ILoggingEvent event) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (int i = 0, n = pairs.size(); i < n; i++) {
                KeyValuePair pair = pairs.get(i);
                if (pair != null && isName(pair.key)) {
                    return true;
                }
            }
        }
        Map<String, String> mdc = mdc(event);
        if (mdc == null || mdc.isEmpty()) {
            return false;
        }
        for (String name : names) {
            if (mdc.containsKey(name)) {
                return true;
            }
        }
        return false;
    }

    private boolean isName(String key) {
        if (key == null || !key.startsWith(fields.prefix())) {
            return false;
        }
        for (String name : names) {
            if (name.equals(key)) {
                return true;
            }
        }
        return false;
    }
}
