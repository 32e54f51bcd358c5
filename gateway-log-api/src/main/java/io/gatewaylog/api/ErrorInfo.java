package io.gatewaylog.api;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;

/**
 * A throwable as it is written: its class name, message and full stack trace (causes and suppressed
 * exceptions included). Immutable; detached from the throwable so that it can be sanitized.
 *
 * @since 1.0
 */
public final class ErrorInfo {
    private final String type;
    private final String message;
    private final String stack;

    private ErrorInfo(String type, String message, String stack) {
        this.type = Objects.requireNonNull(type, "type");
        this.message = message;
        this.stack = stack == null ? "" : stack;
    }

    /** An error with the given parts. */
    public static ErrorInfo of(String type, String message, String stack) {
        return new ErrorInfo(type, message, stack);
    }

    /**
     * Captures a throwable. A throwable whose {@code getMessage()} or {@code printStackTrace} throws
     * still yields an error, with what could be read.
     */
    public static ErrorInfo of(Throwable t) {
        String message;
        try {
            message = t.getMessage();
        } catch (RuntimeException | LinkageError e) {
            message = "[getMessage() threw " + e.getClass().getName() + "]";
        }
        String stack;
        try {
            StringWriter w = new StringWriter(512);
            t.printStackTrace(new PrintWriter(w));
            stack = w.toString();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            stack = t.getClass().getName() + " [printStackTrace threw " + e.getClass().getName() + "]";
        }
        return new ErrorInfo(t.getClass().getName(), message, stack);
    }

    /** The throwable's class name. */
    public String type() { return type; }

    /** Its message; may be null. */
    public String message() { return message; }

    /** Its stack trace as {@code printStackTrace} prints it, causes included. */
    public String stack() { return stack; }

    /** A copy with another message and stack (used by sanitizers). */
    public ErrorInfo with(String newMessage, String newStack) {
        return new ErrorInfo(type, newMessage, newStack);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorInfo e && type.equals(e.type) && Objects.equals(message, e.message) && stack.equals(e.stack);
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
