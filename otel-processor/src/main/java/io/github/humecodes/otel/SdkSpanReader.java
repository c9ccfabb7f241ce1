package io.github.humecodes.otel;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * Reads the attributes, events and status of the SDK's own spans where they are kept, without the copy that
 * {@code toSpanData()} makes of a span still ending (its attributes sorted into a new array, its events list, the
 * snapshot itself): no SDK up to 1.68 has a getter for a span's status or events, and {@code getAttributes()}
 * copies too. Only used in {@code onEnding}, on the thread ending the span: the SDK lets no other thread change a
 * span then, and the lock it took to end the span makes every earlier change visible.
 *
 * <p>The fields are found once ({@link SdkFields}) in the SDK's span class, {@code SdkSpan}: {@code attributes},
 * {@code events} and {@code status}, the same from SDK 1.42 to 1.68. Where they are not there, {@link #reads} is
 * false for every span and the caller takes the snapshot; so it does for spans of other classes. Thread-safe.
 */
final class SdkSpanReader {
    /** The SDK's span class, or null when its fields cannot be read. */
    private static final Class<?> SPAN_CLASS;

    private static final MethodHandle ATTRIBUTES;
    private static final MethodHandle EVENTS;
    private static final MethodHandle STATUS;

    static {
        Class<?> spanClass = null;
        MethodHandle attributes = null;
        MethodHandle events = null;
        MethodHandle status = null;
        try {
            Class<?> c = SdkFields.sdkClass("io.opentelemetry.sdk.trace.SdkSpan", ReadableSpan.class);
            attributes = SdkFields.getter(c, "attributes", Attributes.class);
            events = SdkFields.getter(c, "events", List.class);
            status = SdkFields.getter(c, "status", StatusData.class);
            spanClass = c;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Not this SDK's layout, or not readable here: every span is read through its snapshot.
        }
        SPAN_CLASS = spanClass;
        ATTRIBUTES = attributes;
        EVENTS = events;
        STATUS = status;
    }

    private SdkSpanReader() {}

    /** True when this SDK's spans are read where they are kept: the fields were found. */
    static boolean available() {
        return SPAN_CLASS != null;
    }

    /** True when {@code span} is the SDK's own span and its fields can be read. */
    static boolean reads(ReadableSpan span) {
        return SPAN_CLASS != null && span.getClass() == SPAN_CLASS;
    }

    /** The attributes of a span that {@link #reads}: the SDK's own map, not a copy; never null. */
    static Attributes attributes(ReadableSpan span) {
        Object a = SdkFields.get(ATTRIBUTES, span);
        return a == null ? Attributes.empty() : (Attributes) a;
    }

    /** The events of a span that {@link #reads}, the SDK's own list; never null. */
    @SuppressWarnings("unchecked")
    static List<EventData> events(ReadableSpan span) {
        Object e = SdkFields.get(EVENTS, span);
        return e == null ? List.of() : (List<EventData>) e;
    }

    /** The status of a span that {@link #reads}. */
    static StatusData status(ReadableSpan span) {
        Object s = SdkFields.get(STATUS, span);
        return s == null ? StatusData.unset() : (StatusData) s;
    }
}
