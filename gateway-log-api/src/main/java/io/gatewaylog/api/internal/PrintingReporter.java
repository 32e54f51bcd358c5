package io.gatewaylog.api.internal;

import io.gatewaylog.api.spi.Reporter;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one implementation behind {@link Reporter#stderr()}: lines prefixed {@code gateway-log:}, never through a
 * logger (which could be the thing that is broken). A cause's stack trace is printed only the first time its
 * message is reported, so a sink failing in a loop does not flood stderr. Public (in this internal package) only
 * so that a command-line tool and tests can point it at a stream of their own.
 */
public final class PrintingReporter implements Reporter {
    private static final PrintingReporter STDERR = new PrintingReporter(null);
    private static final int MAX_REMEMBERED = 1000;

    private final PrintStream fixed;
    private final Set<String> stacksShown = ConcurrentHashMap.newKeySet();

    /** Prints on {@code out}; null means {@code System.err} as it is at the time of each report. */
    public PrintingReporter(PrintStream out) {
        this.fixed = out;
    }

    /** The shared reporter on {@code System.err} (as it is at the time of each report). */
    public static Reporter stderr() {
        return STDERR;
    }

    private PrintStream out() {
        return fixed != null ? fixed : System.err;
    }

    @Override
    public void warn(String message) {
        out().println("gateway-log: WARN " + message);
    }

    @Override
    public void error(String message, Throwable cause) {
        PrintStream out = out();
        out.println("gateway-log: ERROR " + message + (cause == null ? "" : " (" + cause + ")"));
        if (cause != null && stacksShown.size() < MAX_REMEMBERED && stacksShown.add(message)) {
            cause.printStackTrace(out);
        }
    }
}
