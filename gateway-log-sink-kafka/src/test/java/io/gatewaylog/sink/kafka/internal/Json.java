package io.gatewaylog.sink.kafka.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/** Reads JSON lines back in tests. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String message(String line) {
        JsonNode m = parse(line).get("message");
        return m == null || m.isNull() ? null : m.asText();
    }
}
