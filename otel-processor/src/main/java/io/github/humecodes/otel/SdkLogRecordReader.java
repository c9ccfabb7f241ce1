package io.github.humecodes.otel;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import java.lang.invoke.MethodHandle;

/**
 * Reads the attributes of the SDK's own log records where they are kept, without the copy that
 * {@code getAttributes()} makes (sorted into a new array) every time. The record's own lock is held while they are
 * read ({@link #lock}), as the SDK's getters do.
 *
 * <p>The fields are found once ({@link SdkFields}) in the SDK's record class, {@code SdkReadWriteLogRecord}:
 * {@code attributes} and {@code lock}, the same from SDK 1.46 to 1.68. Where they are not there, {@link #reads} is
 * false for every record and the caller uses {@code getAttributes()}; so it does for records of other classes (the
 * records with extended attributes that SDK 1.50 to 1.60 make when the incubating API is present, for example).
 * Thread-safe.
 */
final class SdkLogRecordReader {
    /** The SDK's record class, or null when its fields cannot be read. */
    private static final Class<?> RECORD_CLASS;

    private static final MethodHandle ATTRIBUTES;
    private static final MethodHandle LOCK;

    static {
        Class<?> recordClass = null;
        MethodHandle attributes = null;
        MethodHandle lock = null;
        try {
            Class<?> c =
                    SdkFields.sdkClass("io.opentelemetry.sdk.logs.SdkReadWriteLogRecord", ReadWriteLogRecord.class);
            attributes = SdkFields.getter(c, "attributes", Attributes.class);
            lock = SdkFields.getter(c, "lock", Object.class);
            recordClass = c;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Not this SDK's layout, or not readable here: every record's attributes are read by getAttributes().
        }
        RECORD_CLASS = recordClass;
        ATTRIBUTES = attributes;
        LOCK = lock;
    }

    private SdkLogRecordReader() {}

    /** True when this SDK's records are read where they are kept: the fields were found. */
    static boolean available() {
        return RECORD_CLASS != null;
    }

    /** True when {@code record} is the SDK's own record and its fields can be read. */
    static boolean reads(ReadWriteLogRecord record) {
        return RECORD_CLASS != null && record.getClass() == RECORD_CLASS;
    }

    /** The lock that guards the attributes of a record that {@link #reads}. */
    static Object lock(ReadWriteLogRecord record) {
        return SdkFields.get(LOCK, record);
    }

    /**
     * The attributes of a record that {@link #reads}: the SDK's own map, not a copy; never null. Read, and visit,
     * holding {@link #lock}.
     */
    static Attributes attributes(ReadWriteLogRecord record) {
        Object a = SdkFields.get(ATTRIBUTES, record);
        return a == null ? Attributes.empty() : (Attributes) a;
    }
}
