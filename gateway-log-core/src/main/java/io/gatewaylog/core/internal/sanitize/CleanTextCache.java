package io.gatewaylog.core.internal.sanitize;

/**
 * Remembers short strings that were found clean, so that the values a gateway repeats on every record
 * (customer ids, endpoints, messages, field keys) are scanned once rather than every time. Sanitizing is
 * a pure function of the text and the (immutable) rules, so a remembered answer is always right.
 *
 * <p>A direct-mapped table of string references: a lookup is a hash (cached in the string) and an
 * {@code equals}, far cheaper than a scan. It is shared without locks: a reference write is atomic and
 * strings are immutable, so a race can only cost a miss.
 */
final class CleanTextCache {
    /** Longer strings are rarely repeated and cheap to scan relative to their encoding. */
    static final int MAX_LENGTH = 256;

    private static final int SIZE = 4096;

    private final String[] table = new String[SIZE];

    /** Whether {@code s} is known to be clean. */
    boolean isKnownClean(String s) {
        String c = table[slot(s)];
        return c == s || c != null && c.equals(s);
    }

    /** Records that {@code s} is clean. */
    void remember(String s) {
        if (s.length() <= MAX_LENGTH) {
            table[slot(s)] = s;
        }
    }

    private static int slot(String s) {
        int h = s.hashCode();
        return (h ^ (h >>> 16)) & (SIZE - 1);
    }
}
