package io.gatewaylog.sink.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a PromQL expression of our dashboard and rules asks of a scrape: the metric names it selects, the
 * label values it matches exactly ({@code level="ERROR"}) and the labels it groups by. Enough of PromQL
 * for the expressions we ship (selectors, functions, aggregations with {@code by}, ranges, {@code offset},
 * binary operators); not a parser.
 */
final class PromQlQuery {
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)?\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
    private static final Pattern IDENTIFIER =
            Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\\w(])(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan");
    /** Labels Prometheus adds when it scrapes; a registry's own scrape never has them. */
    static final Set<String> TARGET_LABELS = Set.of("job", "instance");

    final Set<String> names = new LinkedHashSet<>();
    /** Exact matchers per selected name: name to label to value. */
    final Map<String, Map<String, String>> exactMatchers = new LinkedHashMap<>();

    final Set<String> groupingLabels = new LinkedHashSet<>();

    PromQlQuery(String expr) {
        StringBuilder rest = new StringBuilder();
        Matcher s = SELECTOR.matcher(expr);
        int last = 0;
        while (s.find()) {
            rest.append(expr, last, s.start());
            last = s.end();
            String name = s.group(1);
            if (name == null) {
                continue;
            }
            names.add(name);
            Matcher m = MATCHER.matcher(s.group(2));
            while (m.find()) {
                if (m.group(2).equals("=")) {
                    exactMatchers
                            .computeIfAbsent(name, k -> new LinkedHashMap<>())
                            .put(m.group(1), m.group(3));
                }
            }
            rest.append(' ');
        }
        rest.append(expr.substring(last));
        String remaining = rest.toString();
        Matcher g = GROUPING.matcher(remaining);
        while (g.find()) {
            for (String label : g.group(2).split(",")) {
                if (!label.isBlank()) {
                    groupingLabels.add(label.trim());
                }
            }
        }
        remaining = GROUPING.matcher(remaining)
                .replaceAll(" ")
                .replaceAll("\\[[^]]*]", " ") // ranges
                .replaceAll("\\boffset\\s+[0-9a-z]+", " ") // offset 5m
                .replaceAll("\"[^\"]*\"", " "); // strings
        Matcher i = IDENTIFIER.matcher(remaining);
        while (i.find()) {
            if (!KEYWORDS.contains(i.group(1).toLowerCase(java.util.Locale.ROOT))) {
                names.add(i.group(1));
            }
        }
    }

    /** Every name in {@code exprs}. */
    static Set<String> namesOf(List<String> exprs) {
        Set<String> all = new LinkedHashSet<>();
        for (String e : exprs) {
            all.addAll(new PromQlQuery(e).names);
        }
        return all;
    }

    /**
     * What {@code scrape} lacks for this query: names with no series, exact matchers no series of that name
     * has, grouping labels no selected series carries. Empty when the query finds data in the scrape.
     */
    List<String> missingFrom(Scrape scrape) {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (!scrape.names.contains(name)) {
                missing.add("no series " + name);
            }
        }
        exactMatchers.forEach((name, matchers) -> matchers.forEach((label, value) -> {
            String pair = label + "=\"" + value + "\"";
            if (scrape.seriesOf(name).keySet().stream().noneMatch(k -> k.contains(pair))) {
                missing.add("no series " + name + "{" + pair + "}");
            }
        }));
        for (String label : groupingLabels) {
            if (TARGET_LABELS.contains(label)) {
                continue;
            }
            String prefix = label + "=\"";
            boolean carried = names.stream()
                    .flatMap(n -> scrape.seriesOf(n).keySet().stream())
                    .anyMatch(k -> k.contains("{" + prefix) || k.contains("," + prefix));
            if (!carried) {
                missing.add("no selected series has label " + label);
            }
        }
        return missing;
    }
}
