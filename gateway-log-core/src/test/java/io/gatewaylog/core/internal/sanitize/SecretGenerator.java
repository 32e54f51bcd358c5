package io.gatewaylog.core.internal.sanitize;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Random but valid secrets of every category, for property tests. */
final class SecretGenerator {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

    /** A secret: the text inserted, and the part of it that must not survive. */
    record Secret(String category, String text, String sensitive) {}

    private SecretGenerator() {}

    static final List<Function<Random, Secret>> ALL = List.of(
            SecretGenerator::email,
            SecretGenerator::card,
            SecretGenerator::iban,
            SecretGenerator::ssn,
            SecretGenerator::phone,
            SecretGenerator::jwt,
            SecretGenerator::awsKey,
            SecretGenerator::github,
            SecretGenerator::slack,
            SecretGenerator::stripe,
            SecretGenerator::google,
            SecretGenerator::keyValue,
            SecretGenerator::bearer,
            SecretGenerator::url);

    static Secret email(Random r) {
        String e = chars(r, LOWER, 1) + chars(r, LOWER + "0123456789._", 2 + r.nextInt(10)) + chars(r, LOWER, 1) + "@"
                + chars(r, LOWER, 3 + r.nextInt(8)) + "."
                + List.of("com", "org", "net", "de", "co.uk", "io").get(r.nextInt(6));
        return new Secret("email", e, e);
    }

    static Secret card(Random r) {
        String[] prefixes = {"4", "51", "52", "55", "6011", "37", "34", "2221"};
        String prefix = prefixes[r.nextInt(prefixes.length)];
        int len = prefix.startsWith("3") ? 15 : 16;
        StringBuilder d = new StringBuilder(prefix);
        while (d.length() < len - 1) {
            d.append(r.nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            if (CardNumbers.luhn(d + String.valueOf(check), 0, len)) {
                d.append(check);
                break;
            }
        }
        String sep = List.of("", " ", "-", ".").get(r.nextInt(4));
        String digits = d.toString();
        String text = sep.isEmpty()
                ? digits
                : len == 15
                        ? digits.substring(0, 4) + sep + digits.substring(4, 10) + sep + digits.substring(10)
                        : digits.substring(0, 4)
                                + sep
                                + digits.substring(4, 8)
                                + sep
                                + digits.substring(8, 12)
                                + sep
                                + digits.substring(12);
        return new Secret("card", text, text);
    }

    static Secret iban(Random r) {
        String bban = digits(r, 18);
        String country = "DE";
        String rearranged = bban + "1314" + "00"; // D=13, E=14
        int mod = 0;
        for (char c : rearranged.toCharArray()) {
            mod = (mod * 10 + (c - '0')) % 97;
        }
        String check = String.format("%02d", 98 - mod);
        String solid = country + check + bban;
        String text =
                r.nextBoolean() ? solid : solid.replaceAll("(.{4})", "$1 ").trim();
        return new Secret("iban", text, text);
    }

    static Secret ssn(Random r) {
        int area = 1 + r.nextInt(899);
        if (area == 666) {
            area = 665;
        }
        String sep = r.nextBoolean() ? "-" : " ";
        String text = String.format("%03d%s%02d%s%04d", area, sep, 1 + r.nextInt(99), sep, 1 + r.nextInt(9999));
        return new Secret("ssn", text, text);
    }

    static Secret phone(Random r) {
        String text;
        switch (r.nextInt(3)) {
            case 0:
                text = "+" + (1 + r.nextInt(98)) + " " + (1 + r.nextInt(99)) + " " + digits(r, 4) + " " + digits(r, 4);
                break;
            case 1:
                text = "(" + (2 + r.nextInt(8)) + digits(r, 2) + ") " + (2 + r.nextInt(8)) + digits(r, 2) + "-"
                        + digits(r, 4);
                break;
            default:
                text = "0" + (1 + r.nextInt(9)) + digits(r, 2) + " " + digits(r, 3) + " " + digits(r, 4);
                break;
        }
        return new Secret("phone", text, text);
    }

    static Secret jwt(Random r) {
        String text = "eyJ" + chars(r, ALNUM + "-_", 20) + ".eyJ" + chars(r, ALNUM + "-_", 40) + "."
                + chars(r, ALNUM + "-_", 43);
        return new Secret("jwt", text, text);
    }

    static Secret awsKey(Random r) {
        String text = "AKIA" + chars(r, UPPER_DIGITS, 16);
        return new Secret("aws-key", text, text);
    }

    static Secret github(Random r) {
        String text = "ghp_" + chars(r, ALNUM, 36);
        return new Secret("github-token", text, text);
    }

    static Secret slack(Random r) {
        String text = "xoxb-" + digits(r, 12) + "-" + chars(r, ALNUM, 24);
        return new Secret("slack-token", text, text);
    }

    static Secret stripe(Random r) {
        String text = "sk_live_" + chars(r, ALNUM, 24);
        return new Secret("stripe-key", text, text);
    }

    static Secret google(Random r) {
        String text = "AIza" + chars(r, ALNUM + "-_", 35);
        return new Secret("google-key", text, text);
    }

    static Secret keyValue(Random r) {
        String value = chars(r, ALNUM, 6) + digits(r, 2) + chars(r, ALNUM + "!#$%", 4);
        String key = List.of("password", "db_password", "apiKey", "client_secret", "X-Auth-Token", "passwd")
                .get(r.nextInt(6));
        String text = switch (r.nextInt(3)) {
            case 0 -> key + "=" + value;
            case 1 -> key + ": " + value;
            default -> "\"" + key + "\":\"" + value + "\"";
        };
        return new Secret("key-value", text, value);
    }

    static Secret bearer(Random r) {
        String token = chars(r, ALNUM, 20) + digits(r, 4);
        return new Secret("bearer", "Authorization: Bearer " + token, token);
    }

    static Secret url(Random r) {
        String pw = chars(r, ALNUM, 10) + digits(r, 2);
        String text = List.of("postgres", "https", "amqp", "redis").get(r.nextInt(4)) + "://svc:" + pw + "@db"
                + r.nextInt(9) + ".internal:5432/x";
        return new Secret("url", text, pw);
    }

    static String digits(Random r, int n) {
        return chars(r, "0123456789", n);
    }

    static String chars(Random r, String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
