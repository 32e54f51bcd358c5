package io.gatewaylog.core.internal.config;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
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
 * Settings from four explicit sources plus built-in defaults, in SPEC.md's precedence:
 * defaults &lt; file &lt; environment &lt; system properties &lt; code.
 */
public final class LayeredSettings extends TypedSettings {
    public static final String PREFIX = "gateway.log.";
    public static final String ENV_PREFIX = "GATEWAY_LOG_";

    private final Map<String, String> code;
    private final Map<String, String> sysProps;
    private final Map<String, String> env;
    private final Map<String, String> file;
    private final String profile;

    private LayeredSettings(Map<String, String> code, Map<String, String> sysProps, Map<String, String> env,
                            Map<String, String> file, String profile) {
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
    public static LayeredSettings load(Map<String, String> code, Properties systemProperties, Map<String, String> environment) {
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
            profile = Defaults.DEVELOPMENT;
        }
        profile = profile.trim().toLowerCase(Locale.ROOT);
        if (!profile.equals(Defaults.DEVELOPMENT) && !profile.equals(Defaults.PRODUCTION)) {
            throw new InvalidSettingException("profile", profile, "development or production");
        }
        return new LayeredSettings(codeCopy, sys, env, file, profile);
    }

    private static String first(String key, Map<String, String> code, Map<String, String> sys,
                                Map<String, String> env, Map<String, String> file) {
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

    /** The value set explicitly (not a default) for {@code key}, or null. */
    String explicit(String key) {
        return first(key, code, sysProps, env, file);
    }

    @Override
    public String profile() {
        return profile;
    }

    @Override
    public Optional<String> get(String key) {
        String v = explicit(key);
        if (v == null) {
            v = Defaults.profileDefault(profile, key);
        }
        return Optional.ofNullable(v);
    }

    @Override
    public Settings forComponent(LogComponent component) {
        return new ComponentSettings(this, component);
    }

    @Override
    public Set<String> keysWithPrefix(String prefix) {
        Set<String> keys = new TreeSet<>();
        for (Map<String, String> m : List.of(code, sysProps, file)) {
            for (String k : m.keySet()) {
                if (k.startsWith(prefix)) {
                    keys.add(k);
                }
            }
        }
        String envPrefix = envName(prefix);
        for (String k : env.keySet()) {
            if (k.startsWith(envPrefix)) {
                keys.add(k.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'));
            }
        }
        return keys;
    }
}
