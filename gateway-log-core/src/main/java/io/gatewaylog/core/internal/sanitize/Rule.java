package io.gatewaylog.core.internal.sanitize;

import java.util.Locale;

/**
 * A built-in sanitization rule: its id (as listed in {@code sanitize.rules.disabled}) and the mask that
 * replaces what it finds, which says what was there so that a log stays debuggable.
 */
enum Rule {
    /** Whole values of fields and context entries whose key is sensitive. */
    SENSITIVE_KEYS("keys", "[redacted]"),
    EMAIL("email", "[email]"),
    /** Mask is {@code [card:****1234]}, keeping the last four digits. */
    CARD("card", "[card]"),
    SSN("ssn", "[ssn]"),
    PHONE("phone", "[phone]"),
    IBAN("iban", "[iban]"),
    /** {@code Bearer}/{@code Basic} credentials; the scheme word is kept. */
    AUTH_HEADER("auth-header", "[token]"),
    JWT("jwt", "[jwt]"),
    /** Values of sensitive keys inside free text: {@code key=value}, {@code key: value}, JSON-like. */
    KEY_VALUE("key-value", "[secret]"),
    /** The password of {@code scheme://user:password@host}, or the whole user part without a password. */
    URL_CREDENTIALS("url-credentials", "[secret]"),
    AWS_KEY("aws-key", "[aws-key]"),
    AWS_SECRET("aws-secret", "[aws-secret]"),
    GITHUB_TOKEN("github-token", "[github-token]"),
    SLACK_TOKEN("slack-token", "[slack-token]"),
    STRIPE_KEY("stripe-key", "[stripe-key]"),
    GOOGLE_KEY("google-key", "[google-key]"),
    /**
     * Other vendors' tokens recognised by their prefix (GitLab, npm, OpenAI, SendGrid, Twilio, …); each
     * format has its own mask, such as {@code [gitlab-token]}.
     */
    VENDOR_TOKEN("vendor-token", "[token]"),
    /** Azure AD (Entra ID) client secrets, whose fourth to sixth characters are a digit and "Q~". */
    AZURE_SECRET("azure-secret", "[azure-secret]"),
    PRIVATE_KEY("private-key", "[private-key]"),
    /** National identity numbers after their label and a space ({@code DNI 70869358X}). */
    NATIONAL_ID("national-id", "[national-id]"),
    /** Cookie headers and session cookies ({@code JSESSIONID=...}) in free text. */
    SESSION_COOKIE("session-cookie", "[cookie]");

    private final String id;
    private final String mask;

    Rule(String id, String mask) {
        this.id = id;
        this.mask = mask;
    }

    String id() {
        return id;
    }

    String mask() {
        return mask;
    }

    /** The rule with this id (case-insensitive), or null. */
    static Rule byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        for (Rule r : values()) {
            if (r.id.equals(wanted)) {
                return r;
            }
        }
        return null;
    }

    /** The ids, comma-separated, for error messages and docs. */
    static String ids() {
        StringBuilder sb = new StringBuilder();
        for (Rule r : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(r.id);
        }
        return sb.toString();
    }
}
