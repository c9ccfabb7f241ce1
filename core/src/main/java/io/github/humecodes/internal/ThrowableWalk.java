package io.github.humecodes.internal;

import io.github.humecodes.Detection;
import io.github.humecodes.Detector;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The one walk of an exception chain: class names and messages of a throwable, its causes and its suppressed
 * exceptions, at most {@link Detector#MAX_THROWABLES}, each once. For internal use only: the integrations read
 * their own throwable types (Logback's deserialized proxies) through a {@link Tree}.
 */
public final class ThrowableWalk {
    /** How to read one kind of throwable. Any method may throw: the walk takes that as "nothing there". */
    public interface Tree<T> {
        String className(T t);

        String message(T t);

        T cause(T t);

        T[] suppressed(T t);

        /** True when {@code t} only stands for a throwable already in the chain (Logback's cyclic proxies). */
        default boolean isBackReference(T t) {
            return false;
        }
    }

    /** Java's own throwables. */
    public static final Tree<Throwable> JDK = new Tree<>() {
        @Override
        public String className(Throwable t) {
            return t.getClass().getName();
        }

        @Override
        public String message(Throwable t) {
            return t.getMessage();
        }

        @Override
        public Throwable cause(Throwable t) {
            return t.getCause();
        }

        @Override
        public Throwable[] suppressed(Throwable t) {
            return t.getSuppressed();
        }
    };

    private ThrowableWalk() {}

    /** {@code soFar} with the codes of {@code root} and the throwables it leads to. */
    public static <T> Detection scan(Detector detector, T root, Tree<T> tree, Detection soFar) {
        if (root == null) {
            return soFar;
        }
        return walk(detector, root, tree, soFar, new IdentityHashMap<>());
    }

    private static <T> Detection walk(Detector detector, T t, Tree<T> tree, Detection found, Map<T, Boolean> seen) {
        if (t == null || seen.size() >= Detector.MAX_THROWABLES || seen.put(t, Boolean.TRUE) != null) {
            return found;
        }
        try {
            found = detector.scan(tree.className(t), found);
        } catch (Throwable e) { // a user's exception class may throw anything, an Error included
            rethrowIfFatal(e);
        }
        try {
            found = detector.scan(tree.message(t), found);
        } catch (Throwable e) {
            rethrowIfFatal(e);
        }
        if (tree.isBackReference(t)) {
            return found;
        }
        T cause = null;
        try {
            cause = tree.cause(t);
        } catch (Throwable e) {
            rethrowIfFatal(e);
        }
        found = walk(detector, cause, tree, found, seen);
        T[] suppressed = null;
        try {
            suppressed = tree.suppressed(t);
        } catch (Throwable e) {
            rethrowIfFatal(e);
        }
        if (suppressed != null) {
            for (T s : suppressed) {
                found = walk(detector, s, tree, found, seen);
            }
        }
        return found;
    }

    /**
     * Out of memory and the JVM's internal errors are not a user's exception's to swallow. A stack overflow is:
     * an exception class whose {@code getMessage()} recurses without end must not break the logging call.
     */
    public static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
            throw (VirtualMachineError) e;
        }
    }
}
