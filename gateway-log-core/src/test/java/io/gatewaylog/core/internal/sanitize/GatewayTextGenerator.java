package io.gatewaylog.core.internal.sanitize;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Random tokens of ordinary gateway log text: words, ids, UUIDs, timestamps, counts, paths, hosts. */
final class GatewayTextGenerator {
    private static final List<String> WORDS = List.of(
            "Processing",
            "request",
            "delivered",
            "failed",
            "retrying",
            "accepted",
            "queued",
            "message",
            "batch",
            "flushed",
            "records",
            "upstream",
            "returned",
            "customer",
            "session",
            "bound",
            "token_count=12",
            "password_reset_at=2024-05-01T08:00:00Z",
            "status=200",
            "ok",
            "endpoint=/api/v1/messages",
            "level=INFO",
            "component=protocol",
            "ack",
            "nack",
            "rebalanced",
            "for",
            "in",
            "Bearer",
            "token",
            "secret",
            "password",
            "key=routing.updated",
            "auth_method=oauth2",
            "SMPP",
            "submit_sm");

    private GatewayTextGenerator() {}

    static String token(Random r) {
        switch (r.nextInt(12)) {
            case 0:
                return "request_id=" + new UUID(r.nextLong(), r.nextLong());
            case 1:
                return "trace_id=" + Long.toHexString(r.nextLong() | Long.MIN_VALUE)
                        + Long.toHexString(r.nextLong() | Long.MIN_VALUE);
            case 2:
                return String.format(
                        "2024-%02d-%02dT%02d:%02d:%02d.%03dZ",
                        1 + r.nextInt(12),
                        1 + r.nextInt(28),
                        r.nextInt(24),
                        r.nextInt(60),
                        r.nextInt(60),
                        r.nextInt(1000));
            case 3:
                return r.nextInt(5000) + "ms";
            case 4:
                return "count=" + r.nextInt(1_000_000);
            case 5:
                return "/var/log/gateway/" + List.of("api", "auth", "protocol").get(r.nextInt(3)) + "/current.log";
            case 6:
                return "node-" + r.nextInt(20) + ".gw.example.net:" + (1024 + r.nextInt(60000));
            case 7:
                return "v" + r.nextInt(10) + "." + r.nextInt(30) + "." + r.nextInt(100);
            case 8:
                return "order=" + nonLuhn(r);
            case 9:
                return "epoch=" + (1_700_000_000_000L + r.nextInt(1_000_000_000));
            default:
                return WORDS.get(r.nextInt(WORDS.size()));
        }
    }

    /** A 16-digit order number that fails the Luhn check. */
    static String nonLuhn(Random r) {
        while (true) {
            String d = "4" + SecretGenerator.digits(r, 15);
            if (!CardNumbers.luhn(d, 0, d.length())) {
                return d;
            }
        }
    }
}
