package io.gatewaylog.core.internal.sanitize;

/**
 * Azure AD (Microsoft Entra ID) application client secrets: three characters of {@code [A-Za-z0-9_~.]},
 * a digit, {@code Q~}, then 31 to 34 of {@code [A-Za-z0-9_~.-]} (the shape gitleaks' rule
 * {@code azure-ad-client-secret} describes). The fixed {@code dQ~} at offsets 3 to 5 is checked first, so a
 * word start costs three character reads.
 */
final class AzureSecrets {
    private AzureSecrets() {}

    static long find(String s, int i) {
        int n = s.length();
        if (i + 37 > n || s.charAt(i + 5) != '~' || s.charAt(i + 4) != 'Q' || !Chars.isDigit(s.charAt(i + 3))) {
            return Chars.NONE;
        }
        for (int j = i; j < i + 3; j++) {
            if (!isHeadChar(s.charAt(j))) {
                return Chars.NONE;
            }
        }
        int end = i + 6;
        while (end < n && end - i <= 41 && (isHeadChar(s.charAt(end)) || s.charAt(end) == '-')) {
            end++;
        }
        ScanSteps.add(end - i);
        int body = end - i - 6;
        return body >= 31 && body <= 34 ? Chars.match(i, end) : Chars.NONE;
    }

    private static boolean isHeadChar(char c) {
        return Chars.isAlnum(c) || c == '_' || c == '~' || c == '.';
    }
}
