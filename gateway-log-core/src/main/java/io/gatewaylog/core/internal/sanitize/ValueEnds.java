package io.gatewaylog.core.internal.sanitize;

/**
 * Where a value after a sensitive key ends, for {@link KeyValues}: each search reads forward once and
 * counts what it read ({@link ScanSteps}), so that the scan stays linear.
 */
final class ValueEnds {
    private ValueEnds() {}

    /** The closing quote of a quoted value (escapes skipped), or the line's end when there is none. */
    static int closingQuote(String s, int from, char quote) {
        for (int j = from; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == quote) {
                ScanSteps.add(j - from);
                return j;
            }
        }
        return lineEnd(s, from);
    }

    /** The closing quote of a value whose opening quote was escaped {@code bs} times ({@code \\\"x\\\"}). */
    static int escapedQuote(String s, int from, int bs, char quote) {
        int n = s.length();
        int run = 0;
        for (int j = from; j < n; j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                run++;
            } else {
                if (c == quote && run == bs) {
                    ScanSteps.add(j - from);
                    return j - bs;
                }
                if (c == '\n' || c == '\r') {
                    ScanSteps.add(j - from);
                    return j;
                }
                run = 0;
            }
        }
        ScanSteps.add(n - from);
        return n;
    }

    /** The end of a bare value: the first blank, separator, bracket or quote. */
    static int unquotedEnd(String s, int from) {
        int j = from;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c <= ' ' || c == '&' || c == ',' || c == ';' || c == ')' || c == ']' || c == '}' || c == '<' || c == '>'
                    || c == '"' || c == '\'' || c == '\\') {
                break;
            }
            j++;
        }
        ScanSteps.add(j - from);
        return j;
    }

    /** The end of the line, or the next quote. */
    static int lineEnd(String s, int from) {
        int j = from;
        while (j < s.length() && s.charAt(j) != '\n' && s.charAt(j) != '\r' && s.charAt(j) != '"') {
            j++;
        }
        ScanSteps.add(j - from);
        return j;
    }
}
