package io.gatewaylog.core.internal.sanitize;

/**
 * Secrets passed as a separate command-line argument, {@code --password x} or {@code --api-token "x y"},
 * as process listings and start-up logs show them. The {@code --name=value} and {@code -Dname=value}
 * forms are separators like any other and are left to {@link KeyValues}. Only a double-dash flag whose
 * name is sensitive takes the next word, and not when that word is itself a flag ({@code --no-password
 * --verbose}); single-dash flags are too short to judge ({@code -p} is a port as often as a password).
 */
final class CommandLineFlags {
    private CommandLineFlags() {}

    /** At a '-': the value of a sensitive {@code --flag value} pair, or {@link Chars#NONE}. */
    static long find(String s, int i, SensitiveKeys keys) {
        int n = s.length();
        if (i + 2 >= n || i > 0 && !startsArgument(s.charAt(i - 1))) {
            return Chars.NONE;
        }
        if (s.charAt(i + 1) != '-') {
            return shortFlag(s, i);
        }
        if (i + 3 >= n || !Chars.isLetter(s.charAt(i + 2))) {
            return Chars.NONE;
        }
        if (s.startsWith("user ", i + 2)) {
            return userColonPassword(s, i + 7);
        }
        int name = i + 2;
        int e = name;
        while (e < n && e - name < KeyNames.MAX_KEY && KeyNames.isKeyChar(s.charAt(e))) {
            e++;
        }
        ScanSteps.add(e - name);
        if (e + 1 >= n || s.charAt(e) != ' ' || keys.kind(s, name, e) == SensitiveKeys.NONE) {
            return Chars.NONE;
        }
        int v = e + 1;
        char c = s.charAt(v);
        if (c == '-' || c == ' ' || c == '[' && Chars.isMask(s, v, maskEnd(s, v))) {
            return Chars.NONE;
        }
        int end = v;
        if (c == '"' || c == '\'') {
            end = v + 1;
            while (end < n && s.charAt(end) != c && s.charAt(end) != '\n') {
                end++;
            }
            ScanSteps.add(end - v);
            return end > v + 1 ? Chars.match(v + 1, end) : Chars.NONE;
        }
        while (end < n && s.charAt(end) > ' ' && s.charAt(end) != '"' && s.charAt(end) != '\'') {
            end++;
        }
        ScanSteps.add(end - v);
        return Chars.match(v, end);
    }

    /**
     * The short flags whose value is a password by convention: curl's {@code -u user:password},
     * sshpass's {@code -p password}, and mysql's {@code -pPASSWORD} glued to the flag (a glued value of
     * only letters is another flag, {@code -pthread}; only digits and punctuation, a port).
     */
    private static long shortFlag(String s, int i) {
        int n = s.length();
        char f = s.charAt(i + 1);
        if (f != 'u' && f != 'p') {
            return Chars.NONE;
        }
        char next = s.charAt(i + 2);
        if (next == ' ') {
            if (i + 3 >= n) {
                return Chars.NONE;
            }
            if (f == 'u') {
                return userColonPassword(s, i + 3);
            }
            // "sshpass -p x": only after sshpass, since -p is a port or a path for most tools
            return i >= 8 && s.startsWith("sshpass ", i - 8) && s.charAt(i + 3) != '-'
                    ? valueEnd(s, i + 3)
                    : Chars.NONE;
        }
        return f == 'p' && next > ' ' && gluedPassword(s, i + 2) ? valueEnd(s, i + 2) : Chars.NONE;
    }

    private static boolean gluedPassword(String s, int v) {
        int n = s.length();
        boolean letter = false;
        boolean other = false;
        int e = v;
        while (e < n && e - v < 128 && s.charAt(e) > ' ' && s.charAt(e) != '"' && s.charAt(e) != '\'') {
            letter |= Chars.isLetter(s.charAt(e));
            other |= !Chars.isLetter(s.charAt(e));
            e++;
        }
        ScanSteps.add(e - v);
        return letter && other;
    }

    private static long valueEnd(String s, int v) {
        int end = v;
        while (end < s.length() && s.charAt(end) > ' ' && s.charAt(end) != '"' && s.charAt(end) != '\'') {
            end++;
        }
        ScanSteps.add(end - v);
        return end > v ? Chars.match(v, end) : Chars.NONE;
    }

    /** {@code user:password} after curl's -u / --user: the password. */
    private static long userColonPassword(String s, int v) {
        int n = s.length();
        int colon = v;
        while (colon < n && colon - v < 64 && s.charAt(colon) > ' ' && s.charAt(colon) != ':') {
            colon++;
        }
        ScanSteps.add(colon - v);
        if (colon >= n || s.charAt(colon) != ':' || colon == v) {
            return Chars.NONE;
        }
        return valueEnd(s, colon + 1);
    }

    private static boolean startsArgument(char prev) {
        return prev == ' ' || prev == '\t' || prev == '"' || prev == '\'' || prev == '[' || prev == ',' || prev == '\n';
    }

    private static int maskEnd(String s, int v) {
        int j = s.indexOf(']', v);
        return j < 0 || j - v > 40 ? v : j + 1;
    }
}
