package io.gatewaylog.core.internal.sanitize;

/**
 * The detectors woken by the first digit of a run at a word start: cards, SSNs, phones, AWS secret keys,
 * and the secrets that may start with a digit. A short run that no digit group follows (a count, a
 * duration, a port) is rejected before any of them runs.
 */
final class DigitTriggers {
    private DigitTriggers() {}

    /** At the digit run s[i, run): the first match, reported to {@code scan}, or {@link Chars#NONE}. */
    static long find(Scan scan, int i, int run) {
        String s = scan.s;
        // a number glued to a word by a separator ("card-4111…", "pan.5500…") may be a card;
        // after "x-" or "x." it is more often the tail of a UUID, a date or a version
        boolean compound = inCompoundId(s, i);
        boolean grouped = groupFollows(s, run);
        int len = run - i;
        long m = Chars.NONE;
        if ((len >= 13 || grouped && len >= 4) && scan.on(Rule.CARD)) {
            m = scan.found(Rule.CARD, CardNumbers.find(s, i));
        }
        if (m == Chars.NONE && !compound && grouped && len == 3 && scan.on(Rule.SSN)) {
            m = scan.found(Rule.SSN, SocialSecurityNumbers.find(s, i));
        }
        if (m == Chars.NONE && !compound && (len >= 9 || grouped) && scan.on(Rule.PHONE)) {
            m = scan.found(Rule.PHONE, PhoneNumbers.find(s, i));
        }
        if (m == Chars.NONE && scan.on(Rule.AWS_SECRET)) {
            m = scan.found(Rule.AWS_SECRET, VendorKeys.awsSecretKey(s, i));
        }
        if (m == Chars.NONE) {
            m = WordTriggers.anyWord(scan, i);
        }
        return m;
    }

    /**
     * A digit run after "x-" or "x." (x alphanumeric) continues an identifier such as a UUID, a date or a
     * version, and starts no SSN or phone number.
     */
    private static boolean inCompoundId(String s, int i) {
        if (i < 2) {
            return false;
        }
        char sep = s.charAt(i - 1);
        return (sep == '-' || sep == '.') && Chars.isAlnum(s.charAt(i - 2));
    }

    /** Whether a digit group follows the run ending at {@code run}: "4111 1111", "415) 555", "4111   1111". */
    private static boolean groupFollows(String s, int run) {
        int n = s.length();
        int j = run;
        if (j < n && s.charAt(j) == ' ') {
            while (j < n && j - run < 3 && s.charAt(j) == ' ') {
                j++;
            }
        } else if (j < n && isGroupSeparator(s.charAt(j))) {
            j++;
        }
        return j > run && j < n && Chars.isDigit(s.charAt(j));
    }

    private static boolean isGroupSeparator(char c) {
        return c == '-' || c == '.' || c == '/' || c == ')' || c == '_' || c == '\u00a0';
    }
}
