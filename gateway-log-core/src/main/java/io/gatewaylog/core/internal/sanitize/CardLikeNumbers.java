package io.gatewaylog.core.internal.sanitize;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;

/**
 * Numbers among field values that could be payment cards: scanned as their digits, so that a card logged as
 * a number is masked like the same card in text; everything shorter passes after one comparison, and
 * allocates nothing. Static: this runs for every numeric field.
 */
final class CardLikeNumbers {
    private CardLikeNumbers() {}

    /**
     * A number that could be a payment card (13 to 19 digits) is scanned as the same digits in text: a
     * Luhn-valid card logged as a {@code long}, {@code BigInteger} or {@code BigDecimal} is masked like the
     * text. Anything shorter passes after one comparison.
     */
    static Object number(Number n, Sanitizer text) {
        String digits;
        if (n instanceof Long l) {
            long x = l;
            if (x > -MIN_CARD && x < MIN_CARD || !luhn(x)) {
                return n; // epoch milliseconds, ids and counts mostly fail Luhn: no string is made for them
            }
            digits = Long.toString(x);
        } else if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n;
        } else if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!(Math.abs(d) >= MIN_CARD && Math.abs(d) < 1e18 && d == Math.rint(d)) || !luhn((long) d)) {
                return n;
            }
            digits = Long.toString((long) d);
        } else if (n instanceof BigInteger bi) {
            int bits = bi.bitLength();
            if (bits < 39 || bits > 256) {
                return n;
            }
            digits = bi.toString();
        } else if (n instanceof BigDecimal bd) {
            int integerDigits = bd.precision() - bd.scale();
            if (integerDigits < 13 || integerDigits > 64) {
                return n;
            }
            BigDecimal whole = bd.stripTrailingZeros();
            digits = whole.scale() <= 0 ? whole.toPlainString() : bd.toPlainString();
        } else {
            return text.sanitizeText(ValueSanitizer.textOf(n)); // an atomic or user-defined number: its text
        }
        String masked = text.sanitizeText(digits);
        return masked == digits ? n : masked;
    }

    /** The Luhn check on a number's decimal digits, without making a string (any sign ignored). */
    static boolean luhn(long x) {
        if (x == Long.MIN_VALUE) {
            return true; // cannot be negated; let the text decide
        }
        long v = Math.abs(x);
        int sum = 0;
        boolean doubled = false;
        while (v != 0) {
            int d = (int) (v % 10);
            v /= 10;
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** Cards have at least 13 digits. */
    private static final long MIN_CARD = 1_000_000_000_000L;

    /** {@code long[]} and {@code double[]} can hold card numbers; the other primitive arrays cannot. */
    static Object primitives(Object a, Sanitizer text) {
        if (!(a instanceof long[] || a instanceof double[])) {
            return a;
        }
        int n = Array.getLength(a);
        Object[] copy = null;
        for (int i = 0; i < n; i++) {
            Object v = Array.get(a, i);
            Object nv = number((Number) v, text);
            if (copy == null && nv != v) {
                copy = new Object[n];
                for (int k = 0; k < i; k++) {
                    copy[k] = Array.get(a, k);
                }
            }
            if (copy != null) {
                copy[i] = nv;
            }
        }
        return copy == null ? a : Collections.unmodifiableList(Arrays.asList(copy));
    }
}
