package io.gatewaylog.core.sanitize.corpus2;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * Reads {@code sanitize/corpus2/corpus2.jsonl} and places each case's text where its {@code position} says:
 * <ul>
 *   <li>{@code message}: the record's message</li>
 *   <li>{@code field}: the value of the field {@code detail}</li>
 *   <li>{@code nested}: {@code request → meta (list) → [0] → note}</li>
 *   <li>{@code key}: a key of the nested map {@code lookup}</li>
 *   <li>{@code exception}: the logged throwable's message</li>
 *   <li>{@code cause}: the message of the throwable's cause</li>
 *   <li>{@code suppressed}: the message of an exception suppressed by the throwable</li>
 *   <li>{@code deep}: a suppressed exception of the third cause down</li>
 *   <li>{@code fields}: the case's JSON object is the record's fields</li>
 * </ul>
 */
final class Corpus2Loader {
    static final String RESOURCE = "/sanitize/corpus2/corpus2.jsonl";
    static final ObjectMapper JSON = new ObjectMapper();

    private Corpus2Loader() {}

    static List<Corpus2Case> load() {
        List<Corpus2Case> out = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(Corpus2Loader.class.getResourceAsStream(RESOURCE), RESOURCE);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                out.add(toCase(JSON.readTree(line)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Corpus2Case toCase(JsonNode n) throws IOException {
        String id = n.get("id").asText();
        boolean secret = "secret".equals(n.get("kind").asText());
        String category = n.get("category").asText();
        String position = n.get("position").asText();
        String source = n.path("source").asText("");
        List<String> secrets = new ArrayList<>();
        n.path("secrets").forEach(s -> secrets.add(s.asText()));
        String message = "request processed";
        Map<String, Object> fields = new LinkedHashMap<>();
        Throwable error = null;
        Predicate<JsonNode> kept;
        if ("fields".equals(position)) {
            Map<String, Object> given =
                    JSON.convertValue(n.get("fields"), new TypeReference<LinkedHashMap<String, Object>>() {});
            fields.putAll(given);
            JsonNode expected = n.get("fields");
            kept = rec -> {
                for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getValue().equals(rec.get(e.getKey()))) {
                        return false;
                    }
                }
                return true;
            };
        } else {
            String input = n.get("input").asText();
            switch (position) {
                case "message" -> {
                    message = input;
                    kept = rec -> input.equals(rec.path("message").asText(null));
                }
                case "field" -> {
                    fields.put("detail", input);
                    kept = rec -> input.equals(rec.path("detail").asText(null));
                }
                case "nested" -> {
                    Map<String, Object> note = new LinkedHashMap<>();
                    note.put("note", input);
                    Map<String, Object> request = new LinkedHashMap<>();
                    request.put("method", "POST");
                    request.put("meta", List.of(note));
                    fields.put("request", request);
                    kept = rec -> input.equals(rec.at("/request/meta/0/note").asText(null));
                }
                case "key" -> {
                    Map<String, Object> lookup = new LinkedHashMap<>();
                    lookup.put(input, "hit");
                    fields.put("lookup", lookup);
                    kept = rec -> "hit".equals(rec.path("lookup").path(input).asText(null));
                }
                case "exception" -> {
                    message = "request failed";
                    error = new IllegalStateException(input);
                    kept = rec -> input.equals(rec.at("/error/message").asText(null));
                }
                case "cause" -> {
                    message = "request failed";
                    error = new RuntimeException("upstream call failed", new IOException(input));
                    kept = rec -> rec.at("/error/stack").asText("").contains(input);
                }
                case "suppressed" -> {
                    message = "request failed";
                    RuntimeException e = new RuntimeException("closing the connection failed");
                    e.addSuppressed(new IllegalArgumentException(input));
                    error = e;
                    kept = rec -> rec.at("/error/stack").asText("").contains(input);
                }
                case "deep" -> {
                    message = "request failed";
                    IOException io = new IOException("read failed");
                    io.addSuppressed(new IllegalStateException(input));
                    error = new RuntimeException(
                            "handler failed",
                            new ExecutionException("task failed", new UncheckedIOException("stream broken", io)));
                    kept = rec -> rec.at("/error/stack").asText("").contains(input);
                }
                default -> throw new IllegalArgumentException(id + ": unknown position " + position);
            }
        }
        return new Corpus2Case(
                id,
                secret,
                category,
                position,
                source,
                Corpus2Case.LOGGER,
                null,
                Map.of(),
                message,
                fields,
                error,
                secrets,
                List.of(),
                kept,
                null);
    }
}
