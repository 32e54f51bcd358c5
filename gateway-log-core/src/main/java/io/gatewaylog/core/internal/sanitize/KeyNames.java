package io.gatewaylog.core.internal.sanitize;

/**
 * Reads back, from a separator ('=', ':', or their URL escapes), the key that names the value after it,
 * in the spellings gateways log: {@code password=}, {@code "password": }, {@code \"password\":} and
 * {@code \\\"password\\\":} (JSON escaped once or twice inside a string), {@code password\t=} (values
 * lined up with tabs or spaces), {@code user[password]=} and {@code user%5Bpassword%5D=} (form keys),
 * {@code --db-password=} and {@code -Djavax.net.ssl.keyStorePassword=} (command lines), and
 * {@code %3Faccess_token%3D} (a query string inside a URL-encoded parameter, where the key is glued to
 * the hex digits of the escape before it). It reads at most {@link #MAX_KEY} characters back and never
 * past another separator, so every character is read back by at most one separator.
 */
final class KeyNames {
    static final int MAX_KEY = 64;
    private static final int MAX_BLANKS = 16;
    private static final int MAX_BACKSLASHES = 8;

    private KeyNames() {}

    /** The kind of the key just before the separator at {@code sep} (see {@link SensitiveKeys}). */
    static int kindBefore(String s, int sep, SensitiveKeys keys) {
        int j = sep - 1;
        int steps = 0;
        while (j >= 0 && Chars.isBlank(s.charAt(j)) && steps < MAX_BLANKS) {
            j--;
            steps++;
        }
        j = skipQuote(s, j);
        if (j >= 0 && s.charAt(j) == ']') {
            j--;
            if (j >= 0 && s.charAt(j) == '[') {
                j--; // password[]=x: a list parameter
            }
        } else if (j >= 2
                && s.charAt(j - 2) == '%'
                && s.charAt(j - 1) == '5'
                && (s.charAt(j) == 'D' || s.charAt(j) == 'd')) {
            j -= 3;
        }
        int keyEnd = j + 1;
        while (j >= 0 && keyEnd - j <= MAX_KEY && isKeyChar(s.charAt(j)) && !Chars.escapeEndsAt(s, j)) {
            j--;
        }
        ScanSteps.add(steps + keyEnd - j);
        int keyStart = j + 1;
        while (keyStart < keyEnd && s.charAt(keyStart) == '-') {
            keyStart++; // a command-line flag: --db-password, -Dkey=value
        }
        if (keyStart == keyEnd || !Chars.isLetter(s.charAt(keyStart)) && s.charAt(keyStart) != '_') {
            return SensitiveKeys.NONE;
        }
        if (keyEnd - keyStart == 5 && s.regionMatches(true, keyStart, "value", 0, 5)) {
            return namedBefore(s, keyStart, keys);
        }
        return keys.kind(s, keyStart, keyEnd);
    }

    /**
     * "Property: spring.datasource.password Value: x" (Spring Boot's bind errors), "name=password
     * value=x": a key called "value" takes its meaning from the name just before it.
     */
    private static int namedBefore(String s, int valueKey, SensitiveKeys keys) {
        int j = valueKey - 1;
        if (j < 1 || s.charAt(j) != ' ') {
            return SensitiveKeys.NONE;
        }
        j--;
        int nameEnd = j + 1;
        while (j >= 0 && nameEnd - j <= MAX_KEY && isKeyChar(s.charAt(j))) {
            j--;
        }
        ScanSteps.add(nameEnd - j);
        return nameEnd - j > 1 ? keys.kind(s, j + 1, nameEnd) : SensitiveKeys.NONE;
    }

    /** Steps back over a closing quote: {@code "}, {@code \"}, {@code \\\"}, {@code '} or {@code %22}. */
    private static int skipQuote(String s, int j) {
        int u = KeyValues.UNICODE_QUOTE.length();
        if (j + 1 >= u && s.startsWith(KeyValues.UNICODE_QUOTE, j + 1 - u)) {
            return j - u;
        }
        if (j >= 0 && (s.charAt(j) == '"' || s.charAt(j) == '\'')) {
            j--;
            int k = 0;
            while (j >= 0 && s.charAt(j) == '\\' && k < MAX_BACKSLASHES) {
                j--;
                k++;
            }
        } else if (j >= 2 && (s.charAt(j) == '2' || s.charAt(j) == '7') && s.charAt(j - 1) == '2') {
            if (s.charAt(j - 2) == '%') {
                j -= 3;
            } else if (j >= 4 && s.charAt(j - 2) == '5' && s.charAt(j - 3) == '2' && s.charAt(j - 4) == '%') {
                j -= 5; // %2522: a quote encoded twice
            }
        }
        return j;
    }

    static boolean isKeyChar(char c) {
        return Chars.isAlnum(c) || c == '_' || c == '-' || c == '.';
    }
}
