package io.gatewaylog.api.spi;

import io.gatewaylog.api.LogComponent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the settings table: a key, how its value is parsed, its defaults per profile and per
 * component, the text naming what is allowed, its deprecated spellings and how it may be written. The core
 * declares its own keys; a sink declares its keys through {@link LogSinkProvider#settings()}. At start-up
 * every key that is set anywhere must be one of the table's, so a misspelt key fails instead of being
 * ignored; {@link Settings#get(SettingKey)} reads and parses a key with its default.
 *
 * <p>Defaults are kept as text, exactly as a user would write them, so the table can be printed and checked
 * against the documentation.
 *
 * @param <T> the parsed type
 * @since 1.0
 */
public final class SettingKey<T> {
    /**
     * Parses a value; a value that is not allowed fails with an {@link InvalidSettingException}.
     *
     * @param <T> the parsed type
     * @since 1.0
     */
    @FunctionalInterface
    public interface Parser<T> {
        /** Parses {@code raw}, set under {@code key} (the key as the user wrote it, for the message). */
        T parse(String key, String raw);
    }

    private final String name;
    private final Parser<T> parser;
    private final String development;
    private final String production;
    private final Map<LogComponent, String> componentDefaults;
    private final String allowed;
    private final List<String> aliases;
    private final boolean authOnly;
    private final boolean perComponent;
    private final boolean family;

    private SettingKey(Builder<T> b) {
        this.name = b.name;
        this.parser = b.parser;
        this.development = b.development;
        this.production = b.production;
        this.componentDefaults = Map.copyOf(b.componentDefaults);
        this.allowed = b.allowed;
        this.aliases = List.copyOf(b.aliases);
        this.authOnly = b.authOnly;
        this.perComponent = b.perComponent;
        this.family = b.family;
    }

    /** A builder for the key {@code name}, whose values {@code parser} reads. */
    public static <T> Builder<T> builder(String name, Parser<T> parser) {
        return new Builder<>(name, parser);
    }

    /** The key, dotted and lower-case; for a {@linkplain #isFamily() family} the prefix, ending in a dot. */
    public String name() {
        return name;
    }

    /** The deprecated spellings still accepted (reported once at start-up, naming {@link #name()}). */
    public List<String> aliases() {
        return aliases;
    }

    /** What is allowed, as the documentation and error messages say it. */
    public String allowed() {
        return allowed;
    }

    /** Only {@code component.auth.<key>} changes this key for auth: a global value applies to the others. */
    public boolean isAuthOnly() {
        return authOnly;
    }

    /** Whether {@code component.<id>.<key>} may set this key for one component. */
    public boolean isPerComponent() {
        return perComponent;
    }

    /** Whether this is a family of keys sharing the prefix {@link #name()}, such as {@code sanitize.patterns.}. */
    public boolean isFamily() {
        return family;
    }

    /** Whether {@code key} (without component or profile prefix) is this key, one of its aliases or one of its family. */
    public boolean matches(String key) {
        return family
                ? key.startsWith(name) && key.length() > name.length()
                : name.equals(key) || aliases.contains(key);
    }

    /**
     * The default as text for {@code profile} ({@code development} or {@code production}) and, if not null,
     * {@code component}: the component's own default first, then the profile's; null if there is none.
     */
    public String defaultValue(String profile, LogComponent component) {
        String own = component == null ? null : componentDefaults.get(component);
        if (own != null) {
            return own;
        }
        return "production".equals(profile) ? production : development;
    }

    /** The components with a default of their own, and those defaults. */
    public Map<LogComponent, String> componentDefaults() {
        return componentDefaults;
    }

    /** Parses {@code raw}, found under {@code keyAsSet}. */
    public T parse(String keyAsSet, String raw) {
        return parser.parse(keyAsSet, raw);
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Builds a {@link SettingKey}.
     *
     * @param <T> the parsed type
     * @since 1.0
     */
    public static final class Builder<T> {
        private final String name;
        private final Parser<T> parser;
        private String development;
        private String production;
        private final Map<LogComponent, String> componentDefaults = new EnumMap<>(LogComponent.class);
        private String allowed = "";
        private final List<String> aliases = new ArrayList<>();
        private boolean authOnly;
        private boolean perComponent = true;
        private boolean family;

        private Builder(String name, Parser<T> parser) {
            this.name = Objects.requireNonNull(name, "name");
            this.parser = Objects.requireNonNull(parser, "parser");
        }

        /** The default in both profiles. */
        public Builder<T> defaultValue(String value) {
            return defaults(value, value);
        }

        /** The defaults of the {@code development} and {@code production} profiles. */
        public Builder<T> defaults(String developmentValue, String productionValue) {
            this.development = developmentValue;
            this.production = productionValue;
            return this;
        }

        /** {@code component}'s own default, which beats the profile's. */
        public Builder<T> componentDefault(LogComponent component, String value) {
            componentDefaults.put(component, value);
            return this;
        }

        /** What is allowed, for documentation and messages. */
        public Builder<T> allowed(String text) {
            this.allowed = text;
            return this;
        }

        /** A deprecated spelling that is still read. */
        public Builder<T> deprecatedAlias(String oldName) {
            aliases.add(oldName);
            return this;
        }

        /** Marks the key as one only {@code component.auth.<key>} changes for auth. */
        public Builder<T> authOnly() {
            this.authOnly = true;
            return this;
        }

        /** Marks the key as global: {@code component.<id>.<key>} is refused. */
        public Builder<T> global() {
            this.perComponent = false;
            return this;
        }

        /** Marks the key as a family: every key starting with the name (which ends in a dot) belongs to it. */
        public Builder<T> family() {
            this.family = true;
            return this;
        }

        /** The key. */
        public SettingKey<T> build() {
            return new SettingKey<>(this);
        }
    }
}
