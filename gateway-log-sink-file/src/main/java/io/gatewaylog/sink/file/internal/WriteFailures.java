package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.spi.Reporter;
import java.nio.file.Path;

/**
 * One component file's failures: counted each time, reported once until writing works again (a full
 * disk must not flood stderr), and turning on write-through until the next flush, because the pipeline
 * may retry its backlog while idle and then have no reason to flush again.
 */
final class WriteFailures {
    private final Path current;
    private final FileCounters counters;
    private final Reporter reporter;
    private boolean failing;
    private boolean writeThrough;

    WriteFailures(Path current, FileCounters counters, Reporter reporter) {
        this.current = current;
        this.counters = counters;
        this.reporter = reporter;
    }

    /** Whether batches are written through (since a failure, until the next flush). */
    boolean writeThrough() {
        return writeThrough;
    }

    /** A flush worked: buffering may resume. */
    void flushed() {
        writeThrough = false;
    }

    void failed(String what, Throwable e) {
        counters.failures.incrementAndGet();
        writeThrough = true;
        if (!failing) {
            failing = true;
            reporter.error(
                    "file sink: " + what + " failed; the records not written are kept by the pipeline and"
                            + " retried, no torn line stays in the file (reported once until writing works again)",
                    e);
        }
    }

    void recovered() {
        if (failing) {
            failing = false;
            reporter.warn("file sink: writing " + current + " works again");
        }
    }
}
