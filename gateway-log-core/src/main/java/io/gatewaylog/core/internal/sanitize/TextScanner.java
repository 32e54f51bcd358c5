package io.gatewaylog.core.internal.sanitize;

import java.util.Set;

/**
 * The single left-to-right pass over a string that drives every built-in detector. Each character is
 * looked at once by a switch on cheap triggers: '@' (e-mail), '=' and ':' (key-value, URL credentials),
 * '-' (PEM blocks), '+' and '(' (phones), the start of a digit run (cards, SSNs, phones) and the start of a
 * word (vendor key prefixes, JWTs, Bearer/Basic, IBANs, AWS secrets). Detectors look at most a bounded
 * distance around the trigger and return a packed (start, end) match. Nothing is allocated until the
 * first match; a string with nothing to mask is returned as the same instance. Thread-safe: all state is
 * local to {@link #scan(String)}.
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

    @SuppressWarnings("fallthrough") // two triggers deliberately share a detector
    String scan(String s) {
        int n = s.length();
        StringBuilder out = null;
        int pos = 0; // s[0, pos) has been dealt with (copied to out, or masked)
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            long m = Chars.NONE;
            Rule rule = null;
            int next = i + 1;
            boolean wordStart = i == 0 || !Chars.isAlnum(s.charAt(i - 1));
            if (Chars.isLetter(c)) {
                if (wordStart) {
                    switch (c) {
                        case 'A':
                            if (on(Rule.AWS_KEY) && (m = VendorKeys.awsAccessKey(s, i)) != Chars.NONE) {
                                rule = Rule.AWS_KEY;
                                break;
                            }
                            // fall through: AIza… is a Google key
                        case 'y':
                        case 'G':
                            if (on(Rule.GOOGLE_KEY)) {
                                m = VendorKeys.google(s, i);
                                rule = Rule.GOOGLE_KEY;
                            }
                            break;
                        case 'e':
                            if (on(Rule.JWT)) {
                                m = BearerTokens.jwt(s, i);
                                rule = Rule.JWT;
                            }
                            break;
                        case 'g':
                            if (on(Rule.GITHUB_TOKEN)) {
                                m = VendorKeys.github(s, i);
                                rule = Rule.GITHUB_TOKEN;
                            }
                            break;
                        case 'x':
                            if (on(Rule.SLACK_TOKEN)) {
                                m = VendorKeys.slack(s, i);
                                rule = Rule.SLACK_TOKEN;
                            }
                            break;
                        case 'h':
                            if (on(Rule.SLACK_TOKEN)) {
                                m = VendorKeys.slackWebhook(s, i);
                                rule = Rule.SLACK_TOKEN;
                            }
                            break;
                        case 's':
                        case 'r':
                        case 'p':
                        case 'w':
                            if (on(Rule.STRIPE_KEY)) {
                                m = VendorKeys.stripe(s, i);
                                rule = Rule.STRIPE_KEY;
                            }
                            break;
                        case 'B':
                        case 'b':
                            if (on(Rule.AUTH_HEADER)) {
                                m = BearerTokens.afterScheme(s, i);
                                rule = Rule.AUTH_HEADER;
                            }
                            break;
                        default:
                            break;
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
                int run = next;
                while (run < n && Chars.isDigit(s.charAt(run))) {
                    run++;
                }
                if (wordStart && !inCompoundId(s, i)) {
                    // cheap filter: a short run that no digit group follows is a count, a duration, a port
                    boolean grouped = run + 1 < n && Chars.isDigit(s.charAt(run + 1)) && isGroupSeparator(s.charAt(run));
                    int len = run - i;
                    if (len >= 13 || grouped) {
                        if (on(Rule.CARD) && (m = CardNumbers.find(s, i)) != Chars.NONE) {
                            rule = Rule.CARD;
                        } else if (on(Rule.SSN) && len == 3 && (m = SocialSecurityNumbers.find(s, i)) != Chars.NONE) {
                            rule = Rule.SSN;
                        }
                    }
                    if (m == Chars.NONE && (len >= 9 || grouped) && on(Rule.PHONE)
                            && (m = PhoneNumbers.find(s, i)) != Chars.NONE) {
                        rule = Rule.PHONE;
                    }
                    if (m == Chars.NONE && on(Rule.AWS_SECRET) && (m = VendorKeys.awsSecretKey(s, i)) != Chars.NONE) {
                        rule = Rule.AWS_SECRET;
                    }
                }
                if (m == Chars.NONE) {
                    next = run; // the rest of the digit run starts nothing
                }
            } else {
                switch (c) {
                    case '@':
                        if (on(Rule.EMAIL)) {
                            m = EmailAddresses.find(s, i, pos);
                            rule = Rule.EMAIL;
                        }
                        break;
                    case ':':
                        if (on(Rule.URL_CREDENTIALS) && (m = UrlCredentials.find(s, i)) != Chars.NONE) {
                            rule = Rule.URL_CREDENTIALS;
                            break;
                        }
                        // fall through: "key: value"
                    case '=':
                        if (keyValues && (m = KeyValues.find(s, i, keys)) != Chars.NONE) {
                            rule = keyValueRule(KeyValues.kindBefore(s, i, keys));
                        }
                        break;
                    case '+':
                    case '(':
                        if (on(Rule.PHONE) && wordStart) {
                            m = PhoneNumbers.find(s, i);
                            rule = Rule.PHONE;
                        }
                        break;
                    case '-':
                        if (on(Rule.PRIVATE_KEY)) {
                            m = PrivateKeyBlocks.find(s, i);
                            rule = Rule.PRIVATE_KEY;
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
                    out.append(s, pos, start).append(mask(rule, s, start, end));
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

    private static boolean isGroupSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '/' || c == ')' || c == '\u00a0';
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
                return BearerTokens.isBasic(s, start) ? "[credentials]" : rule.mask();
            case URL_CREDENTIALS:
                return UrlCredentials.isPassword(s, start) ? rule.mask() : "[credentials]";
            default:
                return rule.mask();
        }
    }
}
