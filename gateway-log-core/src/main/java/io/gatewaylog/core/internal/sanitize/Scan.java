package io.gatewaylog.core.internal.sanitize;

/**
 * The state of one scan of one string: the enabled rules and keys, what the last detector found (its
 * rule and, when the rule's mask depends on the format, the mask), and the token-run memory, made only
 * when a word first starts like a token. Detectors report through {@link #found}, so that they return
 * nothing but a packed match. Not thread-safe; one per call of {@link TextScanner#scan}.
 */
final class Scan {
    final String s;
    final boolean[] on;
    final SensitiveKeys keys;
    Rule rule;
    String mask;
    /** Where {@link TextScanner} looks next when the trigger at hand masked nothing. */
    int next;

    private TokenRuns runs;

    Scan(String s, boolean[] on, SensitiveKeys keys) {
        this.s = s;
        this.on = on;
        this.keys = keys;
    }

    boolean on(Rule r) {
        return on[r.ordinal()];
    }

    /** Whether any rule that reads key-value text is on. */
    boolean keyValues() {
        return on(Rule.KEY_VALUE) || on(Rule.SESSION_COOKIE) || on(Rule.AUTH_HEADER);
    }

    TokenRuns runs() {
        if (runs == null) {
            runs = new TokenRuns(s);
        }
        return runs;
    }

    /** Records a match of {@code r} (if m is one) and returns m. */
    long found(Rule r, long m) {
        return found(r, null, m);
    }

    /** Records a match of {@code r} masked by {@code maskText} (if m is one) and returns m. */
    long found(Rule r, String maskText, long m) {
        ScanSteps.add(1); // a detector that read nothing still cost a call
        if (m != Chars.NONE) {
            rule = r;
            mask = maskText;
        }
        return m;
    }

    /** The rule of a key-value match, by the kind of its key. */
    static Rule keyValueRule(int kind) {
        switch (kind) {
            case SensitiveKeys.COOKIE:
                return Rule.SESSION_COOKIE;
            case SensitiveKeys.AUTHORIZATION:
                return Rule.AUTH_HEADER;
            default:
                return Rule.KEY_VALUE;
        }
    }
}
