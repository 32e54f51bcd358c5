package io.gatewaylog.core.sanitize.corpus2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the corpus itself, independently of the sanitizer: each secret is truly of its stated format (Luhn-valid
 * cards with an issuer prefix, IBANs with valid mod-97 check digits, JWTs whose parts are base64url JSON), ids
 * are unique, the corpus is big enough, and the harness really sees a leak when sanitization is off.
 */
class SecondCorpusFormatTest {

    @Test
    void corpusHasTheSizeTheIssueAsks() {
        List<Corpus2Case> cases = Corpus2Loader.load();
        long secrets = cases.stream().filter(Corpus2Case::secret).count();
        long benign = cases.size() - secrets;
        assertThat(secrets).isGreaterThanOrEqualTo(500);
        assertThat(benign).isGreaterThanOrEqualTo(200);
        Set<String> ids = new HashSet<>();
        for (Corpus2Case c : cases) {
            assertThat(ids.add(c.id())).as("duplicate id %s", c.id()).isTrue();
            assertThat(c.source()).as(c.id()).isNotBlank();
            if (c.secret()) {
                assertThat(c.secrets()).as(c.id()).isNotEmpty();
            }
        }
        List<Corpus2Case> values = ValueTypeCases.all();
        assertThat(values).allSatisfy(c -> assertThat(c.category()).startsWith("value-"));
        values.forEach(
                c -> assertThat(ids.add(c.id())).as("duplicate id %s", c.id()).isTrue());
    }

    @Test
    void cardsAreLuhnValidWithAnIssuerPrefix() {
        int n = 0;
        for (Corpus2Case c : Corpus2Loader.load()) {
            if (c.secret() && c.category().equals("card")) {
                String digits = c.secrets().get(0).replaceAll("[^0-9]", "");
                assertThat(digits.length()).as(c.id()).isBetween(13, 19);
                assertThat(ValueTypeCases.luhn(digits))
                        .as(c.id() + " Luhn " + digits)
                        .isTrue();
                assertThat(issuer(digits))
                        .as(c.id() + " issuer prefix " + digits)
                        .isTrue();
                n++;
            }
        }
        assertThat(n).isGreaterThan(100);
    }

    @Test
    void ibansHaveValidCheckDigits() {
        int n = 0;
        for (Corpus2Case c : Corpus2Loader.load()) {
            if (c.secret() && c.category().equals("iban")) {
                String iban = c.secrets().get(0).replaceAll("[ -]", "");
                assertThat(iban).as(c.id()).matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
                String moved = iban.substring(4) + iban.substring(0, 4);
                StringBuilder num = new StringBuilder();
                for (char ch : moved.toCharArray()) {
                    num.append(Character.digit(ch, 36));
                }
                assertThat(new BigInteger(num.toString())
                                .mod(BigInteger.valueOf(97))
                                .intValue())
                        .as(c.id())
                        .isEqualTo(1);
                n++;
            }
        }
        assertThat(n).isGreaterThan(50);
    }

