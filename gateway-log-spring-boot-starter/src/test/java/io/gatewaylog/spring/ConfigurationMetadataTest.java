package io.gatewaylog.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.LogSinkProvider;
import io.gatewaylog.api.spi.SettingKey;
import io.gatewaylog.core.internal.config.CoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata IDEs complete {@code gateway.log.*} keys from is made from the settings tables
 * (the core's and every sink's {@code LogSinkProvider.settings()}), which stay the one owner of the keys: this
 * test fails when the shipped file differs, and {@code -Dgateway.metadata.write=true} rewrites it.
 */
class ConfigurationMetadataTest {
    private static final Path FILE =
            Path.of("src/main/resources/META-INF/additional-spring-configuration-metadata.json");

    @Test
    void metadataListsEveryKeyOfTheTables() throws Exception {
        String expected = new ObjectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(Map.of("properties", properties()))
                + "\n";
        if (Boolean.getBoolean("gateway.metadata.write")) {
            Files.writeString(FILE, expected);
        }
        assertThat(Files.readString(FILE))
                .as("%s is made from the settings tables; rerun with -Dgateway.metadata.write=true", FILE)
                .isEqualTo(expected);
    }

    private static List<Map<String, Object>> properties() {
        List<SettingKey<?>> keys = new ArrayList<>(CoreSettings.KEYS);
        for (LogSinkProvider p : ServiceLoader.load(LogSinkProvider.class)) {
            keys.addAll(p.settings());
        }
        keys.sort(Comparator.comparing(SettingKey::name));
        List<Map<String, Object>> out = new ArrayList<>();
        for (LogSinkProvider p : ServiceLoader.load(LogSinkProvider.class)) {
            Map<String, Object> enabled = new LinkedHashMap<>();
            enabled.put("name", "gateway.log.sink." + p.name() + ".enabled");
            enabled.put("type", "java.lang.Boolean");
            enabled.put("description", "Whether the " + p.name() + " sink, present on the class path, is used.");
            enabled.put("defaultValue", true);
            out.add(enabled);
        }
        out.sort(Comparator.comparing(m -> (String) m.get("name")));
        for (SettingKey<?> k : keys) {
            out.add(property(k.name(), k, null));
            for (String alias : k.aliases()) {
                Map<String, Object> old = property(alias, k, null);
                old.put("deprecation", Map.of("replacement", "gateway.log." + k.name()));
                out.add(old);
            }
        }
        for (SettingKey<?> k : keys) {
            if (k.isPerComponent()) {
                for (LogComponent c : LogComponent.values()) {
                    out.add(property("component." + c.id() + "." + k.name(), k, c));
                }
            }
        }
        return out;
    }

    private static Map<String, Object> property(String name, SettingKey<?> key, LogComponent component) {
        Map<String, Object> p = new LinkedHashMap<>();
        // a family ("sink.kafka.client.") is a map of the keys below it
        p.put("name", "gateway.log." + (key.isFamily() ? name.substring(0, name.length() - 1) : name));
        p.put("type", key.isFamily() ? "java.util.Map<java.lang.String,java.lang.String>" : "java.lang.String");
        p.put("description", "Allowed: " + key.allowed());
        String dflt = key.defaultValue(CoreSettings.DEVELOPMENT, component);
        if (dflt != null) {
            p.put("defaultValue", dflt);
        }
        return p;
    }
}
