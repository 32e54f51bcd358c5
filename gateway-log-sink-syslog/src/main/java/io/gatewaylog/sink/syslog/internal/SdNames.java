package io.gatewaylog.sink.syslog.internal;

/** The character rules of RFC 5424's header fields and structured data (sections 6.2 and 6.3). */
final class SdNames {
    static final int MAX_SD_NAME = 32;

    private SdNames() {}

    /** PRINTUSASCII: %d33-126. */
    static boolean isPrintUsAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 33 || c > 126) {
                return false;
            }
        }
        return true;
    }

    /** {@code s} with every character outside PRINTUSASCII replaced by {@code _}, cut to {@code max}. */
    static String printable(String s, int max) {
        int n = Math.min(s.length(), max);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            b.append(c < 33 || c > 126 ? '_' : c);
        }
        return b.toString();
    }

    /** SD-NAME: 1 to 32 PRINTUSASCII except '=', SP, ']' and '"'. */
    static boolean isValidSdName(String s) {
        if (s.isEmpty() || s.length() > MAX_SD_NAME) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isSdNameChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * An SD-ID we may use: {@code name@digits}. Names without {@code @} are reserved for IANA's registered
     * elements (timeQuality, origin, meta), so they are refused.
     */
    static boolean isValidSdId(String s) {
        int at = s.indexOf('@');
        if (at <= 0 || at == s.length() - 1 || s.length() > MAX_SD_NAME || !isValidSdName(s)) {
            return false;
        }
        for (int i = at + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.')) {
                return false;
            }
        }
        return s.indexOf('@', at + 1) < 0;
    }

    /** A PARAM-NAME made from a field key: forbidden characters become {@code _}, at most 32 characters. */
    static String paramName(String key) {
        if (key == null || key.isEmpty()) {
            return "_";
        }
        int n = Math.min(key.length(), MAX_SD_NAME);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            b.append(isSdNameChar(c) ? c : '_');
        }
        return b.toString();
    }

    /** Appends a PARAM-VALUE's content: {@code "}, {@code \} and {@code ]} are escaped with a backslash. */
    static void appendEscaped(StringBuilder b, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                b.append('\\');
            }
            b.append(c);
        }
    }

    /**
     * A field value as text. Never throws: a value whose {@code toString()} fails must not stop the
     * sender (it would be retried for ever and hold up every record behind it).
     */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        try {
            return String.valueOf(value);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return "[toString() of " + value.getClass().getName() + " threw "
                    + e.getClass().getName() + "]";
        }
    }

    private static boolean isSdNameChar(char c) {
        return c >= 33 && c <= 126 && c != '=' && c != ']' && c != '"';
    }
}
