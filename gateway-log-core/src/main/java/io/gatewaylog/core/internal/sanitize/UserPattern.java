package io.gatewaylog.core.internal.sanitize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern added in settings ({@code sanitize.patterns.<name>=<regex>}); every match is replaced by
 * {@code [<name>]}. Applied after the built-in pass: unlike it, a regular expression costs a matcher per
 * string, which is why built-in rules are not written this way.
 */
final class UserPattern {
    private final String name;
    private final Pattern pattern;
    private final String replacement;

    UserPattern(String name, Pattern pattern) {
        this.name = name;
        this.pattern = pattern;
        this.replacement = Matcher.quoteReplacement("[" + name + "]");
    }

    String name() {
        return name;
    }

    /** The text with every match masked, or the same instance when nothing matched. */
    String apply(String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.replaceAll(replacement) : text;
    }
}
