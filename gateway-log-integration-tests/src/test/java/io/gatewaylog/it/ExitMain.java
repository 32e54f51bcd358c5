package io.gatewaylog.it;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.GatewayLoggers;
import java.util.Map;

/** Logs N records with a flush interval of an hour and returns: only the shutdown hook can write them. */
public final class ExitMain {
    private ExitMain() {}

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        GatewayLogger log = GatewayLoggers.protocol("exit");
        for (int i = 0; i < n; i++) {
            log.info("record", Map.of("i", i));
        }
        System.out.println("logged " + n);
    }
}