    @Test
    void jwtsAreBase64UrlJson() {
        Pattern compact = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]*){2,4}");
        int n = 0;
        for (Corpus2Case c : Corpus2Loader.load()) {
            if (c.secret() && c.category().equals("jwt")) {
                String token = c.secrets().get(0);
                assertThat(token).as(c.id()).matches(compact);
                String[] parts = token.split("\\.", -1);
                assertThat(parts.length).as(c.id()).isIn(3, 5);
                JsonNode header = json(parts[0]);
                assertThat(header.has("alg")).as(c.id()).isTrue();
                if (parts.length == 3) {
                    assertThat(json(parts[1]).isObject()).as(c.id()).isTrue();
                }
                n++;
            }
        }
        assertThat(n).isGreaterThan(25);
    }

    @Test
    void githubAndNpmTokensCarryTheirCrc32Checksum() {
        Pattern p = Pattern.compile("(gh[pousr]|npm)_([A-Za-z0-9]{30})([A-Za-z0-9]{6})");
        int n = 0;
        for (Corpus2Case c : Corpus2Loader.load()) {
            for (String s : c.secrets()) {
                Matcher m = p.matcher(s);
                if (c.secret() && m.matches()) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(m.group(2).getBytes(StandardCharsets.US_ASCII));
                    assertThat(base62(crc.getValue(), 6)).as(c.id()).isEqualTo(m.group(3));
                    n++;
                }
            }
        }
        assertThat(n).isGreaterThan(10);
    }

    /** The checker itself: with sanitization off, every secret case must be reported as a leak. */
    @Test
    void harnessReportsLeaksWhenSanitizationIsOff() {
        List<Corpus2Case> sample = new ArrayList<>();
        List<Corpus2Case> all = Corpus2Loader.load();
        for (int i = 0; i < all.size(); i += 17) {
            if (all.get(i).secret()) {
                sample.add(all.get(i));
            }
        }
        try (Corpus2Harness h = new Corpus2Harness("sanitize.enabled", "false")) {
            for (Corpus2Case c : sample) {
                Corpus2Harness.Outcome o = h.run(c);
                assertThat(o.ok())
                        .as(c.id() + " should leak with sanitization off: " + o.detail())
                        .isFalse();
                assertThat(o.detail()).as(c.id()).startsWith("LEAK");
            }
        }
        assertThat(sample).hasSizeGreaterThan(40);
    }

    /** And benign cases come back unchanged when nothing is sanitized (the kept checks are right). */
    @Test
    void benignChecksHoldWhenSanitizationIsOff() {
        try (Corpus2Harness h = new Corpus2Harness("sanitize.enabled", "false")) {
            for (Corpus2Case c : Corpus2Loader.load()) {
                if (!c.secret()) {
                    Corpus2Harness.Outcome o = h.run(c);
                    assertThat(o.ok())
                            .as(c.id() + ": " + o.detail() + " " + o.line())
                            .isTrue();
                }
            }
        }
    }

    private static JsonNode json(String b64url) {
        try {
            return Corpus2Loader.JSON.readTree(Base64.getUrlDecoder().decode(b64url));
        } catch (Exception e) {
            throw new AssertionError("not base64url JSON: " + b64url, e);
        }
    }

    /** Public IIN ranges (ISO/IEC 7812 registrations as the networks publish them). */
    static boolean issuer(String d) {
        int p2 = Integer.parseInt(d.substring(0, 2));
        int p3 = Integer.parseInt(d.substring(0, 3));
        int p4 = Integer.parseInt(d.substring(0, 4));
        int len = d.length();
        return d.startsWith("4") && (len == 13 || len == 16 || len == 19) // Visa
                || p2 >= 51 && p2 <= 55 && len == 16
                || p4 >= 2221 && p4 <= 2720 && len == 16 // Mastercard
                || (p2 == 34 || p2 == 37) && len == 15 // Amex
                || (p4 == 6011 || p2 == 65 || p3 >= 644 && p3 <= 649) && len >= 16 // Discover
                || p4 >= 3528 && p4 <= 3589 && len >= 16 // JCB
                || (p2 == 36 || p3 >= 300 && p3 <= 305) && len >= 14 // Diners
                || p2 == 62 && len >= 16 // UnionPay
                || (p4 == 6759 || p4 == 5018) && len >= 12 // Maestro
                || p4 >= 2200 && p4 <= 2204 && len == 16 // Mir
                || (p2 == 81 || p2 == 82) && len == 16; // RuPay
    }

    private static String base62(long n, int width) {
        String chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        StringBuilder b = new StringBuilder();
        while (n > 0) {
            b.insert(0, chars.charAt((int) (n % 62)));
            n /= 62;
        }
        while (b.length() < width) {
            b.insert(0, '0');
        }
        return b.toString();
    }
}
