package io.gatewaylog.core.internal.sanitize;

/**
 * Logger and thread names, scanned once per name instance. Racy by design: a slot overwritten by another
 * thread only costs a scan again.
 */
final class ScannedNames {
    private final Sanitizer text;

    ScannedNames(Sanitizer text) {
        this.text = text;
    }

    /**
     * A logger or thread name, scanned. They repeat on every record as the same instance (a thread keeps its
     * name string until it is renamed), so the answer is remembered by identity: a lookup is an identity
     * hash and one reference comparison, whatever the length.
     */
    String name(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        int slot = System.identityHashCode(s) & (NAMES - 1);
        Name known = names[slot];
        if (known != null && known.raw == s) {
            return known.masked;
        }
        String masked = text.sanitizeText(s);
        names[slot] = new Name(s, masked);
        return masked;
    }

    private static final int NAMES = 1024;
    private final Name[] names = new Name[NAMES];

    /** Immutable, so that a racing reader sees either the whole pair or the other one. */
    private record Name(String raw, String masked) {}
}
