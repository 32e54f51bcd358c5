package io.gatewaylog.core.sanitize.corpus2;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatewaylog.api.Fields;
import io.gatewaylog.api.Level;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The value-type part of the second corpus (issue 12, "Every value type"): char[], byte[], numbers, Optional,
 * records, enums, arrays, collections of collections, non-String map keys, mutable values changed after the
 * call, throwables as values, context fields, logger and thread names, metric tags. Every category starts with
 * {@code value-} so its results read apart from the text formats. Values are random from a fixed seed; cards are
 * Luhn-valid with real issuer prefixes (ISO/IEC 7812).
 */
final class ValueTypeCases {
    private static Random R = new Random(1201);
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final List<Corpus2Case> out = new ArrayList<>();
    private final Map<String, Integer> counters = new HashMap<>();

    record Login(String user, String password) {}

    record Payment(String pan, int amountCents) {}

    record Contact(String name, String email) {}

    record Session(Login login, String region) {}

    record Endpoint(String host, int port) {}

    enum Mailbox {
        OPS("ops.oncall.7731@example-corp.com");

        private final String address;

        Mailbox(String address) {
            this.address = address;
        }

        @Override
        public String toString() {
            return name() + "<" + address + ">";
        }
    }

    /** An ordinary class (not a record) whose toString() shows a header map, as HTTP client request objects do. */
    static final class ClientRequest {
        private final String token;

        ClientRequest(String token) {
            this.token = token;
        }

        @Override
        public String toString() {
            return "ClientRequest{method=POST, url=https://api.example.net/v1/messages, headers={Authorization=[Bearer "
                    + token + "], Accept=[application/json]}}";
        }
    }

    /** An exception whose getMessage() is computed, as many libraries' exceptions are. */
    static final class UpstreamException extends RuntimeException {
        private final String url;

        UpstreamException(String url) {
            super((String) null);
            this.url = url;
        }

        @Override
        public String getMessage() {
            return "upstream returned 401 for " + url;
        }
    }

    private ValueTypeCases() {}

    /** The cases; the same values on every call (fixed seed). */
    static synchronized List<Corpus2Case> all() {
        R = new Random(1201);
        ValueTypeCases v = new ValueTypeCases();
        v.build();
        return v.out;
    }

