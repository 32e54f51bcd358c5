package io.gatewaylog.core.internal.sanitize;

/**
 * The vendor credentials that a prefix alone does not describe: AWS access key ids ({@code AKIA…}, a
 * known four-letter prefix and exactly 16 more capitals or digits), AWS secret access keys (40 base64
 * characters standing alone) and the secret path of Slack webhook URLs. Prefix-only formats are in
 * {@link VendorTokens}.
 */
final class VendorKeys {
    private static final String[] AWS_PREFIXES = {
        "AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "ANPA", "ANVA", "APKA", "AROA"
    };
    private static final String SLACK_HOOKS = "hooks.slack.com/";
    private static final String[] SLACK_PATHS = {"services/", "workflows/", "triggers/"};
    private static final String TEAMS_WEBHOOK = "IncomingWebhook/";

    private VendorKeys() {}

    /** AWS access key id: a known four-letter prefix and 16 capitals or digits. */
    static long awsAccessKey(String s, int i) {
        if (!startsWithAny(s, i, AWS_PREFIXES)) {
            return Chars.NONE;
        }
        int end = i + 4;
        while (end < s.length() && end - i <= 20 && (Chars.isUpper(s.charAt(end)) || Chars.isDigit(s.charAt(end)))) {
            end++;
        }
        ScanSteps.add(end - i);
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
        ScanSteps.add(end - i);
        if (end - i != 40
                || !(upper && lower && digit)
                || end < n && (s.charAt(end) == '=' || s.charAt(end) == '_' || s.charAt(end) == '-')) {
            return Chars.NONE;
        }
        return Chars.match(i, end);
    }

    /** The secret path of a Slack webhook URL ({@code hooks.slack.com/services/T…/B…/…}). */
    static long slackWebhook(String s, int i) {
        if (!s.startsWith(SLACK_HOOKS, i)) {
            return Chars.NONE;
        }
        int from = i + SLACK_HOOKS.length();
        for (String p : SLACK_PATHS) {
            if (s.startsWith(p, from)) {
                from += p.length();
                int end = from;
                while (end < s.length() && end - from < 256 && (Chars.isAlnum(s.charAt(end)) || s.charAt(end) == '/')) {
                    end++;
                }
                ScanSteps.add(end - i);
                return end - from >= 10 ? Chars.match(from, end) : Chars.NONE;
            }
        }
        return Chars.NONE;
    }

    /** The secret path of a Microsoft Teams incoming webhook ({@code …/IncomingWebhook/<hex>/<guid>}). */
    static long teamsWebhook(String s, int i) {
        if (!s.startsWith(TEAMS_WEBHOOK, i)) {
            return Chars.NONE;
        }
        int from = i + TEAMS_WEBHOOK.length();
        int end = from;
        while (end < s.length() && end - from < 128 && (Chars.isTokenChar(s.charAt(end)) || s.charAt(end) == '/')) {
            end++;
        }
        ScanSteps.add(end - i);
        return end - from >= 32 ? Chars.match(from, end) : Chars.NONE;
    }

    /** Mailchimp API keys: 32 hex digits, "-us" and a data-centre number ({@code …0609-us12}). */
    static long mailchimp(String s, int i) {
        int n = s.length();
        if (i + 35 >= n
                || s.charAt(i + 32) != '-'
                || s.charAt(i + 33) != 'u'
                || s.charAt(i + 34) != 's'
                || !Chars.isDigit(s.charAt(i + 35))
                || i > 0 && Chars.isHex(s.charAt(i - 1))) {
            return Chars.NONE;
        }
        for (int j = i; j < i + 32; j++) {
            if (!Chars.isHex(s.charAt(j))) {
                return Chars.NONE;
            }
        }
        ScanSteps.add(36);
        int end = Chars.digitEnd(s, i + 35, 3);
        return end - i <= 37 && !Chars.alnumAt(s, end) ? Chars.match(i, end) : Chars.NONE;
    }

    /** Telegram bot tokens at their ':': the bot id (5 to 16 digits), ':', 'A' and 34 token characters. */
    static long telegramBot(String s, int colon) {
        int n = s.length();
        if (colon + 36 > n || s.charAt(colon + 1) != 'A' || !Chars.digitAt(s, colon - 1)) {
            return Chars.NONE;
        }
        int start = colon;
        while (start > 0 && colon - start < 17 && Chars.isDigit(s.charAt(start - 1))) {
            start--;
        }
        int end = colon + 2;
        while (end < n && end - colon <= 36 && Chars.isTokenChar(s.charAt(end))) {
            end++;
        }
        ScanSteps.add(end - start);
        boolean botPath = start >= 3 && s.startsWith("bot", start - 3) && !Chars.alnumAt(s, start - 4);
        if (colon - start < 5
                || colon - start > 16
                || Chars.alnumAt(s, start - 1) && !botPath
                || end - colon - 2 != 34) {
            return Chars.NONE;
        }
        return Chars.match(start, end);
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
