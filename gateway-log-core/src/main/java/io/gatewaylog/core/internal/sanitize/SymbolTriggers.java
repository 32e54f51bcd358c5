package io.gatewaylog.core.internal.sanitize;

/**
 * The detectors woken by punctuation: '@' and its escapes (e-mail), separators '=' ':' and their URL
 * escapes (key-value, URL credentials, Telegram bot tokens, OAuth codes), '>' (XML elements), '-'
 * (private-key blocks, command-line flags), '+' '/' '(' (AWS secret keys, phones).
 */
final class SymbolTriggers {
    private SymbolTriggers() {}

    /**
     * At the character c at i: the first match, reported to {@code scan}, or {@link Chars#NONE};
     * {@code floor} is where the text not yet masked starts (an e-mail is not read back past it).
     */
    static long find(Scan scan, int i, char c, int floor) {
        switch (c) {
            case '@':
            case '\\':
                return email(scan, i, floor);
            case '%': {
                long m = email(scan, i, floor);
                int sep = m == Chars.NONE ? UrlEncodedValues.separatorLength(scan.s, i) : 0;
                return sep > 0 ? keyValue(scan, i, sep) : m;
            }
            case ':':
                return colon(scan, i);
            case '=':
                return equalsSign(scan, i);
            case '>':
                return scan.on(Rule.KEY_VALUE)
                        ? scan.found(Rule.KEY_VALUE, XmlElements.find(scan.s, i, scan.keys))
                        : Chars.NONE;
            case '-':
                return dash(scan, i);
            case '+':
            case '/':
            case '(':
                return base64OrPhone(scan, i, c);
            default:
                return Chars.NONE;
        }
    }

    /** URL credentials (at the ':' of "://"), a Telegram bot token, else a {@code key: value}. */
    private static long colon(Scan scan, int i) {
        String s = scan.s;
        long m = scan.on(Rule.URL_CREDENTIALS)
                ? scan.found(Rule.URL_CREDENTIALS, UrlCredentials.find(s, i))
                : Chars.NONE;
        if (m == Chars.NONE && scan.on(Rule.VENDOR_TOKEN)) {
            m = scan.found(Rule.VENDOR_TOKEN, "[telegram-token]", VendorKeys.telegramBot(s, i));
        }
        return m != Chars.NONE ? m : keyValue(scan, i, 1);
    }

    /** A {@code key=value}, else an OAuth code in a query string. */
    private static long equalsSign(Scan scan, int i) {
        long m = keyValue(scan, i, 1);
        if (m == Chars.NONE && scan.on(Rule.KEY_VALUE)) {
            m = scan.found(Rule.KEY_VALUE, OAuthCodes.find(scan.s, i));
        }
        return m;
    }

    /** A private-key block ({@code -----BEGIN}), else a command-line flag ({@code --password x}). */
    private static long dash(Scan scan, int i) {
        String s = scan.s;
        long m = scan.on(Rule.PRIVATE_KEY) ? scan.found(Rule.PRIVATE_KEY, PrivateKeyBlocks.find(s, i)) : Chars.NONE;
        if (m == Chars.NONE && scan.on(Rule.KEY_VALUE)) {
            m = scan.found(Rule.KEY_VALUE, CommandLineFlags.find(s, i, scan.keys));
        }
        return m;
    }

    /** At '+', '/' or '(': an AWS secret key (not at '('), else a phone number (not at '/'). */
    private static long base64OrPhone(Scan scan, int i, char c) {
        String s = scan.s;
        // an AWS secret key may start with '+' or '/', like any base64
        long m = c != '(' && scan.on(Rule.AWS_SECRET)
                ? scan.found(Rule.AWS_SECRET, VendorKeys.awsSecretKey(s, i))
                : Chars.NONE;
        if (m == Chars.NONE && c != '/' && scan.on(Rule.PHONE) && Chars.wordStartAt(s, i)) {
            m = scan.found(Rule.PHONE, PhoneNumbers.find(s, i));
        }
        return m;
    }

    private static long email(Scan scan, int i, int floor) {
        int at = scan.on(Rule.EMAIL) ? EmailAddresses.atLength(scan.s, i) : 0;
        return at > 0 ? scan.found(Rule.EMAIL, EmailAddresses.find(scan.s, i, at, floor)) : Chars.NONE;
    }

    private static long keyValue(Scan scan, int sep, int sepLen) {
        if (!scan.keyValues()) {
            return Chars.NONE;
        }
        long m = KeyValues.find(scan.s, sep, sepLen, scan.keys);
        return m == Chars.NONE ? m : scan.found(Scan.keyValueRule(KeyNames.kindBefore(scan.s, sep, scan.keys)), m);
    }
}