    // ------------------------------------------------------------------ value makers
    static String pw() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 13; i++) {
            b.append(ALNUM.charAt(R.nextInt(ALNUM.length())));
        }
        return b.insert(5, "_7").toString();
    }

    static String alnum(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(ALNUM.charAt(R.nextInt(ALNUM.length())));
        }
        return b.toString();
    }

    static String email() {
        return "user." + alnum(6).toLowerCase() + "@mail.example.org";
    }

    /** A Luhn-valid number with the given issuer prefix and length. */
    static String card(String prefix, int length) {
        StringBuilder b = new StringBuilder(prefix);
        while (b.length() < length - 1) {
            b.append(R.nextInt(10));
        }
        for (int d = 0; d <= 9; d++) {
            String n = b.toString() + d;
            if (luhn(n)) {
                return n;
            }
        }
        throw new AssertionError();
    }

    static boolean luhn(String n) {
        int sum = 0;
        for (int i = 0; i < n.length(); i++) {
            int d = n.charAt(n.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** How Jackson would write a char[] as an array of one-character strings: {@code "a","b","c"}. */
    static String asCharArrayJson(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(6, s.length()); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(s.charAt(i)).append('"');
        }
        return b.toString();
    }

    /** How a byte[] written as a JSON array of numbers looks: {@code 104,117,110}. */
    static String asByteArrayJson(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(6, bytes.length); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(bytes[i]);
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ case makers
    private String id(String category) {
        int n = counters.merge(category, 1, Integer::sum);
        return String.format("V-%s-%03d", category.substring("value-".length()), n);
    }

    private static Map<String, Object> fields(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private void secret(
            String category, String source, Map<String, Object> fields, List<String> secrets, List<String> raw) {
        out.add(new Corpus2Case(
                id(category),
                true,
                category,
                "fields",
                source,
                Corpus2Case.LOGGER,
                null,
                Map.of(),
                "request processed",
                fields,
                null,
                secrets,
                raw,
                null,
                null));
    }

    private void secret(String category, String source, Map<String, Object> fields, String... secrets) {
        secret(category, source, fields, List.of(secrets), List.of());
    }

    private void benign(String category, Map<String, Object> fields, Predicate<JsonNode> kept) {
        out.add(new Corpus2Case(
                id(category),
                false,
                category,
                "fields",
                "ordinary gateway data",
                Corpus2Case.LOGGER,
                null,
                Map.of(),
                "request processed",
                fields,
                null,
                List.of(),
                List.of(),
                kept,
                null));
    }

    private void add(Corpus2Case c) {
        out.add(c);
    }

    private void build() {
        charArrays();
        byteArrays();
        numbers();
        anyTypeUnderSensitiveKey();
        optionals();
        records();
        enums();
        arrays();
        collections();
        mapKeys();
        mutableAfterCall();
        throwablesAsValues();
        contextFields();
        loggerAndThreadNames();
        metricTags();
        toStringObjects();
        throwablesOfEveryShape();
        benignValues();
    }

    private void charArrays() {
        String src = "issue 12: char[] is text (JPasswordField#getPassword, KeyStore APIs hand out char[])";
        for (String key : List.of("password", "keystore_pass", "passphrase")) {
            String p = pw();
            secret("value-char-array", src, fields(key, p.toCharArray()), List.of(p), List.of(asCharArrayJson(p)));
        }
        String p = pw();
        secret(
                "value-char-array",
                src,
                fields("credentials", fields("user", "ops", "password", p.toCharArray())),
                List.of(p),
                List.of(asCharArrayJson(p)));
        String q = pw();
        secret(
                "value-char-array",
                src,
                fields("note", ("login with password=" + q).toCharArray()),
                List.of(q),
                List.of(asCharArrayJson(q)));
        String e = email();
        secret(
                "value-char-array",
                src,
                fields("contact", ("mail to " + e).toCharArray()),
                List.of(e),
                List.of(asCharArrayJson(e)));
        String c = card("4", 16);
        String grouped = c.substring(0, 4) + " " + c.substring(4, 8) + " " + c.substring(8, 12) + " " + c.substring(12);
        secret(
                "value-char-array",
                src,
                fields("value", grouped.toCharArray()),
                List.of(grouped, c),
                List.of(asCharArrayJson(c)));
    }

    private void byteArrays() {
        String src = "issue 12: byte[] never as raw bytes";
        String p = pw();
        byte[] body = ("username=ops&password=" + p).getBytes(StandardCharsets.UTF_8);
        secret("value-byte-array", src, fields("payload", body), List.of(p), List.of(asByteArrayJson(p)));
        String q = pw();
        byte[] pwBytes = q.getBytes(StandardCharsets.UTF_8);
        secret(
                "value-byte-array",
                src + "; under a sensitive key nothing of it",
                fields("password", pwBytes),
                List.of(q, Base64.getEncoder().encodeToString(pwBytes)),
                List.of(asByteArrayJson(q)));
        String e = email();
        secret(
                "value-byte-array",
                src,
                fields("body", ("{\"email\":\"" + e + "\"}").getBytes(StandardCharsets.UTF_8)),
                List.of(e),
                List.of(asByteArrayJson(e)));
        String k = pw();
        byte[] keyBytes = k.getBytes(StandardCharsets.UTF_8);
        secret(
                "value-byte-array",
                src + "; under a sensitive key nothing of it",
                fields("private_key", keyBytes),
                List.of(k, Base64.getEncoder().encodeToString(keyBytes)),
                List.of(asByteArrayJson(k)));
    }

    private void numbers() {
        String src = "issue 12: a Luhn-valid card number as long/BigInteger/BigDecimal; ISO/IEC 7812 + Luhn";
        for (String[] b : new String[][] {{"4", "16"}, {"51", "16"}, {"37", "15"}, {"6011", "16"}, {"3528", "16"}}) {
            String c = card(b[0], Integer.parseInt(b[1]));
            secret("value-number", src + " (long, prefix " + b[0] + ")", fields("ref", Long.parseLong(c)), c);
        }
        for (String[] b : new String[][] {{"4", "16"}, {"4", "19"}, {"62", "19"}}) {
            String c = card(b[0], Integer.parseInt(b[1]));
            secret("value-number", src + " (BigInteger)", fields("ref", new BigInteger(c)), c);
        }
        for (String[] b : new String[][] {{"55", "16"}, {"36", "14"}}) {
            String c = card(b[0], Integer.parseInt(b[1]));
            secret("value-number", src + " (BigDecimal)", fields("ref", new BigDecimal(c)), c);
        }
        String c = card("4", 16);
        secret("value-number", src + " (long in a list)", fields("items", List.of(12L, Long.parseLong(c), 7L)), c);
        String d = card("2221", 16);
        secret(
                "value-number",
                src + " (long in a nested map)",
                fields("payment", fields("method", "card", "ref", Long.parseLong(d))),
                d);
        String e = card("4", 16);
        secret("value-number", src + " (Long under card_number)", fields("card_number", Long.parseLong(e)), e);
    }

    private void anyTypeUnderSensitiveKey() {
        String src = "issue 12: any value under a sensitive key is redacted, whatever its type";
        int pin = 100000 + R.nextInt(900000);
        secret("value-sensitive-key", src + " (int pin)", fields("pin", pin), String.valueOf(pin));
        int cvv = 100 + R.nextInt(900);
        secret(
                "value-sensitive-key",
                src + " (int cvv)",
                fields("payment", fields("cvv", cvv, "currency", "EUR")),
                String.valueOf(cvv));
        long pwNum = 10_000_000L + R.nextInt(89_999_999);
        secret("value-sensitive-key", src + " (long password)", fields("password", pwNum), String.valueOf(pwNum));
        UUID key = new UUID(R.nextLong(), R.nextLong());
        secret("value-sensitive-key", src + " (UUID api_key)", fields("api_key", key), key.toString());
        String p = pw();
        secret("value-sensitive-key", src + " (Optional secret)", fields("secret", Optional.of(p)), p);
        String t = alnum(40);
        secret("value-sensitive-key", src + " (StringBuilder token)", fields("token", new StringBuilder(t)), t);
        String q = pw();
        secret("value-sensitive-key", src + " (List password)", fields("password", List.of(q)), q);
        String r = pw();
        secret("value-sensitive-key", src + " (String[] password)", fields("password", new String[] {r}), r);
        String s = pw();
        secret("value-sensitive-key", src + " (Map password)", fields("password", Map.of("value", s)), s);
        int ssn = 536904399;
        secret("value-sensitive-key", src + " (int ssn; SSA structure)", fields("ssn", ssn), "536904399");
        String u = pw();
        secret(
                "value-sensitive-key",
                src + " (record under client_secret)",
                fields("client_secret", new Login("gw", u)),
                u);
        String w = alnum(32);
        secret(
                "value-sensitive-key",
                src + " (char[] Authorization)",
                fields("Authorization", ("Bearer " + w).toCharArray()),
                List.of(w),
                List.of(asCharArrayJson(w)));
    }

    private void optionals() {
        String src = "issue 12: Optional rendered and scanned";
        String e = email();
        secret("value-optional", src, fields("contact", Optional.of(e)), e);
        String p = pw();
        secret("value-optional", src, fields("detail", Optional.of("retry with password=" + p)), p);
        String c = card("4", 16);
        secret("value-optional", src, fields("payment_ref", Optional.of(c)), c);
        String d = card("54", 16);
        secret("value-optional", src + " (Optional<Long>)", fields("ref", Optional.of(Long.parseLong(d))), d);
    }

    private void records() {
        String src = "issue 12: records rendered and scanned (Record#toString: Name[a=x, b=y])";
        String p = pw();
        secret("value-record", src, fields("login", new Login("ops", p)), p);
        String c = card("4", 16);
        secret("value-record", src, fields("payment", new Payment(c, 1250)), c);
        String e = email();
        secret("value-record", src, fields("contact", new Contact("Bob", e)), e);
        String q = pw();
        secret("value-record", src + " (nested)", fields("session", new Session(new Login("svc", q), "eu-west-1")), q);
        String f = email();
        secret("value-record", src + " (in a list)", fields("contacts", List.of(new Contact("A", f))), f);
    }

    private void enums() {
        secret(
                "value-enum",
                "issue 12: enums rendered and scanned (an enum whose toString holds an address)",
                fields("mailbox", Mailbox.OPS),
                "ops.oncall.7731@example-corp.com");
        secret(
                "value-enum",
                "issue 12: enums rendered and scanned (in a list)",
                fields("mailboxes", List.of(Mailbox.OPS)),
                "ops.oncall.7731@example-corp.com");
    }

    private void arrays() {
        String src = "issue 12: arrays of objects rendered and scanned (main(String[] args) logged)";
        String p = pw();
        secret("value-array", src, fields("args", new Object[] {"--user", "ops", "--password", p}), p);
        String q = pw();
        secret("value-array", src, fields("args", new String[] {"--port", "8443", "--db-password=" + q}), q);
        String e1 = email();
        String e2 = email();
        secret("value-array", src, fields("recipients", new String[] {e1, e2}), e1, e2);
        String c = card("37", 15);
        secret("value-array", src, fields("values", new Object[] {1, "x", Long.parseLong(c)}), c);
        String r = pw();
        secret("value-array", src + " (2-D)", fields("grid", new Object[][] {{"a", "password=" + r}}), r);
    }

    private void collections() {
        String src = "issue 12: collections of collections rendered and scanned";
        String p = pw();
        secret("value-collections", src, fields("matrix", List.of(List.of("ok", "password=" + p))), p);
        String e = email();
        Set<List<String>> set = new LinkedHashSet<>();
        set.add(List.of(e));
        secret("value-collections", src, fields("groups", set), e);
        String t = alnum(36);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("application/json"));
        headers.put("Authorization", List.of("Bearer " + t));
        secret("value-collections", src + " (header map Map<String,List<String>>)", fields("headers", headers), t);
        String q = pw();
        secret("value-collections", src, fields("batches", List.of(Map.of("users", List.of(Map.of("pwd", q))))), q);
        String c = card("4", 16);
        secret("value-collections", src, fields("deep", List.of(List.of(List.of("card " + c)))), c);
    }

    private void mapKeys() {
        String src = "issue 12: map keys of any type are scanned like text";
        String c = card("4", 16);
        Map<Object, Object> byCard = new LinkedHashMap<>();
        byCard.put(Long.parseLong(c), "captured");
        secret("value-map-key", src + " (Long key)", fields("by_card", byCard), c);
        String e = email();
        Map<Object, Object> byContact = new LinkedHashMap<>();
        byContact.put(new Contact("Bob", e), 3);
        secret("value-map-key", src + " (record key)", fields("by_contact", byContact), e);
        String d = card("54", 16);
        Map<Object, Object> byBig = new LinkedHashMap<>();
        byBig.put(new BigInteger(d), 1);
        secret("value-map-key", src + " (BigInteger key)", fields("totals", byBig), d);
        String f = email();
        Map<Object, Object> byChars = new LinkedHashMap<>();
        byChars.put(new StringBuilder(f), "sent");
        secret("value-map-key", src + " (StringBuilder key)", fields("status", byChars), f);
    }

    private void mutableAfterCall() {
        String src = "issue 12: what is written is what was sanitized (values changed after the call)";
        String p = pw();
        StringBuilder sb = new StringBuilder("status=ok");
        add(new Corpus2Case(
                id("value-mutable"),
                true,
                "value-mutable",
                "fields",
                src + " (StringBuilder)",
                Corpus2Case.LOGGER,
                null,
                Map.of(),
                "request processed",
                fields("detail", sb),
                null,
                List.of(p),
                List.of(),
                null,
                () -> sb.replace(0, sb.length(), "password=" + p)));
        String q = pw();
        Map<String, Object> inner = new HashMap<>();
        inner.put("note", "ok");
        add(new Corpus2Case(
                id("value-mutable"),
                true,
                "value-mutable",
                "fields",
                src + " (HashMap)",
                Corpus2Case.LOGGER,
                null,
                Map.of(),
                "request processed",
                fields("attrs", inner),
                null,
                List.of(q),
                List.of(),
                null,
                () -> inner.put("note", "password=" + q)));
        String e = email();
        List<String> list = new ArrayList<>(List.of("a"));
        add(new Corpus2Case(
                id("value-mutable"),
                true,
                "value-mutable",
                "fields",
                src + " (ArrayList)",
                Corpus2Case.LOGGER,
                null,
                Map.of(),
                "request processed",
                fields("to", list),
                null,
                List.of(e),
                List.of(),
                null,
                () -> list.add(e)));
        String c = card("4", 16);
        Object[] arr = {"pending"};
        add(new Corpus2Case(
                id("value-mutable"),
                true,
                "value-mutable",
                "fields",
                src + " (Object[])",
                Corpus2Case.LOGGER,
                null,
                Map.of(),
                "request processed",
                fields("refs", arr),
                null,
                List.of(c),
                List.of(),
                null,
                () -> arr[0] = c));
        String r = pw();
        Object[] kv = {"detail", "ok"};
        Map<String, Object> f = Fields.of(kv);
        add(new Corpus2Case(
                id("value-mutable"),
                true,
                "value-mutable",
                "fields",
                src + " (Fields.of(array) keeps the array?)",
                Corpus2Case.LOGGER,
                null,
                Map.of(),
                "request processed",
                f,
                null,
                List.of(r),
                List.of(),
                null,
                () -> kv[1] = "password=" + r));
    }

    private void throwablesAsValues() {
        String src = "issue 12: exceptions (message, causes, suppressed) at any depth";
        String p = pw();
        secret(
                "value-throwable-field",
                src + " (a Throwable as a field value)",
                fields("failure", new RuntimeException("login failed password=" + p)),
                p);
        String e = email();
        secret(
                "value-throwable-field",
                src + " (cause of a field value)",
                fields(
                        "failure",
                        new IllegalStateException("send failed", new RuntimeException("rejected recipient " + e))),
                e);
    }

    private void contextFields() {
        String src = "issue 12: context fields on every path";
        String e = email();
        add(new Corpus2Case(
                id("value-context"),
                true,
                "value-context",
                "context",
                src,
                Corpus2Case.LOGGER,
                null,
                Map.of("user_email", e),
                "request processed",
                fields(),
                null,
                List.of(e),
                List.of(),
                null,
                null));
        String t = alnum(40);
        add(new Corpus2Case(
                id("value-context"),
                true,
                "value-context",
                "context",
                src,
                Corpus2Case.LOGGER,
                null,
                Map.of("session_token", t),
                "request processed",
                fields(),
                null,
                List.of(t),
                List.of(),
                null,
                null));
        String p = pw();
        add(new Corpus2Case(
                id("value-context"),
                true,
                "value-context",
                "context",
                src,
                Corpus2Case.LOGGER,
                null,
                Map.of("note", "password=" + p),
                "request processed",
                fields(),
                null,
                List.of(p),
                List.of(),
                null,
                null));
        String c = card("4", 16);
        add(new Corpus2Case(
                id("value-context"),
                true,
                "value-context",
                "context",
                src + " (with a field that fails to render)",
                Corpus2Case.LOGGER,
                null,
                Map.of("card_ref", "pan " + c),
                "request processed",
                fields("broken", new Object() {
                    @Override
                    public String toString() {
                        throw new IllegalStateException("toString failed");
                    }
                }),
                null,
                List.of(c),
                List.of(),
                null,
                null));
    }

    private void loggerAndThreadNames() {
        String src = "issue 12: logger names and thread names are scanned";
        String e = email();
        add(new Corpus2Case(
                id("value-logger-name"),
                true,
                "value-logger-name",
                "logger",
                src,
                "notify." + e,
                null,
                Map.of(),
                "request processed",
                fields(),
                null,
                List.of(e),
                List.of(),
                null,
                null));
        String p = pw();
        add(new Corpus2Case(
                id("value-logger-name"),
                true,
                "value-logger-name",
                "logger",
                src,
                "client[password=" + p + "]",
                null,
                Map.of(),
                "request processed",
                fields(),
                null,
                List.of(p),
                List.of(),
                null,
                null));
        String f = email();
        add(new Corpus2Case(
                id("value-thread-name"),
                true,
                "value-thread-name",
                "thread",
                src,
                Corpus2Case.LOGGER,
                "http-nio-8443-exec-3 user=" + f,
                Map.of(),
                "request processed",
                fields(),
                null,
                List.of(f),
                List.of(),
                null,
                null));
        String t = alnum(36);
        add(new Corpus2Case(
                id("value-thread-name"),
                true,
                "value-thread-name",
                "thread",
                src,
                Corpus2Case.LOGGER,
                "req-token=" + t,
                Map.of(),
                "request processed",
                fields(),
                null,
                List.of(t),
                List.of(),
                null,
                null));
    }

    private void metricTags() {
        String src = "issue 12: metric tags see only sanitized values";
        String e = email();
        secret(
                "value-metric-tags",
                src,
                fields("metric_name", "messages_sent", "metric_value", 12, "metric_unit", "msgs", "recipient", e),
                e);
        String k = alnum(32);
        secret("value-metric-tags", src, fields("metric_name", "upstream_calls", "metric_value", 3, "api_key", k), k);
        String p = pw();
        secret(
                "value-metric-tags",
                src,
                fields("metric_name", "login_failures", "metric_value", 1, "detail", "password=" + p),
                p);
    }

    private void toStringObjects() {
        String src = "issue 12: any object rendered through toString()";
        String t = alnum(40);
        secret("value-tostring", src + " (HTTP client request object)", fields("request", new ClientRequest(t)), t);
        String p = pw();
        secret(
                "value-tostring",
                src + " (java.net.URI with user info; RFC 3986)",
                fields("target", java.net.URI.create("postgres://gw:" + p + "@db.internal:5432/gw")),
                p);
        String q = pw();
        try {
            secret(
                    "value-tostring",
                    src + " (java.net.URL with user info)",
                    fields("repo", new java.net.URL("https://deploy:" + q + "@repo.example.net/releases/")),
                    q);
        } catch (java.net.MalformedURLException e) {
            throw new AssertionError(e);
        }
        String r = pw();
        java.util.Properties props = new java.util.Properties();
        props.setProperty("db.user", "gw");
        props.setProperty("db.password", r);
        secret("value-tostring", src + " (java.util.Properties, a Map<Object,Object>)", fields("config", props), r);
        String u = pw();
        secret(
                "value-tostring",
                src + " (Map.Entry)",
                fields("entry", new java.util.AbstractMap.SimpleEntry<>("password", u)),
                u);
        String e = email();
        secret(
                "value-tostring",
                src + " (AtomicReference)",
                fields("owner", new java.util.concurrent.atomic.AtomicReference<>(e)),
                e);
    }

    private Corpus2Case withError(String category, String source, Throwable error, String... secrets) {
        return new Corpus2Case(
                id(category),
                true,
                category,
                "exception",
                source,
                Corpus2Case.LOGGER,
                null,
                Map.of(),
                "request failed",
                fields(),
                error,
                List.of(secrets),
                List.of(),
                null,
                null);
    }

    private void throwablesOfEveryShape() {
        String src = "issue 12: exceptions: message, causes and suppressed exceptions, at any depth";
        String k = "sk_live_" + alnum(24);
        add(withError(
                "value-throwable",
                src + " (computed getMessage())",
                new UpstreamException("https://api.example.net/v1?api_key=" + k),
                k));
        String e = email();
        add(withError(
                "value-throwable",
                src + " (no message, cause only: message is cause.toString())",
                new RuntimeException(new IllegalArgumentException("unknown user " + e)),
                e));
        String p = pw();
        RuntimeException outer = new RuntimeException("batch failed");
        IllegalStateException s1 = new IllegalStateException("item 3 failed");
        s1.addSuppressed(new IllegalArgumentException("retry with password=" + p + " failed"));
        outer.addSuppressed(s1);
        add(withError("value-throwable", src + " (suppressed inside suppressed)", outer, p));
        String c = card("4", 16);
        Throwable chain = new IllegalStateException("card " + c + " declined");
        for (int i = 0; i < 6; i++) {
            chain = new RuntimeException("layer " + i, chain);
        }
        add(withError("value-throwable", src + " (seven causes deep)", chain, c));
        String t = alnum(36);
        IllegalStateException circular = new IllegalStateException("token=" + t);
        RuntimeException top = new RuntimeException("top", circular);
        circular.addSuppressed(top);
        add(withError("value-throwable", src + " (circular suppressed reference)", top, t));
    }

    private void benignValues() {
        long order = 987654321012L;
        benign(
                "value-benign",
                fields("order_id", order),
                rec -> rec.path("order_id").asLong() == order);
        benign(
                "value-benign",
                fields("amount", new BigDecimal("1234.56")),
                rec -> "1234.56".equals(rec.path("amount").asText()));
        UUID id = new UUID(R.nextLong(), R.nextLong());
        benign(
                "value-benign",
                fields("request_id", id),
                rec -> id.toString().equals(rec.path("request_id").asText()));
        benign(
                "value-benign",
                fields("elapsed", Duration.ofMillis(1500)),
                rec -> rec.path("elapsed").asText().contains("1.5"));
        benign(
                "value-benign",
                fields("at", Instant.parse("2024-06-11T12:00:00Z")),
                rec -> rec.path("at").asText().startsWith("2024-06-11T12:00"));
        benign(
                "value-benign",
                fields("severity", Level.WARN),
                rec -> "WARN".equals(rec.path("severity").asText()));
        benign(
                "value-benign",
                fields("retries", Optional.of(3)),
                rec -> rec.path("retries").toString().contains("3"));
        benign(
                "value-benign",
                fields("flags", new String[] {"--verbose", "--port", "8443"}),
                rec -> rec.path("flags").toString().equals("[\"--verbose\",\"--port\",\"8443\"]"));
        benign(
                "value-benign",
                fields("sizes", List.of(List.of(1, 2), List.of(3))),
                rec -> rec.path("sizes").toString().equals("[[1,2],[3]]"));
        long epoch = 1717171717171L;
        benign(
                "value-benign",
                fields("epoch_ms", epoch),
                rec -> rec.path("epoch_ms").asLong() == epoch);
        benign(
                "value-benign",
                fields("endpoint", new Endpoint("api.internal.example.net", 8443)),
                rec -> rec.path("endpoint").toString().contains("api.internal.example.net")
                        && rec.path("endpoint").toString().contains("8443"));
        benign(
                "value-benign",
                fields("token_count", 4096, "pass_through", true, "password_policy", "min12"),
                rec -> rec.path("token_count").asInt() == 4096
                        && rec.path("pass_through").asBoolean()
                        && "min12".equals(rec.path("password_policy").asText()));
        benign(
                "value-benign",
                fields("mode", "pass_through".toCharArray()),
                rec -> "pass_through".equals(rec.path("mode").asText()));
        benign(
                "value-benign",
                fields("counts", Map.of("ok", 42)),
                rec -> rec.at("/counts/ok").asInt() == 42);
        benign(
                "value-benign",
                fields("trace", Optional.empty(), "status", "ok"),
                rec -> "ok".equals(rec.path("status").asText()));
    }
}
