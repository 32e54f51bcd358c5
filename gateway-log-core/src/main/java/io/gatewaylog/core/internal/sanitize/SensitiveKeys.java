package io.gatewaylog.core.internal.sanitize;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a key names a secret. A key is compared in its normalised form: letters and digits
 * only, lower case ({@code X-Api-Key}, {@code api_key} and {@code apiKey} are all {@code apikey}).
 *
 * <p>The rule: a key is sensitive when its normalised form <em>ends with</em> a sensitive word. Whatever
 * follows the word makes it another key, so {@code token_count}, {@code password_reset_at} and
 * {@code secret_rotation_days} are not caught, while {@code client_secret}, {@code x-auth-token} and
 * {@code dbPassword} are. Words of four characters or fewer (and {@code phone}) must start at a word
 * boundary of the original key (its start, a separator, or a lower-to-upper case change), so that
 * {@code pin} catches {@code card_pin} but not {@code spin}. Flags named {@code is…}/{@code has…}
 * ({@code has_password}) and allow-listed keys are never sensitive. Matching allocates nothing.
 */
final class SensitiveKeys {
    static final int NONE = 0;
    static final int SECRET = 1;
    static final int COOKIE = 2;
    static final int AUTHORIZATION = 3;

    private static final String[] FLAG_PREFIXES = {"is", "has"};

    /** A sensitive word and the kind of secret it names. */
    private record Word(String text, int kind) {}

    /** Words by their last character ('0'-'9' then 'a'-'z'). */
    private final Word[][] byLastChar = new Word[36][];

    private final String[] allowed;

    private SensitiveKeys(Collection<String> extraWords, Collection<String> allowedKeys) {
        List<List<Word>> buckets = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            buckets.add(new ArrayList<>());
        }
        add(buckets, SensitiveWords.SECRET, SECRET);
        add(buckets, SensitiveWords.COOKIE, COOKIE);
        add(buckets, SensitiveWords.AUTHORIZATION, AUTHORIZATION);
        add(buckets, normalise(extraWords), SECRET);
        for (int i = 0; i < 36; i++) {
            byLastChar[i] = buckets.get(i).toArray(new Word[0]);
        }
        allowed = normalise(allowedKeys).toArray(new String[0]);
    }

    /** The built-in words only. */
    static SensitiveKeys defaults() {
        return new SensitiveKeys(Set.of(), Set.of());
    }

    /** Built-in words plus {@code extraWords}; keys in {@code allowedKeys} are never sensitive. */
    static SensitiveKeys of(Collection<String> extraWords, Collection<String> allowedKeys) {
        return new SensitiveKeys(extraWords, allowedKeys);
    }

    /** A key as it is compared: letters and digits, lower case. */
    static String normalise(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Chars.isAlnum(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    boolean isSensitive(String key) {
        return key != null && kind(key, 0, key.length()) != NONE;
    }

    /** The kind of secret the key {@code s[from, to)} names: {@link #NONE}, {@link #SECRET}, ... */
    int kind(String s, int from, int to) {
        int last = to - 1;
        while (last >= from && !Chars.isAlnum(s.charAt(last))) {
            last--;
        }
        if (last < from) {
            return NONE;
        }
        char lc = Character.toLowerCase(s.charAt(last));
        if (!Chars.isAlnum(lc)) {
            return NONE;
        }
        for (Word word : byLastChar[Chars.isDigit(lc) ? lc - '0' : lc - 'a' + 10]) {
            String w = word.text();
            int start = endsWith(s, from, last, w);
            if (start >= 0 && (w.length() > 4 && !"phone".equals(w) || atBoundary(s, from, start))) {
                return isFlag(s, from, to) || isAllowed(s, from, to) ? NONE : word.kind();
            }
        }
        return NONE;
    }

    /** Index in s where word starts if s[from, last] ends with it (separators skipped), else -1. */
    private static int endsWith(String s, int from, int last, String word) {
        int i = last;
        for (int w = word.length() - 1; w >= 0; w--) {
            while (i >= from && !Chars.isAlnum(s.charAt(i))) {
                i--;
            }
            if (i < from || Character.toLowerCase(s.charAt(i)) != word.charAt(w)) {
                return -1;
            }
            if (w > 0) {
                i--;
            }
        }
        return i;
    }

    private static boolean atBoundary(String s, int from, int start) {
        if (start == from) {
            return true;
        }
        char prev = s.charAt(start - 1);
        char c = s.charAt(start);
        return !Chars.isAlnum(prev) || Chars.isUpper(c) && (Chars.isLower(prev) || Chars.isDigit(prev));
    }

    /** {@code is_…}/{@code has_…}/{@code isX}/{@code hasX}: a flag about a secret, not the secret. */
    private static boolean isFlag(String s, int from, int to) {
        while (from < to && !Chars.isAlnum(s.charAt(from))) {
            from++;
        }
        for (String p : FLAG_PREFIXES) {
            int after = from + p.length();
            if (after < to && s.regionMatches(true, from, p, 0, p.length())) {
                char c = s.charAt(after);
                if (!Chars.isAlnum(c) || Chars.isUpper(c) && Chars.isLower(s.charAt(after - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isAllowed(String s, int from, int to) {
        for (String a : allowed) {
            if (normalisedEquals(s, from, to, a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean normalisedEquals(String s, int from, int to, String normalised) {
        int w = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (Chars.isAlnum(c)) {
                if (w >= normalised.length() || Character.toLowerCase(c) != normalised.charAt(w++)) {
                    return false;
                }
            }
        }
        return w == normalised.length();
    }

    private static List<String> normalise(Collection<String> keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            String n = normalise(k);
            if (!n.isEmpty()) {
                out.add(n);
            }
        }
        return out;
    }

    private static void add(List<List<Word>> buckets, List<String> words, int kind) {
        for (String w : words) {
            char lc = w.charAt(w.length() - 1);
            if (Chars.isAlnum(lc)) {
                buckets.get(Chars.isDigit(lc) ? lc - '0' : lc - 'a' + 10).add(new Word(w, kind));
            }
        }
    }
}
