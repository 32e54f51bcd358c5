package io.gatewaylog.core.internal.sanitize;

import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.Settings;
import io.gatewaylog.core.internal.config.CoreSettings;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a component's {@code sanitize.*} settings (keys: {@link CoreSettings}); every bad value fails with the setting's name. */
final class SanitizerSettings {
    static final String RULES_DISABLED = CoreSettings.SANITIZE_RULES_DISABLED.name();
    static final String KEYS_EXTRA = CoreSettings.SANITIZE_KEYS_EXTRA.name();
    static final String KEYS_ALLOW = CoreSettings.SANITIZE_KEYS_ALLOW.name();
    static final String PATTERNS = CoreSettings.SANITIZE_PATTERNS.name();
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    private SanitizerSettings() {}

    static Sanitizer read(Settings settings) {
        if (!settings.get(CoreSettings.SANITIZE_ENABLED)) {
            return Sanitizer.disabled();
        }
        Set<Rule> rules = EnumSet.allOf(Rule.class);
        String disabled = settings.getString(RULES_DISABLED, "");
        for (String id : list(disabled)) {
            Rule r = Rule.byId(id);
            if (r == null) {
                throw new InvalidSettingException(
                        RULES_DISABLED, disabled, "a comma-separated list of rule ids: " + Rule.ids());
            }
            rules.remove(r);
        }
        List<String> extra = words(settings, KEYS_EXTRA);
        List<String> allow = words(settings, KEYS_ALLOW);
        List<UserPattern> patterns = new ArrayList<>();
        for (String name : patternNames(settings)) {
            String key = PATTERNS + name;
            String regex = settings.get(key).orElse("");
            if (!NAME.matcher(name).matches()) {
                throw new InvalidSettingException(
                        key,
                        regex,
                        "a pattern name of small letters, digits, '-' and '_' (at most 40) after " + PATTERNS);
            }
            if (regex.isBlank()) {
                continue; // an empty value switches a pattern set at a lower level off
            }
            try {
                patterns.add(new UserPattern(name, Pattern.compile(regex)));
            } catch (PatternSyntaxException e) {
                throw new InvalidSettingException(
                        key,
                        regex,
                        "a Java regular expression (" + e.getDescription() + " near index " + e.getIndex() + ")");
            }
        }
        return Sanitizer.of(rules, SensitiveKeys.of(extra, allow), patterns);
    }

    /**
     * Pattern names set globally ({@code sanitize.patterns.x}) or for any component
     * ({@code component.<id>.sanitize.patterns.x}); the component's settings decide which apply to it.
     */
    private static Set<String> patternNames(Settings settings) {
        Set<String> names = new TreeSet<>();
        for (String k : settings.keysWithPrefix(PATTERNS)) {
            names.add(k.substring(PATTERNS.length()));
        }
        for (String k : settings.keysWithPrefix("component.")) {
            int at = k.indexOf("." + PATTERNS);
            if (at > 0) {
                String name = k.substring(at + 1 + PATTERNS.length());
                if (settings.get(PATTERNS + name).isPresent()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static List<String> words(Settings settings, String key) {
        String value = settings.getString(key, "");
        List<String> words = list(value);
        for (String w : words) {
            if (SensitiveKeys.normalise(w).isEmpty()) {
                throw new InvalidSettingException(
                        key, value, "a comma-separated list of key names (letters and digits)");
            }
        }
        return words;
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }
}
