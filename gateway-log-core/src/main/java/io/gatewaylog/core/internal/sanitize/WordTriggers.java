package io.gatewaylog.core.internal.sanitize;

/**
 * The detectors woken by the first letter of a word: JWTs, the vendor token table, AWS access key ids,
 * Slack and Teams webhooks, Bearer/Basic credentials, PuTTY and base64 PEM keys, Azure and Mailchimp
 * secrets, labelled national ids, IBANs and AWS secret keys. Each is tried only when its first letters
 * match, most in O(1).
 */
final class WordTriggers {
    private WordTriggers() {}

    /** At the word start i (a letter c): the first match, reported to {@code scan}, or {@link Chars#NONE}. */
    static long find(Scan scan, int i, char c) {
        String s = scan.s;
        if (i + 1 >= s.length() || !Chars.isAlnum(s.charAt(i + 1))) {
            return Chars.NONE; // every format here starts with at least two letters or digits
        }
        long m = Chars.NONE;
        if (c == 'e' && scan.on(Rule.JWT) && JsonWebTokens.mayStart(s, i)) {
            m = scan.found(Rule.JWT, JsonWebTokens.find(s, i, scan.runs()));
        }
        if (m == Chars.NONE && VendorTokens.mayStart(s, i)) {
            TokenRuns runs = scan.runs();
            m = VendorTokens.find(s, i, scan.on, runs);
            if (m != Chars.NONE) {
                scan.found(runs.found.rule(), runs.found.mask(), m);
            }
        }
        if (m == Chars.NONE) {
            m = byFirstLetter(scan, i, c);
        }
        if (m == Chars.NONE) {
            m = anyWord(scan, i);
        }
        if (m == Chars.NONE && scan.on(Rule.NATIONAL_ID) && NationalIds.mayStart(c)) {
            m = scan.found(Rule.NATIONAL_ID, NationalIds.find(s, i));
        }
        if (m == Chars.NONE && scan.on(Rule.IBAN) && Ibans.mayStart(s, i)) {
            m = scan.found(Rule.IBAN, Ibans.find(s, i));
        }
        if (m == Chars.NONE && scan.on(Rule.AWS_SECRET)) {
            m = scan.found(Rule.AWS_SECRET, VendorKeys.awsSecretKey(s, i));
        }
        return m;
    }

    /** The secrets that may start with a letter or a digit: Azure client secrets, Mailchimp keys. */
    static long anyWord(Scan scan, int i) {
        long m = Chars.NONE;
        if (scan.on(Rule.AZURE_SECRET)) {
            m = scan.found(Rule.AZURE_SECRET, AzureSecrets.find(scan.s, i));
        }
        if (m == Chars.NONE && scan.on(Rule.VENDOR_TOKEN)) {
            m = scan.found(Rule.VENDOR_TOKEN, "[mailchimp-key]", VendorKeys.mailchimp(scan.s, i));
        }
        return m;
    }

    private static long byFirstLetter(Scan scan, int i, char c) {
        String s = scan.s;
        switch (c) {
            case 'A':
                return scan.on(Rule.AWS_KEY) ? scan.found(Rule.AWS_KEY, VendorKeys.awsAccessKey(s, i)) : Chars.NONE;
            case 'h':
                return scan.on(Rule.SLACK_TOKEN)
                        ? scan.found(Rule.SLACK_TOKEN, VendorKeys.slackWebhook(s, i))
                        : Chars.NONE;
            case 'I':
                return scan.on(Rule.VENDOR_TOKEN)
                        ? scan.found(Rule.VENDOR_TOKEN, VendorKeys.teamsWebhook(s, i))
                        : Chars.NONE;
            case 'B':
            case 'b':
                return scan.on(Rule.AUTH_HEADER)
                        ? scan.found(Rule.AUTH_HEADER, BearerTokens.afterScheme(s, i))
                        : Chars.NONE;
            case 'P':
                return scan.on(Rule.PRIVATE_KEY)
                        ? scan.found(Rule.PRIVATE_KEY, PrivateKeyBlocks.putty(s, i))
                        : Chars.NONE;
            case 'L':
                return scan.on(Rule.PRIVATE_KEY)
                        ? scan.found(Rule.PRIVATE_KEY, PrivateKeyBlocks.base64(s, i))
                        : Chars.NONE;
            default:
                return Chars.NONE;
        }
    }
}
