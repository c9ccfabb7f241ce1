package io.github.humecodes.otel;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Reads fields of the SDK's own classes where no getter reads them without a copy. A field is found once, by its
 * class, name and type; when it is not there or cannot be read (a later SDK that renamed it, a runtime that forbids
 * it), {@link #getter} throws and the caller falls back to the SDK's public API. Stateless and thread-safe.
 */
final class SdkFields {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    private SdkFields() {}

    /** The SDK class {@code name}, from the loader that loaded {@code sibling} (an SDK class of the same jar). */
    static Class<?> sdkClass(String name, Class<?> sibling) throws ClassNotFoundException {
        return Class.forName(name, false, sibling.getClassLoader());
    }

    /**
     * The getter of {@code c}'s instance field {@code name}, which must hold a {@code type}, as {@code (Object)Object}.
     *
     * @throws ReflectiveOperationException when there is no such field, or it cannot be read
     */
    static MethodHandle getter(Class<?> c, String name, Class<?> type) throws ReflectiveOperationException {
        Field f = c.getDeclaredField(name);
        if (Modifier.isStatic(f.getModifiers()) || !type.isAssignableFrom(f.getType())) {
            throw new NoSuchFieldException(name + " of " + c.getName() + " is not a " + type.getName());
        }
        return MethodHandles.privateLookupIn(c, MethodHandles.lookup())
                .unreflectGetter(f)
                .asType(GETTER);
    }

    /** The value of the field {@code getter} reads from {@code owner}. */
    static Object get(MethodHandle getter, Object owner) {
        try {
            return (Object) getter.invokeExact(owner);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) { // a field getter throws nothing checked; the compiler cannot know
            throw new IllegalStateException(t);
        }
    }
}
