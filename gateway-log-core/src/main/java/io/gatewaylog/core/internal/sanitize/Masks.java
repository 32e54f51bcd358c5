package io.gatewaylog.core.internal.sanitize;

import java.util.LinkedHashSet;
import java.util.Set;

/** Every mask the built-in rules write, so that a masked text is recognised and left alone. */
final class Masks {
    /** Masks that are no rule's default: chosen by a detector for what it found. */
    static final String CREDENTIALS = "[credentials]";

    private static final String[] KNOWN = collect();

    private Masks() {}

    /** Whether s[from, from + len) is one of the masks (compared in place: no allocation). */
    static boolean isKnown(String s, int from, int len) {
        for (String m : KNOWN) {
            if (m.length() == len && s.startsWith(m, from)) {
                return true;
            }
        }
        return false;
    }

    private static String[] collect() {
        Set<String> all = new LinkedHashSet<>();
        for (Rule r : Rule.values()) {
            all.add(r.mask());
        }
        all.add(CREDENTIALS);
        all.add("[mailchimp-key]");
        all.add("[telegram-token]");
        all.addAll(VendorTokens.masks());
        return all.toArray(new String[0]);
    }
}
