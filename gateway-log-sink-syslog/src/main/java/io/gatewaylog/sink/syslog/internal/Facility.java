package io.gatewaylog.sink.syslog.internal;

import java.util.Locale;

/** Syslog facilities with their RFC 5424 codes (section 6.2.1). */
public enum Facility {
    KERN(0),
    USER(1),
    MAIL(2),
    DAEMON(3),
    AUTH(4),
    SYSLOG(5),
    LPR(6),
    NEWS(7),
    UUCP(8),
    CRON(9),
    AUTHPRIV(10),
    FTP(11),
    NTP(12),
    SECURITY(13),
    CONSOLE(14),
    SOLARIS_CRON(15),
    LOCAL0(16),
    LOCAL1(17),
    LOCAL2(18),
    LOCAL3(19),
    LOCAL4(20),
    LOCAL5(21),
    LOCAL6(22),
    LOCAL7(23);

    private final int code;

    Facility(int code) {
        this.code = code;
    }

    /** The numeric code, multiplied by 8 in the PRI. */
    public int code() {
        return code;
    }

    /** Parses a name ({@code authpriv}, {@code local0}) or a code ({@code 10}), or returns null. */
    static Facility parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Facility f : values()) {
            if (f.name().equals(t) || String.valueOf(f.code).equals(t)) {
                return f;
            }
        }
        return null;
    }

    static String allowed() {
        return "a facility name (kern, user, mail, daemon, auth, syslog, lpr, news, uucp, cron, authpriv, ftp, ntp, "
                + "security, console, solaris-cron, local0..local7) or its code 0..23";
    }
}
