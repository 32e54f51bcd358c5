package io.gatewaylog.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.GatewayLogger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A small structure that holds the same container many times over: 15 levels of lists, each holding
 * six references to the list below, is 90 objects but 6^15 (4.7e11) values when walked as a tree. The
 * log call must return, cut at the per-record value budget, and the record must still be written.
 */
class SharedStructureTest {

    private static Object mutableDag() {
        Object inner = "leaf";
        for (int level = 0; level < 15; level++) {
            List<Object> l = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                l.add(inner);
            }
            inner = l;
        }
        return inner;
    }

    private static Object immutableDag() {
        Object inner = "leaf";
        for (int level = 0; level < 15; level++) {
            inner = Collections.nCopies(6, inner).stream().toList(); // List.of-like, immutable
            inner = List.copyOf((List<?>) inner);
        }
        return inner;
    }

    @Test
    void aMutableSharedStructureIsCutAtTheValueBudget() {
        assertCut(mutableDag());
    }

    @Test
    void anImmutableSharedStructureIsCutAtTheValueBudget() {
        assertCut(immutableDag());
    }

    private static void assertCut(Object dag) {
        try (GatedBackend b = new GatedBackend()) {
            GatewayLogger log = b.logger("dag");
            log.info("shared structure", Map.of("tree", dag, "request_id", "r-1"));
            log.info("after it", Map.of("request_id", "r-2"));
            List<String> lines = b.lines();
            String line = lines.stream()
                    .filter(l -> l.contains("shared structure"))
                    .findFirst()
                    .orElseThrow();
            assertThat(line).contains("[more than 100000 values]").contains("\"request_id\":\"r-1\"");
            // the written line is bounded by the budget, not by the structure's expansion
            assertThat(line.length()).isLessThan(2_000_000);
            assertThat(GatedBackend.line(lines, "after it").path("request_id").asText())
                    .isEqualTo("r-2");
        }
    }
}
