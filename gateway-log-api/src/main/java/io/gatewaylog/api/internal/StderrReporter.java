package io.gatewaylog.api.internal;

import io.gatewaylog.api.spi.Reporter;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The logging system's own diagnostics: lines on stderr prefixed {@code gateway-log:}, never through a
 * logger (which could be the thing that is broken). A cause's stack trace is printed only the first
 * time its message is reported, so a sink failing in a loop does not flood stderr.
 */
public final class StderrReporter implements Reporter {
    /** Shared instance writing to {@code System.err} as it is at the time of each report. */
    public static final StderrReporter INSTANCE = new StderrReporter(null);

    private static final int MAX_REMEMBERED = 1000;

    private final PrintStream fixed;
    private final Set<String> stacksShown = ConcurrentHashMap.newKeySet();

    public StderrReporter(PrintStream out) {
        this.fixed = out;
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
