package io.gatewaylog.core.internal.config;

import io.gatewaylog.api.spi.SettingKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares a settings table with the documentation's markdown tables (README.md), so that the two cannot
 * drift: every key must have a row whose first cell names it, and the row's default cells must contain the
 * table's defaults (the second cell the development default, the third, if the table has a production
 * column, the production one). Each module's test runs it for its own keys.
 */
public final class SettingsDoc {
    private SettingsDoc() {}

    /** What does not match, one line per problem; empty when the markdown documents every key. */
    public static List<String> problems(String markdown, List<SettingKey<?>> keys) {
        List<String[]> rows = new ArrayList<>();
        boolean production = false;
        for (String line : markdown.split("\n")) {
            String t = line.trim();
            if (t.startsWith("| setting |")) {
                production = t.contains("| production |");
            } else if (t.startsWith("| `")) {
                String[] cells = t.substring(1).split("(?<!\\\\)\\|");
                rows.add(new String[] {
                    cells[0], cells.length > 1 ? cells[1] : "", production && cells.length > 2 ? cells[2] : null
                });
            }
        }
        List<String> problems = new ArrayList<>();
        for (SettingKey<?> key : keys) {
            String[] row = find(rows, key);
            if (row == null) {
                problems.add("README.md has no row for '" + key.name() + "'");
                continue;
            }
            check(problems, key, "development", key.defaultValue("development", null), row[1]);
            if (row[2] != null && !row[2].isBlank()) {
                check(problems, key, "production", key.defaultValue("production", null), row[2]);
            }
        }
        return problems;
    }

    private static String[] find(List<String[]> rows, SettingKey<?> key) {
        for (String[] row : rows) {
            for (String part : row[0].split("`")) {
                String p = part.trim();
                // component.auth.sink.file.audit documents sink.file.audit
                if (p.equals(key.name())
                        || p.endsWith("." + key.name())
                        || key.isFamily() && p.startsWith(key.name())) {
                    return row;
                }
            }
        }
        return null;
    }

    private static void check(List<String> problems, SettingKey<?> key, String profile, String value, String cell) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (!normalized(cell).contains(normalized(value))) {
            problems.add("README.md's " + profile + " default of '" + key.name() + "' is '" + cell.trim()
                    + "', the table's is '" + value + "'");
        }
    }

    private static String normalized(String s) {
        return s.replace("`", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
