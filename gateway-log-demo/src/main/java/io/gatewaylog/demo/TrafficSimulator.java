package io.gatewaylog.demo;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.GatewayLoggers;
import io.gatewaylog.api.LogContext;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * What a message gateway logs: API requests with latencies, protocol batches with message ids, logins
 * (some failing, some carrying secrets that must be masked) and token refreshes, resource checks, system
 * events and metric records (message throughput, API latency, token refreshes) for the dashboard. One
 * call to {@link #step()} logs one record of a component chosen by a realistic mix (an API request or a
 * token refresh also logs its metric record).
 */
final class TrafficSimulator {
    private static final String[] CUSTOMERS = {"customer_123", "customer_456", "customer_789", "customer_042"};
    private static final String[] ENDPOINTS = {
        "/api/v1/messages", "/api/v1/messages/batch", "/api/v1/status", "/api/v1/routes"
    };
    private static final String[] TYPES = {"ogx", "sms", "email", "push"};
    private static final String[] USERS = {"alice", "bob", "carol", "dave"};

    private final GatewayLogger api = GatewayLoggers.api("messages_endpoint");
    private final GatewayLogger protocol = GatewayLoggers.protocol("ogx_decoder");
    private final GatewayLogger auth = GatewayLoggers.auth("authentication");
    private final GatewayLogger infra = GatewayLoggers.infra("resources");
    private final GatewayLogger system = GatewayLoggers.system("lifecycle");
    private final GatewayLogger metrics = GatewayLoggers.metrics("gateway");
    private final SplittableRandom random = new SplittableRandom(42);
    private long sequence;

    @SuppressWarnings("try") // the scope is used for its effect: binding the context while the request runs
    void step() {
        long n = sequence++;
        int pick = random.nextInt(1000);
        String customer = CUSTOMERS[random.nextInt(CUSTOMERS.length)];
        try (LogContext.Scope s = LogContext.with("customer_id", customer)
                .and("request_id", "req-" + n)
                .open()) {
            if (pick < 450) {
                apiRequest();
            } else if (pick < 800) {
                protocolBatch(n);
            } else if (pick < 880) {
                metric(customer);
            } else if (pick < 940) {
                login();
            } else if (pick < 990) {
                resources();
            } else {
                systemEvent();
            }
        }
    }

    private void apiRequest() {
        int roll = random.nextInt(100);
        int status = roll < 97 ? 200 : roll < 99 ? 503 : 500;
        String endpoint = ENDPOINTS[random.nextInt(ENDPOINTS.length)];
        int latency = 2 + random.nextInt(120);
        Map<String, Object> fields = Map.of(
                "endpoint",
                endpoint,
                "method",
                "POST",
                "status",
                status,
                "latency_ms",
                latency,
                "batch_size",
                1 + random.nextInt(50));
        if (status == 200) {
            api.info("Request processed successfully", fields);
        } else if (status == 503) {
            api.warn("Request failed: upstream unavailable", fields);
        } else {
            api.error("Request failed: internal error", fields);
        }
        // The dashboard's API latency panel: a time unit makes the metrics sink record it in a timer.
        metrics.metric("api_latency", latency, "ms", Map.of("endpoint", endpoint));
    }

    private void protocolBatch(long n) {
        protocol.debug(
                "Batch decoded",
                Map.of(
                        "batch_id",
                        "b-" + n,
                        "message_type",
                        TYPES[random.nextInt(TYPES.length)],
                        "message_ids",
                        List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString()),
                        "message_count",
                        2 + random.nextInt(500),
                        "bytes",
                        512 + random.nextInt(64_000)));
    }

    private void metric(String customer) {
        metrics.metric(
                "message_processing_rate",
                800 + random.nextInt(400),
                "msgs/sec",
                Map.of("message_type", TYPES[random.nextInt(TYPES.length)]));
    }

    private void login() {
        String user = USERS[random.nextInt(USERS.length)];
        String ip = "198.51.100." + random.nextInt(255);
        int roll = random.nextInt(10);
        if (roll < 5) {
            auth.info(
                    "Login succeeded", Map.of("actor", user, "action", "login", "outcome", "success", "source_ip", ip));
        } else if (roll < 8) {
            String outcome = random.nextInt(20) == 0 ? "failure" : "success";
            auth.info(
                    "Token refresh " + outcome,
                    Map.of("actor", user, "action", "token_refresh", "outcome", outcome, "source_ip", ip));
            // The dashboard's token refresh panel: one counter increment per refresh.
            metrics.metric("token_refreshes", 1, null, Map.of("metric_type", "counter", "outcome", outcome));
        } else {
            // Secrets a careless client sent along: the sanitizer masks them before anything is written.
            auth.warn(
                    "Authentication failed for " + user + "@example.com with password=Winter2024!",
                    Map.of(
                            "actor",
                            user,
                            "action",
                            "login",
                            "outcome",
                            "failure",
                            "reason",
                            "invalid_credentials",
                            "source_ip",
                            ip,
                            "authorization",
                            "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlc2lnbmF0dXJl"));
        }
    }

    private void resources() {
        infra.info(
                "Resource check",
                Map.of(
                        "cpu_percent",
                        random.nextInt(100),
                        "heap_used_mb",
                        200 + random.nextInt(800),
                        "db_pool_active",
                        random.nextInt(20),
                        "disk_free_gb",
                        10 + random.nextInt(90)));
    }

    private void systemEvent() {
        system.info(
                "Route table refreshed",
                Map.of("routes", 40 + random.nextInt(20), "version", "2024.1." + random.nextInt(9)));
    }
}
