package io.gatewaylog.core.internal.json;

/**
 * Makes any Java string safe to write: lone surrogates (invalid UTF-16, which Jackson refuses) become
 * U+FFFD, and text longer than the limit is cut, without splitting a surrogate pair, with a marker
 * that says how much was cut. Returns the same instance when nothing needs doing.
 */
public final class SafeText {
    private SafeText() {}

    public static String clean(String s, int maxLength) {
        String t = s;
        if (t.length() > maxLength) {
            int cut = maxLength;
            if (cut > 0 && Character.isHighSurrogate(t.charAt(cut - 1))) {
                cut--;
            }
            t = t.substring(0, cut) + "…[truncated " + (s.length() - cut) + " chars]";
        }
        return fixSurrogates(t);
    }

    static String fixSurrogates(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return rebuild(s, i);
            }
        }
        return s;
    }

    private static String rebuild(String s, int from) {
        StringBuilder b = new StringBuilder(s.length());
        b.append(s, 0, from);
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append('\uFFFD');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code String.valueOf(o)}, or a description of the failure when {@code toString()} throws anything. */
    public static String describe(Object o) {
        try {
            String s = String.valueOf(o);
            return s == null ? "null" : s;
        } catch (Throwable e) {
            io.gatewaylog.api.internal.Failures.rethrowIfFatal(e);
            return io.gatewaylog.api.internal.Failures.marker("toString()", o, e);
        }
    }
}
