package io.gatewaylog.api;

import io.gatewaylog.api.internal.Failures;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;

/**
 * A throwable as it is written: its class name, message and full stack trace (causes and suppressed
 * exceptions included, at any depth). Immutable; detached from the throwable so that it can be
 * sanitized, and so that what is written is what the throwable said when it was logged.
 *
 * @since 1.0
 */
public final class ErrorInfo {
    // The stack text is cut here (with a marker): a record must stay bounded whatever it is handed.
    private static final int MAX_STACK_CHARS = 256 * 1024;
    // At most this many throwables (the logged one, its causes and suppressed ones) are written.
    private static final int MAX_THROWABLES = 1024;

    private static final StackTraceElement[] NO_FRAMES = new StackTraceElement[0];

    private final String type;
    private final String message;
    private final String stack;

    private ErrorInfo(String type, String message, String stack) {
        this.type = Objects.requireNonNull(type, "type");
        this.message = message;
        this.stack = stack == null ? "" : stack;
    }

    /** An error with the given parts (for the backend, through {@code ApiAccess.errorInfo}). */
    static ErrorInfo of(String type, String message, String stack) {
        return new ErrorInfo(type, message, stack);
    }

    /**
     * Captures a throwable: its message and its stack trace in the JDK's {@code printStackTrace} layout
     * ({@code Caused by:}, {@code Suppressed:}, {@code ... n more}, {@code [CIRCULAR REFERENCE: ...]}).
     * Never throws: a {@code getMessage()}, {@code toString()}, {@code getStackTrace()} or {@code getCause()}
     * that throws (an {@code Error} included) is written as a marker and the rest is still captured. The
     * walk is iterative, so a chain of any depth costs no stack. The result stays bounded whatever it is handed:
     * at most 1024 throwables are written and the stack text is cut at 256 K characters, each cut with a marker.
     *
     * @param t the throwable, not null
     * @return its parts as they are now
     */
    public static ErrorInfo of(Throwable t) {
        String message;
        try {
            message = t.getMessage();
        } catch (Throwable e) {
            Failures.rethrowIfFatal(e);
            message = Failures.marker("getMessage()", t, e);
        }
        return new ErrorInfo(t.getClass().getName(), message, stackOf(t));
    }

    private record Pending(Throwable t, StackTraceElement[] enclosing, String caption, String prefix) {}

    private static String stackOf(Throwable top) {
        StringBuilder out = new StringBuilder(512);
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Pending> todo = new ArrayDeque<>();
        todo.push(new Pending(top, NO_FRAMES, "", ""));
        int written = 0;
        while (!todo.isEmpty()) {
            Pending p = todo.pop();
            if (out.length() >= MAX_STACK_CHARS || written >= MAX_THROWABLES) {
                out.append(p.prefix)
                        .append("\t... [stack cut: ")
                        .append(todo.size() + 1)
                        .append(" more throwables not written]\n");
                break;
            }
            if (!seen.add(p.t)) {
                out.append(p.prefix)
                        .append(p.caption)
                        .append("[CIRCULAR REFERENCE: ")
                        .append(text(p.t))
                        .append("]\n");
                continue;
            }
            written++;
            StackTraceElement[] trace = writeOne(out, p);
            queueRelated(todo, p, trace);
        }
        return out.toString();
    }

    /** Writes one throwable: its line, its own frames, and how many it shares with the enclosing trace. */
    private static StackTraceElement[] writeOne(StringBuilder out, Pending p) {
        StackTraceElement[] trace = frames(p.t);
        int m = trace.length - 1;
        int n = p.enclosing.length - 1;
        while (m >= 0 && n >= 0 && Objects.equals(trace[m], p.enclosing[n])) {
            m--;
            n--;
        }
        int inCommon = trace.length - 1 - m;
        out.append(p.prefix).append(p.caption).append(text(p.t)).append('\n');
        for (int i = 0; i <= m && out.length() < MAX_STACK_CHARS; i++) {
            out.append(p.prefix).append("\tat ").append(frame(trace[i])).append('\n');
        }
        if (inCommon != 0) {
            out.append(p.prefix).append("\t... ").append(inCommon).append(" more\n");
        }
        return trace;
    }

    /** Queues what the JDK prints after a throwable: every suppressed one (with its own causes), then the cause. */
    private static void queueRelated(ArrayDeque<Pending> todo, Pending p, StackTraceElement[] trace) {
        // Pushed in reverse so that they are popped depth first, in the JDK's order.
        Throwable cause = cause(p.t);
        if (cause != null) {
            todo.push(new Pending(cause, trace, "Caused by: ", p.prefix));
        }
        Throwable[] suppressed = suppressed(p.t);
        for (int i = suppressed.length - 1; i >= 0; i--) {
            if (suppressed[i] != null) {
                todo.push(new Pending(suppressed[i], trace, "Suppressed: ", p.prefix + "\t"));
            }
        }
    }

    private static String text(Throwable t) {
        try {
            return String.valueOf(t.toString());
        } catch (Throwable e) {
            Failures.rethrowIfFatal(e);
            return t.getClass().getName() + ": " + Failures.marker("toString()", null, e);
        }
    }

    private static StackTraceElement[] frames(Throwable t) {
        try {
            StackTraceElement[] s = t.getStackTrace();
            return s == null ? NO_FRAMES : s;
        } catch (Throwable e) {
            Failures.rethrowIfFatal(e);
            return NO_FRAMES;
        }
    }

    private static String frame(StackTraceElement e) {
        try {
            return String.valueOf(e);
        } catch (Throwable x) {
            Failures.rethrowIfFatal(x);
            return Failures.marker("toString()", e, x);
        }
    }

    private static Throwable cause(Throwable t) {
        try {
            return t.getCause();
        } catch (Throwable e) {
            Failures.rethrowIfFatal(e);
            return null;
        }
    }

    private static Throwable[] suppressed(Throwable t) {
        try {
            return t.getSuppressed();
        } catch (Throwable e) {
            Failures.rethrowIfFatal(e);
            return new Throwable[0];
        }
    }

    /**
     * The throwable's class name.
     *
     * @return the class name, never null
     */
    public String type() {
        return type;
    }

    /**
     * Its message.
     *
     * @return the message; may be null
     */
    public String message() {
        return message;
    }

    /**
     * Its stack trace as {@code printStackTrace} prints it, causes and suppressed exceptions included.
     *
     * @return the stack text, never null
     */
    public String stack() {
        return stack;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorInfo e
                && type.equals(e.type)
                && Objects.equals(message, e.message)
                && stack.equals(e.stack);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, message, stack);
    }

    @Override
    public String toString() {
        return type + (message == null ? "" : ": " + message);
    }
}
