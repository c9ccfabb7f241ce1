package io.github.humecodes.otel;

import io.opentelemetry.api.common.Value;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Replaces a log record's body where the SDK lets a log record processor do it. {@link ReadWriteLogRecord} has no
 * body setter in any SDK up to 1.68 (1.46 to 1.68 were checked: {@code setAttribute} and {@code setAllAttributes}
 * are its only setters, and the SDK's record keeps its body in a final field), though OpenTelemetry's specification
 * asks for one; a public {@code setBody(Value)}, on the interface or on the record's own public class, is used as
 * soon as there is one. Found once per record class. Thread-safe.
 */
final class LogBodySetter {
    private static final ClassValue<Method> SETTERS = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            return find(type);
        }
    };

    private LogBodySetter() {}

    /** Sets {@code record}'s body to {@code body}; false when its SDK gives no way to. */
    static boolean set(ReadWriteLogRecord record, String body) throws Throwable {
        Method setter = SETTERS.get(record.getClass());
        if (setter == null) {
            return false;
        }
        try {
            setter.invoke(record, Value.of(body));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        return true;
    }

    private static Method find(Class<?> type) {
        Method m = publicSetter(ReadWriteLogRecord.class);
        if (m == null && Modifier.isPublic(type.getModifiers())) {
            m = publicSetter(type);
        }
        return m;
    }

    private static Method publicSetter(Class<?> type) {
        try {
            return type.getMethod("setBody", Value.class);
        } catch (NoSuchMethodException | SecurityException e) {
            return null;
        }
    }
}
