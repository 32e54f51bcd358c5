package io.gatewaylog.core.internal.sanitize;

import java.util.Set;

/**
 * The single left-to-right pass over a string that drives every built-in detector. Each character is
 * looked at once by a switch on cheap triggers: '@' and {@code %40} (e-mail), '=' ':' and their URL
 * escapes (key-value, URL credentials), '-' (private-key blocks, {@code --password x}), '+' and '('
 * (phones), the start of a digit run (cards, SSNs, phones) and the start of a word (vendor token
 * prefixes, JWTs, Bearer/Basic, PuTTY keys, IBANs, AWS and Azure secrets). Detectors return a packed
 * (start, end) match; what they read is bounded, or is masked and skipped, or is a run whose end
 * {@link TokenRuns} remembers, so that the work is linear in the length of the text whatever its shape
 * (see docs/sanitization.md, "Linear time"; {@link ScanSteps} counts it for the tests). Nothing is
 * allocated until a token trigger or a match; a string with nothing to mask is returned as the same
 * instance. Thread-safe: all state is local to {@link #scan(String)}.
 */
final class TextScanner {
    private final boolean[] on = new boolean[Rule.values().length];
    private final SensitiveKeys keys;
    private final boolean keyValues;

    TextScanner(Set<Rule> enabled, SensitiveKeys keys) {
        for (Rule r : enabled) {
            on[r.ordinal()] = true;
        }
        this.keys = keys;
        this.keyValues = on(Rule.KEY_VALUE) || on(Rule.SESSION_COOKIE) || on(Rule.AUTH_HEADER);
    }

    private boolean on(Rule r) {
        return on[r.ordinal()];
    }

