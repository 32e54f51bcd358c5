package io.gatewaylog.core.internal.config;

import io.gatewaylog.api.spi.SettingKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The union of the settings tables in use: the core's and each present sink's. It answers which key a name
 * is (its own, a deprecated spelling, or one of a family) and which known key is nearest to a misspelt one.
 *
 * @param keys every known key
 * @param openSinks sinks present that declare no keys: their {@code sink.<name>.*} keys are not checked
 * @param presentSinks every sink name present (providers and given sinks)
 */
public record SettingTable(List<SettingKey<?>> keys, Set<String> openSinks, Set<String> presentSinks) {

    public SettingTable {
        keys = List.copyOf(keys);
        openSinks = Set.copyOf(openSinks);
        presentSinks = Set.copyOf(presentSinks);
    }

    /** The core's table alone, with no sink present. */
    public static SettingTable core() {
        return new SettingTable(CoreSettings.KEYS, Set.of(), Set.of());
    }

    /** This table with a sink's keys added; a sink that declares none is left unchecked. */
    public SettingTable withSink(String name, Collection<SettingKey<?>> sinkKeys) {
        List<SettingKey<?>> all = new ArrayList<>(keys);
        all.addAll(sinkKeys);
        Set<String> open = new TreeSet<>(openSinks);
        if (sinkKeys.isEmpty()) {
            open.add(name);
        }
        Set<String> present = new TreeSet<>(presentSinks);
        present.add(name);
        return new SettingTable(all, open, present);
    }

    /** The key {@code name} (without component or profile prefix) belongs to, or null. */
    public SettingKey<?> find(String name) {
        for (SettingKey<?> k : keys) {
            if (k.matches(name)) {
                return k;
            }
        }
        return null;
    }

    /** The known key nearest to {@code name} by edit distance (ignoring a {@code sink.<x>.} prefix it may carry), or null. */
    public String nearest(String name) {
        String bare =
                name.startsWith("sink.") && name.indexOf('.', 5) > 0 ? name.substring(name.indexOf('.', 5) + 1) : name;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (SettingKey<?> k : keys) {
            int d = Math.min(
                    distance(name, k.name()),
                    k.name().startsWith("sink.") ? Integer.MAX_VALUE : distance(bare, k.name()));
            if (d < bestDistance) {
                best = k.name();
                bestDistance = d;
            }
        }
        // Beyond half the length it is a different word, not a typo.
        return best != null && bestDistance <= Math.max(2, name.length() / 2) ? best : null;
    }

    /** The spelling of {@code key} as an environment variable suffix: {@code sink.file.dir-mode} → {@code SINK_FILE_DIR_MODE}. */
    static String envSuffix(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
