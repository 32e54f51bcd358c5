package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.core.GatewayLogBackend;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Logs until killed: api records {@code r<run> <i>} (the durability given), and every 25th iteration an
 * auth record (fsync'ed before the call returns). Prints {@code A <i>} once api records up to {@code i}
 * are flushed, and {@code U <j>} once auth record {@code j} is written: what it prints is acknowledged.
 * An optional fourth argument is {@code sink.file.compress.delay}.
 */
public final class CrashChild {
    private CrashChild() {}

    public static void main(String[] args) {
        String root = args[0];
        String run = args[1];
        String durability = args[2];
        String compressDelay = args.length > 3 ? args[3] : "0s";
        GatewayLogBackend backend = GatewayLogBackend.builder()
                .setting("dir", root)
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .setting("backups", "100000")
                .setting("component.api.rotation.size", "32KB")
                .setting("component.auth.rotation.size", "8KB")
                .setting("component.api.buffer.size", "100")
                .setting("component.api.flush.interval", "20ms")
                .setting("component.api.sink.file.durability", durability)
                .setting("sink.file.compression-level", "1")
                .setting("sink.file.compress.delay", compressDelay)
                .build();
        GatewayLogger api = backend.logger(LogComponent.API, "crash");
        GatewayLogger auth = backend.logger(LogComponent.AUTH, "crash");
        PrintStream out = System.out;
        out.println("READY");
        out.flush();
        int j = 0;
        for (int i = 0; ; i++) {
            api.info("r" + run + " " + i);
            if (i % 100 == 99 && backend.flush(Duration.ofSeconds(30))) {
                out.println("A " + i);
                out.flush();
            }
            if (i % 25 == 0) {
                auth.info("r" + run + " " + j);
                out.println("U " + j);
                out.flush();
                j++;
            }
        }
    }
}