    @SuppressWarnings("fallthrough") // '+' starts an AWS secret or a phone number
    String scan(String s) {
        int n = s.length();
        ScanSteps.add(n); // the loop below visits each character once; detectors count their own reads
        StringBuilder out = null;
        TokenRuns runs = null;
        int pos = 0; // s[0, pos) has been dealt with (copied to out, or masked)
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            long m = Chars.NONE;
            Rule rule = null;
            String maskText = null;
            int next = i + 1;
            if (Chars.isLetter(c)) {
                if (Chars.wordStartAt(s, i)) {
                    if (c == 'e' && on(Rule.JWT) && JsonWebTokens.mayStart(s, i)) {
                        runs = runs != null ? runs : new TokenRuns(s);
                        m = JsonWebTokens.find(s, i, runs);
                        rule = Rule.JWT;
                    }
                    if (m == Chars.NONE && VendorTokens.mayStart(s, i)) {
                        runs = runs != null ? runs : new TokenRuns(s);
                        m = VendorTokens.find(s, i, on, runs);
                        if (m != Chars.NONE) {
                            rule = runs.found.rule();
                            maskText = runs.found.mask();
                        }
                    }
                    if (m == Chars.NONE) {
                        m = letterWord(s, i, c);
                        rule = lastRule(c);
                    }
                    if (m == Chars.NONE && on(Rule.AZURE_SECRET) && (m = AzureSecrets.find(s, i)) != Chars.NONE) {
                        rule = Rule.AZURE_SECRET;
                    }
                    if (m == Chars.NONE && on(Rule.VENDOR_TOKEN) && (m = VendorKeys.mailchimp(s, i)) != Chars.NONE) {
                        rule = Rule.VENDOR_TOKEN;
                        maskText = "[mailchimp-key]";
                    }
                    if (m == Chars.NONE && on(Rule.NATIONAL_ID) && NationalIds.mayStart(c)
                            && (m = NationalIds.find(s, i)) != Chars.NONE) {
                        rule = Rule.NATIONAL_ID;
                    }
                    if (m == Chars.NONE && on(Rule.IBAN) && Ibans.mayStart(s, i)) {
                        m = Ibans.find(s, i);
                        rule = Rule.IBAN;
                    }
                    if (m == Chars.NONE && on(Rule.AWS_SECRET)) {
                        m = VendorKeys.awsSecretKey(s, i);
                        rule = Rule.AWS_SECRET;
                    }
                }
            } else if (Chars.isDigit(c)) {
                if (i > 0 && Chars.escapeAt(s, i - 1)) {
                    // the hex digits of a URL escape ("%20", "%3D", "%2520") start no number
                    next = s.startsWith("25", i) && Chars.escapeAt(s, i + 1) ? i + 4 : i + 2;
                    i = Math.min(next, n);
                    continue;
                }
                int run = Chars.digitEnd(s, i, n - i);
                if (Chars.wordStartAt(s, i)) {
                    // a number glued to a word by a separator ("card-4111…", "pan.5500…") may be a card;
                    // after "x-" or "x." it is more often the tail of a UUID, a date or a version
                    boolean compound = inCompoundId(s, i);
                    boolean grouped = groupFollows(s, run);
                    int len = run - i;
                    if ((len >= 13 || grouped && len >= 4) && on(Rule.CARD)
                            && (m = CardNumbers.find(s, i)) != Chars.NONE) {
                        rule = Rule.CARD;
                    } else if (!compound && grouped && len == 3 && on(Rule.SSN)
                            && (m = SocialSecurityNumbers.find(s, i)) != Chars.NONE) {
                        rule = Rule.SSN;
                    }
                    if (m == Chars.NONE && !compound && (len >= 9 || grouped) && on(Rule.PHONE)
                            && (m = PhoneNumbers.find(s, i)) != Chars.NONE) {
                        rule = Rule.PHONE;
                    }
                    if (m == Chars.NONE && on(Rule.AWS_SECRET) && (m = VendorKeys.awsSecretKey(s, i)) != Chars.NONE) {
                        rule = Rule.AWS_SECRET;
                    }
                }
                if (m == Chars.NONE && on(Rule.AZURE_SECRET) && Chars.wordStartAt(s, i)
                        && (m = AzureSecrets.find(s, i)) != Chars.NONE) {
                    rule = Rule.AZURE_SECRET;
                }
                if (m == Chars.NONE && on(Rule.VENDOR_TOKEN) && Chars.wordStartAt(s, i)
                        && (m = VendorKeys.mailchimp(s, i)) != Chars.NONE) {
                    rule = Rule.VENDOR_TOKEN;
                    maskText = "[mailchimp-key]";
                }
                if (m == Chars.NONE) {
                    next = run; // the rest of the digit run starts nothing
                }
            } else {
                switch (c) {
                    case '\\':
                        if (on(Rule.EMAIL) && EmailAddresses.atLength(s, i) > 0) {
                            m = EmailAddresses.find(s, i, EmailAddresses.atLength(s, i), pos);
                            rule = Rule.EMAIL;
                        }
                        break;
                    case '@':
                        if (on(Rule.EMAIL)) {
                            m = EmailAddresses.find(s, i, 1, pos);
                            rule = Rule.EMAIL;
                        }
                        break;
                    case '%': {
                        int at = on(Rule.EMAIL) ? EmailAddresses.atLength(s, i) : 0;
                        if (at > 0) {
                            m = EmailAddresses.find(s, i, at, pos);
                            rule = Rule.EMAIL;
                        } else if (keyValues) {
                            int sep = KeyValues.separatorLength(s, i);
                            if (sep > 0 && (m = KeyValues.find(s, i, sep, keys)) != Chars.NONE) {
                                rule = keyValueRule(KeyNames.kindBefore(s, i, keys));
                            }
                        }
                        break;
                    }
                    case ':':
                        if (on(Rule.URL_CREDENTIALS) && (m = UrlCredentials.find(s, i)) != Chars.NONE) {
                            rule = Rule.URL_CREDENTIALS;
                            break;
                        }
                        if (on(Rule.VENDOR_TOKEN) && (m = VendorKeys.telegramBot(s, i)) != Chars.NONE) {
                            rule = Rule.VENDOR_TOKEN;
                            maskText = "[telegram-token]";
                            break;
                        }
                        if (keyValues && (m = KeyValues.find(s, i, 1, keys)) != Chars.NONE) {
                            rule = keyValueRule(KeyNames.kindBefore(s, i, keys));
                        }
                        break;
                    case '>':
                        if (on(Rule.KEY_VALUE) && (m = XmlElements.find(s, i, keys)) != Chars.NONE) {
                            rule = Rule.KEY_VALUE;
                        }
                        break;
                    case '=':
                        if (keyValues && (m = KeyValues.find(s, i, 1, keys)) != Chars.NONE) {
                            rule = keyValueRule(KeyNames.kindBefore(s, i, keys));
                        } else if (on(Rule.KEY_VALUE) && (m = KeyValues.authorizationCode(s, i)) != Chars.NONE) {
                            rule = Rule.KEY_VALUE;
                        }
                        break;
                    case '+':
                    case '/':
                        // an AWS secret key may start with '+' or '/', like any base64
                        if (on(Rule.AWS_SECRET) && (m = VendorKeys.awsSecretKey(s, i)) != Chars.NONE) {
                            rule = Rule.AWS_SECRET;
                            break;
                        }
                        if (c == '/') {
                            break;
                        }
                        // fall through: +44 20 …
                    case '(':
                        if (on(Rule.PHONE) && Chars.wordStartAt(s, i)) {
                            m = PhoneNumbers.find(s, i);
                            rule = Rule.PHONE;
                        }
                        break;
                    case '-':
                        if (on(Rule.PRIVATE_KEY) && (m = PrivateKeyBlocks.find(s, i)) != Chars.NONE) {
                            rule = Rule.PRIVATE_KEY;
                        } else if (on(Rule.KEY_VALUE) && (m = CommandLineFlags.find(s, i, keys)) != Chars.NONE) {
                            rule = Rule.KEY_VALUE;
                        }
                        break;
                    default:
                        break;
                }
            }
            if (m != Chars.NONE && on(rule)) {
                int start = Math.max(Chars.start(m), pos);
                int end = Chars.end(m);
                if (end > start) {
                    if (out == null) {
                        out = new StringBuilder(n + 16);
                    }
                    out.append(s, pos, start).append(maskText != null ? maskText : mask(rule, s, start, end));
                    pos = end;
                    next = Math.max(end, i + 1);
                }
            }
            i = next;
        }
        if (out == null) {
            return s;
        }
        return out.append(s, pos, n).toString();
    }

    /** The detectors keyed by the first letter of a word (vendor prefixes aside). */
    private long letterWord(String s, int i, char c) {
        switch (c) {
            case 'A':
                return on(Rule.AWS_KEY) ? VendorKeys.awsAccessKey(s, i) : Chars.NONE;
            case 'h':
                return on(Rule.SLACK_TOKEN) ? VendorKeys.slackWebhook(s, i) : Chars.NONE;
            case 'B':
            case 'b':
                return on(Rule.AUTH_HEADER) ? BearerTokens.afterScheme(s, i) : Chars.NONE;
            case 'P':
                return on(Rule.PRIVATE_KEY) ? PrivateKeyBlocks.putty(s, i) : Chars.NONE;
            case 'L':
                return on(Rule.PRIVATE_KEY) ? PrivateKeyBlocks.base64(s, i) : Chars.NONE;
            case 'I':
                return on(Rule.VENDOR_TOKEN) ? VendorKeys.teamsWebhook(s, i) : Chars.NONE;
            default:
                return Chars.NONE;
        }
    }

    private static Rule lastRule(char c) {
        switch (c) {
            case 'A':
                return Rule.AWS_KEY;
            case 'h':
                return Rule.SLACK_TOKEN;
            case 'P':
            case 'L':
                return Rule.PRIVATE_KEY;
            case 'I':
                return Rule.VENDOR_TOKEN;
            default:
                return Rule.AUTH_HEADER;
        }
    }

    /**
     * A digit run after "x-" or "x." (x alphanumeric) continues an identifier such as a UUID, a date or a
     * version, and starts no card, SSN or phone number.
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

    private static Rule keyValueRule(int kind) {
        switch (kind) {
            case SensitiveKeys.COOKIE:
                return Rule.SESSION_COOKIE;
            case SensitiveKeys.AUTHORIZATION:
                return Rule.AUTH_HEADER;
            default:
                return Rule.KEY_VALUE;
        }
    }

    private static String mask(Rule rule, String s, int start, int end) {
        switch (rule) {
            case CARD:
                return CardNumbers.mask(s, start, end);
            case AUTH_HEADER:
                // Basic credentials, with their scheme word or (under an auth key) without it
                return BearerTokens.isBasic(s, start) || Base64Credentials.isUserPassword(s, start, end)
                        ? Masks.CREDENTIALS : rule.mask();
            case URL_CREDENTIALS:
                return UrlCredentials.isPassword(s, start) ? rule.mask() : Masks.CREDENTIALS;
            default:
                return rule.mask();
        }
    }
}
