package io.gatewaylog.core.internal.sanitize;

/**
 * Cloud and vendor credentials recognised by their documented prefixes, checked only where a word starts
 * with the prefix's first letter: AWS access key ids ({@code AKIA…}) and 40-character secret keys, GitHub
 * ({@code ghp_…}, {@code github_pat_…}), Slack ({@code xoxb-…}, webhook paths), Stripe ({@code sk_live_…},
 * {@code whsec_…}) and Google ({@code AIza…}, {@code ya29.…}, {@code GOCSPX-…}) keys.
 */
final class VendorKeys {
    private static final String[] AWS_PREFIXES = {
        "AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "ANPA", "ANVA", "APKA", "AROA"};
    private static final String[] GITHUB_PREFIXES = {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"};
    private static final String[] STRIPE_PREFIXES = {
        "sk_live_", "sk_test_", "rk_live_", "rk_test_", "pk_live_", "pk_test_", "whsec_"};
    private static final String SLACK_WEBHOOK = "hooks.slack.com/services/";

    private VendorKeys() {
    }

    /** AWS access key id: a known four-letter prefix and 16 capitals or digits. */
    static long awsAccessKey(String s, int i) {
        if (!startsWithAny(s, i, AWS_PREFIXES)) {
            return Chars.NONE;
        }
        int end = i + 4;
        while (end < s.length() && (Chars.isUpper(s.charAt(end)) || Chars.isDigit(s.charAt(end)))) {
            end++;
        }
        return end - i == 20 && !Chars.alnumAt(s, end) ? Chars.match(i, end) : Chars.NONE;
    }

    /**
     * AWS secret access key: exactly 40 base64 characters standing alone, mixing capitals, small letters
     * and digits (a git SHA-1 is lower-case hex and is not caught).
     */
    static long awsSecretKey(String s, int i) {
        if (i > 0 && (Chars.isBase64(s.charAt(i - 1)) || s.charAt(i - 1) == '=')) {
            return Chars.NONE;
        }
        int n = s.length();
        // O(1) rejection for the common case, a word that is not exactly 40 characters long
        if (i + 40 > n || !Chars.isBase64(s.charAt(i + 39)) || i + 40 < n && Chars.isBase64(s.charAt(i + 40))) {
            return Chars.NONE;
        }
        int end = i;
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        while (end < n && end - i <= 40 && Chars.isBase64(s.charAt(end))) {
            char c = s.charAt(end++);
            upper |= Chars.isUpper(c);
            lower |= Chars.isLower(c);
            digit |= Chars.isDigit(c);
        }
        if (end - i != 40 || !(upper && lower && digit) || end < n && (s.charAt(end) == '=' || s.charAt(end) == '_'
                || s.charAt(end) == '-')) {
            return Chars.NONE;
        }
        return Chars.match(i, end);
    }

    static long github(String s, int i) {
        if (startsWithAny(s, i, GITHUB_PREFIXES)) {
            return atLeast(s, i, i + 4, Chars.alnumEnd(s, i + 4), 30);
        }
        if (s.startsWith("github_pat_", i)) {
            return atLeast(s, i, i + 11, Chars.tokenEnd(s, i + 11), 20);
        }
        return Chars.NONE;
    }

    static long slack(String s, int i) {
        int n = s.length();
        if (i + 5 < n && s.startsWith("xox", i) && "abposre".indexOf(s.charAt(i + 3)) >= 0 && s.charAt(i + 4) == '-') {
            return atLeast(s, i, i + 5, Chars.tokenEnd(s, i + 5), 10);
        }
        if (s.startsWith("xapp-", i)) {
            return atLeast(s, i, i + 5, Chars.tokenEnd(s, i + 5), 10);
        }
        return Chars.NONE;
    }

    /** The secret path of a Slack webhook URL ({@code hooks.slack.com/services/T…/B…/…}). */
    static long slackWebhook(String s, int i) {
        if (!s.startsWith(SLACK_WEBHOOK, i)) {
            return Chars.NONE;
        }
        int from = i + SLACK_WEBHOOK.length();
        int end = from;
        while (end < s.length() && (Chars.isAlnum(s.charAt(end)) || s.charAt(end) == '/')) {
            end++;
        }
        return end - from >= 10 ? Chars.match(from, end) : Chars.NONE;
    }

    static long stripe(String s, int i) {
        for (String p : STRIPE_PREFIXES) {
            if (s.startsWith(p, i)) {
                return atLeast(s, i, i + p.length(), Chars.alnumEnd(s, i + p.length()), 10);
            }
        }
        return Chars.NONE;
    }

    static long google(String s, int i) {
        if (s.startsWith("AIza", i)) {
            return atLeast(s, i, i + 4, Chars.tokenEnd(s, i + 4), 30);
        }
        if (s.startsWith("ya29.", i)) {
            return atLeast(s, i, i + 5, Chars.tokenEnd(s, i + 5), 20);
        }
        if (s.startsWith("GOCSPX-", i)) {
            return atLeast(s, i, i + 7, Chars.tokenEnd(s, i + 7), 20);
        }
        return Chars.NONE;
    }

    private static long atLeast(String s, int start, int bodyStart, int end, int min) {
        return end - bodyStart >= min && !Chars.alnumAt(s, end) ? Chars.match(start, end) : Chars.NONE;
    }

    private static boolean startsWithAny(String s, int i, String[] prefixes) {
        for (String p : prefixes) {
            if (s.startsWith(p, i)) {
                return true;
            }
        }
        return false;
    }
}
