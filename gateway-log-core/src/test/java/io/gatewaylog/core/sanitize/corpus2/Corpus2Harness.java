package io.gatewaylog.core.sanitize.corpus2;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogContext;
import io.gatewaylog.core.GatewayLogBackend;
import io.gatewaylog.core.internal.json.JsonRecordEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs cases through the real public path: a {@link GatewayLogBackend} with default settings (so default
 * sanitization), the public {@code GatewayLogger} API, the real {@link JsonRecordEncoder}. One case at a time:
 * log, flush, take the one line written.
 */
final class Corpus2Harness implements AutoCloseable {
    /** What came out for one case. */
    record Outcome(Corpus2Case c, boolean ok, String detail, String line) {}

    private final GatewayLogBackend backend;
    private final Corpus2Sink sink = new Corpus2Sink();

    /** A backend with default settings (default sanitization); {@code settings} are extra key/value pairs, for self-checks. */
    Corpus2Harness(String... settings) {
        GatewayLogBackend.Builder b = GatewayLogBackend.builder()
                .discoverSinks(false)
                .bindGlobalContext(false)
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .sink(sink);
        for (int i = 0; i < settings.length; i += 2) {
            b.setting(settings[i], settings[i + 1]);
        }
        backend = b.build();
        sink.encodeWith(new JsonRecordEncoder("gateway", 32768));
    }

    Outcome run(Corpus2Case c) {
        Map<String, Object> fields = c.fields();
        if (fields instanceof LinkedHashMap<String, Object> m && !m.containsKey(Corpus2Case.CASE_FIELD)) {
            m.put(Corpus2Case.CASE_FIELD, c.id());
        }
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Runnable call = () -> {
            try (LogContext.Scope s =
                    c.context().isEmpty() ? null : LogContext.with(c.context()).open()) {
                backend.logger(LogComponent.API, c.loggerName())
                        .log(c.error() == null ? Level.INFO : Level.ERROR, c.message(), fields, c.error());
                if (c.afterLog() != null) {
                    c.afterLog().run();
                }
            } catch (Throwable t) {
                thrown.set(t);
            }
        };
        if (c.threadName() != null) {
            Thread t = new Thread(call, c.threadName());
            t.start();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            call.run();
        }
        if (thrown.get() != null) {
            return new Outcome(c, false, "the log call threw " + thrown.get(), null);
        }
        backend.flush(Duration.ofSeconds(10));
        List<String> lines = sink.drain();
        if (lines.size() != 1) {
            return new Outcome(c, false, "expected one line, got " + lines.size(), String.join("", lines));
        }
        String line = lines.get(0).strip();
        JsonNode rec;
        try {
            rec = Corpus2Loader.JSON.readTree(line);
        } catch (Exception e) {
            return new Outcome(c, false, "not JSON: " + e.getMessage(), line);
        }
        if (c.secret()) {
            String text = decodedText(rec);
            List<String> leaked = new ArrayList<>();
            for (String s : c.secrets()) {
                if (text.contains(s)) {
                    leaked.add(s);
                } else if (s.length() >= 8
                        && line.contains(
                                new String(JsonStringEncoder.getInstance().quoteAsString(s)))) {
                    leaked.add(s + " (JSON-escaped)");
                }
            }
            for (String s : c.rawSecrets()) {
                if (line.contains(s)) {
                    leaked.add(s + " (raw line)");
                }
            }
            return leaked.isEmpty()
                    ? new Outcome(c, true, "masked", line)
                    : new Outcome(c, false, "LEAK " + leaked, around(line, c.secrets(), c.rawSecrets()));
        }
        boolean kept;
        try {
            kept = c.kept().test(rec);
        } catch (RuntimeException e) {
            kept = false;
        }
        return new Outcome(c, kept, kept ? "kept" : "CHANGED", line);
    }

    /** The part of the line around the first secret found in it (JSON-escaped or not), so a report shows the leak. */
    static String around(String line, List<String> secrets, List<String> raw) {
        List<String> forms = new ArrayList<>(raw);
        for (String s : secrets) {
            forms.add(new String(JsonStringEncoder.getInstance().quoteAsString(s)));
            forms.add(s);
        }
        for (String f : forms) {
            int i = line.indexOf(f);
            if (i >= 0) {
                int from = Math.max(0, i - 200);
                int to = Math.min(line.length(), i + f.length() + 120);
                return (from > 0 ? "…" : "") + line.substring(from, to) + (to < line.length() ? "…" : "");
            }
        }
        return line;
    }

    /**
     * Every key and value of the decoded record joined by NUL, JSON escapes undone; without the parts the test
     * does not control (timestamp, process, thread id) and without the case-id field.
     */
    static String decodedText(JsonNode rec) {
        StringBuilder b = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = rec.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case "timestamp", "@timestamp", "process" -> {}
                case "thread" ->
                    b.append("thread\0")
                            .append(e.getValue().path("name").asText())
                            .append('\0');
                default -> walk(e.getKey(), e.getValue(), b);
            }
        }
        return b.toString();
    }

    private static void walk(String key, JsonNode n, StringBuilder b) {
        if (Corpus2Case.CASE_FIELD.equals(key)) {
            return;
        }
        if (key != null) {
            b.append(key).append('\0');
        }
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> walk(e.getKey(), e.getValue(), b));
        } else if (n.isArray()) {
            n.forEach(x -> walk(null, x, b));
        } else if (!n.isNull()) {
            b.append(n.asText()).append('\0');
        }
    }

    @Override
    public void close() {
        backend.shutdown(Duration.ofSeconds(10));
    }
}
