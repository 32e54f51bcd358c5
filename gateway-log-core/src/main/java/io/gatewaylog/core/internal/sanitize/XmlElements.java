package io.gatewaylog.core.internal.sanitize;

/**
 * The text of XML elements named by a sensitive key: {@code <password>x</password>},
 * {@code <apiKey>x</apiKey>}, WS-Security's {@code <wsse:Password Type="…#PasswordText">x</wsse:Password>}.
 * Found at the '>' of a start tag: the tag is read back to its '<' (at most {@link #MAX_TAG} characters,
 * never past another '>' or '<', so each character is read back once), and the text runs to the next
 * '<'. Text that starts with another tag is a structure whose own elements are judged on their own.
 */
final class XmlElements {
    private static final int MAX_TAG = 256;

    private XmlElements() {}

    /** At a '>': the text of a sensitive element, or {@link Chars#NONE}. */
    static long find(String s, int gt, SensitiveKeys keys) {
        int n = s.length();
        if (gt + 1 >= n || s.charAt(gt + 1) == '<' || gt == 0 || s.charAt(gt - 1) == '/') {
            return Chars.NONE;
        }
        int lt = gt - 1;
        while (lt >= 0 && gt - lt <= MAX_TAG && s.charAt(lt) != '<' && s.charAt(lt) != '>') {
            lt--;
        }
        ScanSteps.add(gt - lt);
        if (lt < 0 || s.charAt(lt) != '<' || lt + 1 >= gt || !Chars.isLetter(s.charAt(lt + 1))) {
            return Chars.NONE;
        }
        int nameEnd = lt + 1;
        while (nameEnd < gt && (KeyNames.isKeyChar(s.charAt(nameEnd)) || s.charAt(nameEnd) == ':')) {
            nameEnd++;
        }
        if (keys.kind(s, lt + 1, nameEnd) == SensitiveKeys.NONE) {
            return Chars.NONE;
        }
        int end = gt + 1;
        while (end < n && s.charAt(end) != '<' && s.charAt(end) != '\n') {
            end++;
        }
        ScanSteps.add(end - gt);
        int from = gt + 1;
        while (from < end && Chars.isBlank(s.charAt(from))) {
            from++;
        }
        return end > from && !Chars.isMask(s, from, end) ? Chars.match(from, end) : Chars.NONE;
    }
}
