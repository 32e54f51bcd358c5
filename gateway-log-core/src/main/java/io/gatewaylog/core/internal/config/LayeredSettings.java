package io.gatewaylog.core.internal.config;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.SettingKey;
import io.gatewaylog.api.spi.Settings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Settings from four explicit sources plus built-in defaults, in the documented precedence (README, Settings):
 * defaults &lt; file &lt; environment &lt; system properties &lt; code. In every source the active profile's
 * {@code <profile>.<key>} beats {@code <key>} (for every key: the overlay retention had alone before). The
 * defaults are {@link CoreSettings}'; a sink's own defaults apply through {@link #get(io.gatewaylog.api.spi.SettingKey)}.
 */
public final class LayeredSettings implements Settings {
    public static final String PREFIX = "gateway.log.";
    public static final String ENV_PREFIX = "GATEWAY_LOG_";

    private final Map<String, String> code;
    private final Map<String, String> sysProps;
    private final Map<String, String> env;
    private final Map<String, String> file;
    private final String profile;

    private LayeredSettings(
            Map<String, String> code,
            Map<String, String> sysProps,
            Map<String, String> env,
            Map<String, String> file,
            String profile) {
        this.code = code;
        this.sysProps = sysProps;
        this.env = env;
        this.file = file;
        this.profile = profile;
    }

    /** Settings from {@code code}, this JVM's system properties and environment, and the configuration file. */
    public static LayeredSettings load(Map<String, String> code) {
        return load(code, System.getProperties(), System.getenv());
    }

    /** Settings from explicit sources (tests pass their own environment). */
    public static LayeredSettings load(
            Map<String, String> code, Properties systemProperties, Map<String, String> environment) {
        Map<String, String> sys = new TreeMap<>();
        for (String name : systemProperties.stringPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                sys.put(name.substring(PREFIX.length()), systemProperties.getProperty(name));
            }
        }
        Map<String, String> env = new TreeMap<>();
        environment.forEach((k, v) -> {
            if (k.startsWith(ENV_PREFIX)) {
                env.put(k, v);
            }
        });
        Map<String, String> codeCopy = new TreeMap<>(code);
        String configPath = first("config", codeCopy, sys, env, Map.of());
        Map<String, String> file = configPath == null || configPath.isBlank() ? Map.of() : readFile(configPath);
        String profile = first("profile", codeCopy, sys, env, file);
        if (profile == null || profile.isBlank()) {
            profile = CoreSettings.DEVELOPMENT;
        }
        profile = profile.trim().toLowerCase(Locale.ROOT);
        if (!profile.equals(CoreSettings.DEVELOPMENT) && !profile.equals(CoreSettings.PRODUCTION)) {
            throw new InvalidSettingException("profile", profile, "development or production");
        }
        return new LayeredSettings(codeCopy, sys, env, file, profile);
    }

    private static String first(
            String key,
            Map<String, String> code,
            Map<String, String> sys,
            Map<String, String> env,
            Map<String, String> file) {
        if (code.containsKey(key)) {
            return code.get(key);
        }
        if (sys.containsKey(key)) {
            return sys.get(key);
        }
        String e = env.get(envName(key));
        return e != null ? e : file.get(key);
    }

    private static Map<String, String> readFile(String path) {
        Path p = Paths.get(path);
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidSettingException("config", path, "a readable .properties file (" + e + ")");
        }
        Map<String, String> m = new TreeMap<>();
        for (String name : props.stringPropertyNames()) {
            String key = name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
            m.put(key, props.getProperty(name).trim());
        }
        return m;
    }

    /** The environment variable read for {@code key}: {@code buffer.size} → {@code GATEWAY_LOG_BUFFER_SIZE}. */
    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The value set explicitly (not a default) for {@code key}, or null; {@code <profile>.<key>} first. */
    String explicit(String key) {
        String v = first(profile + "." + key, code, sysProps, env, file);
        return v != null ? v : first(key, code, sysProps, env, file);
    }

    @Override
    public String keyAsSet(String key) {
        return first(profile + "." + key, code, sysProps, env, file) != null ? profile + "." + key : key;
    }

    /** The built-in default of a core key for {@code component} (null: the profile's), or null. */
    String coreDefault(String key, LogComponent component) {
        SettingKey<?> k = CoreSettings.byName(key);
        return k == null ? null : k.defaultValue(profile, component);
    }

    /** Every key set in code, system properties or the file (as written), with its value. */
    Map<String, String> explicitKeys() {
        Map<String, String> all = new TreeMap<>(file);
        all.putAll(sysProps);
        all.putAll(code);
        return all;
    }

    /** Every {@code GATEWAY_LOG_*} environment variable, with its value. */
    Map<String, String> environment() {
        return env;
    }

    @Override
    public String profile() {
        return profile;
    }

    @Override
    public Optional<String> get(String key) {
        String v = explicit(key);
        return Optional.ofNullable(v != null ? v : coreDefault(key, null));
    }

    @Override
    public Settings forComponent(LogComponent component) {
        return new ComponentSettings(this, component);
    }

    @Override
    public Set<String> keysWithPrefix(String prefix) {
        Set<String> keys = new TreeSet<>();
        collect(prefix, "", keys);
        // The active profile's overlay too, named without the profile: readers that discover names by prefix
        // (sanitize.patterns.<name>, sink.kafka.client.<property>) then get() them, which applies the overlay.
        collect(profile + "." + prefix, profile + ".", keys);
        return keys;
    }

    private void collect(String prefix, String overlay, Set<String> keys) {
        for (Map<String, String> m : List.of(code, sysProps, file)) {
            for (String k : m.keySet()) {
                if (k.startsWith(prefix)) {
                    keys.add(k.substring(overlay.length()));
                }
            }
        }
        String envPrefix = envName(prefix);
        for (String k : env.keySet()) {
            if (k.startsWith(envPrefix)) {
                String key = k.substring(ENV_PREFIX.length())
                        .toLowerCase(Locale.ROOT)
                        .replace('_', '.');
                keys.add(key.substring(overlay.length()));
            }
        }
    }

    @Override
    public <T> T get(SettingKey<T> key) {
        return KeyResolution.resolve(this, key, null, explicitAny("", KeyResolution.names(key)));
    }

    /**
     * The first of {@code names} (a key, then its deprecated spellings) set explicitly under {@code scope}, as
     * {@link #explicit} orders sources: the profile's overlay first, then code, system properties, environment,
     * file; within a source the new spelling first. So a deprecated spelling in a stronger source still beats the
     * new spelling in a weaker one, as it did before it was deprecated. Returns {name as set, value} or null.
     */
    String[] explicitAny(String scope, List<String> names) {
        for (String overlay : List.of(profile + ".", "")) {
            for (Map<String, String> source : List.of(code, sysProps, env, file)) {
                for (String name : names) {
                    String k = overlay + scope + name;
                    String v = source == env ? env.get(envName(k)) : source.get(k);
                    if (v != null) {
                        return new String[] {k, v};
                    }
                }
            }
        }
        return null;
    }
}
