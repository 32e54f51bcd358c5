package io.gatewaylog.benchmarks;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typical gateway messages and fields, with and without something to mask, shared by the JMH benchmarks
 * and the allocation test ({@code SanitizerAllocationTest}) so that both measure the same inputs. Kept here,
 * not in core: it is measurement input, not part of the published core jar.
 */
public final class SanitizerBenchSamples {
    /** Messages with nothing to mask. */
    public static final List<String> CLEAN_MESSAGES = List.of(
            "Processing request request_id=550e8400-e29b-41d4-a716-446655440000 endpoint=/api/v1/messages",
            "Request processed successfully in 12ms status=200 bytes=5120",
            "2024-01-01T12:00:00.000Z upstream node-3.gw.example.net:8443 returned 503 after 1500ms, retrying in 0.5s",
            "trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span_id=00f067aa0ba902b7 customer_id=customer_123 token_count=512",
            "Flushed 5000 records to /var/log/gateway/protocol/current.log in 42 ms (version 2.14.3)",
            "order 4111111111111112 accepted: sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

    /** Messages with one or two things to mask. */
    public static final List<String> DIRTY_MESSAGES = List.of(
            "Login failed for alice.smith@example.com from 10.0.0.7",
            "Payment with card 4111 1111 1111 1111 declined for customer_123",
            "POST /oauth/token Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmnop",
            "connecting to postgres://gateway:s3cr3tPassw0rd@db.internal:5432/orders",
            "config loaded: user=svc password=hunter2 api_key=sk_live_4eC39HqLyjWDarjtT1zdp7dc",
            "SMS to +44 20 7946 0958 delivered, IBAN DE89 3704 0044 0532 0130 00 charged");

    /**
     * The shapes of {@link #text}: {@code clean} is ordinary gateway log text; the others are near misses
     * that wake one detector at every few characters without ever making a match (issue 12's long runs
     * of {@code eyJ}, {@code Bearer }, {@code -----BEGIN }, {@code =}, digits and {@code @}).
     */
    public static final List<String> TEXT_SHAPES = List.of("clean", "eyJ", "Bearer", "BEGIN", "equals", "digits", "at");

    private SanitizerBenchSamples() {}

    /** A text of the given shape (see {@link #TEXT_SHAPES}) and length in characters. */
    public static String text(String shape, int length) {
        String unit;
        switch (shape) {
            case "clean":
                unit = "2024-03-01T10:15:30.123Z INFO [api] request_id=550e8400-e29b-41d4-a716-446655440000 "
                        + "GET /api/v1/messages 200 in 12ms bytes=5120 upstream node-3.gw.example.net:8443 "
                        + "trace_id=4bf92f3577b34da6a3ce929d0e0e4736 version 2.14.3 customer_id=customer_123\n";
                break;
            case "eyJ":
                unit = "eyJhbGciOiJIUzI1NiJ9-";
                break;
            case "Bearer":
                unit = "Bearer ";
                break;
            case "BEGIN":
                unit = "-----BEGIN ";
                break;
            case "equals":
                unit = "a=";
                break;
            case "digits":
                unit = "4111 ";
                break;
            case "at":
                unit = "a@";
                break;
            default:
                throw new IllegalArgumentException("unknown shape " + shape + ", known: " + TEXT_SHAPES);
        }
        StringBuilder sb = new StringBuilder(length + unit.length());
        while (sb.length() < length) {
            sb.append(unit);
        }
        sb.setLength(length);
        return sb.toString();
    }

    /** Fields of a typical API record with nothing to mask (a fresh mutable map). */
    public static Map<String, Object> cleanFields() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("request_id", "550e8400-e29b-41d4-a716-446655440000");
        f.put("endpoint", "/api/v1/messages");
        f.put("customer_id", "customer_123");
        f.put("status", 200);
        f.put("duration_ms", 12.5);
        f.put("headers", Map.of("content-type", "application/json", "x-request-id", "7f3b2c1d-5e6f"));
        f.put("recipients", List.of("node-1", "node-2"));
        return f;
    }

    /** Fields with a sensitive key, an e-mail in a nested value and a card in a list. */
    public static Map<String, Object> dirtyFields() {
        Map<String, Object> f = cleanFields();
        f.put("password", "hunter2");
        f.put("headers", Map.of("content-type", "application/json", "authorization", "Bearer abcdef0123456789"));
        f.put("notes", List.of("contact bob@example.org", "card 5555-5555-5555-4444"));
        return f;
    }

    /** A record with a clean message, clean fields and a clean context. */
    public static LogRecord cleanRecord() {
        return LogRecord.builder(Level.INFO, LogComponent.API, "endpoint")
                .epochMillis(1_704_110_400_000L)
                .message(CLEAN_MESSAGES.get(0))
                .fields(cleanFields())
                .context(Map.of("asset_id", "gateway_1"))
                .build();
    }

    /** A record with something to mask in its message, fields and context. */
    public static LogRecord dirtyRecord() {
        return LogRecord.builder(Level.WARN, LogComponent.AUTH, "login")
                .epochMillis(1_704_110_400_000L)
                .message(DIRTY_MESSAGES.get(0))
                .fields(dirtyFields())
                .context(Map.of("asset_id", "gateway_1", "session_id", "abc123"))
                .build();
    }
}
