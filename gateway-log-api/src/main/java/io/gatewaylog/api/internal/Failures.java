package io.gatewaylog.api.internal;

/**
 * What a log call does with a {@link Throwable} thrown by code it runs: a value's {@code toString()}, an
 * exception's {@code getMessage()}, or the logging system's own code. A log call never throws into the
 * application (a log call in a {@code catch} or {@code finally} block that threw would replace the
 * application's own exception), so almost everything is caught and turned into a marker. The exceptions:
 * <ul>
 * <li>{@link ThreadDeath} is the thread being stopped, not a failure: the JDK requires it to be rethrown.</li>
 * <li>An {@link InterruptedException} thrown sneakily is caught, and the thread's interrupt flag set again so
 * that the interruption is not lost.</li>
 * </ul>
 * Everything else, {@code Error}s included ({@code StackOverflowError}, {@code OutOfMemoryError},
 * {@code LinkageError}, {@code AssertionError}, ...), is the value's failure and ends in a marker. See
 * {@code docs/ARCHITECTURE.md} ("A log call never throws") for {@code VirtualMachineError}s.
 */
public final class Failures {
    private Failures() {}

    /**
     * Rethrows what must never be swallowed; restores the interrupt flag of a swallowed interruption.
     * Returns normally for everything the caller may turn into a marker.
     */
    public static void rethrowIfFatal(Throwable t) {
        if (t instanceof ThreadDeath td) {
            throw td;
        }
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
    }

    /** A marker naming what failed, never calling any method of {@code t} but {@code getClass()}. */
    public static String marker(String what, Object owner, Throwable t) {
        return "[" + what + (owner == null ? "" : " of " + owner.getClass().getName()) + " threw "
                + t.getClass().getName() + "]";
    }

    /** {@code v.toString()} ({@code "null"} for a null answer), or a marker when it throws anything. */
    public static String text(Object v) {
        try {
            String s = v.toString();
            return s == null ? "null" : s;
        } catch (Throwable t) {
            rethrowIfFatal(t);
            return marker("toString()", v, t);
        }
    }
}
