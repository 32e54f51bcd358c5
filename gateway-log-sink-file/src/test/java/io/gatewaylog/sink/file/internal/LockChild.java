package io.gatewaylog.sink.file.internal;

import io.gatewaylog.testkit.RecordingReporter;
import java.nio.file.Path;
import java.util.Map;

/** A second process opening the file sink on a directory: prints the outcome, exits 0 if it got the lock. */
public final class LockChild {
    private LockChild() {}

    public static void main(String[] args) throws Exception {
        RecordingReporter reporter = new RecordingReporter();
        TestContext ctx = TestContext.of(Map.of("dir", Path.of(args[0]).toString()), reporter);
        try (RotatingFileSink sink =
                RotatingFileSink.open(FileSinkConfig.parse(ctx.settings()), ctx.encoder(), reporter)) {
            System.out.println(sink.directory(io.gatewaylog.api.LogComponent.API) != null ? "OPENED" : "?");
        } catch (IllegalStateException e) {
            System.out.println(e.getMessage());
            System.exit(3);
        }
    }
}
