package io.gatewaylog.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldsTest {
    @Test
    void isAnOrderedImmutableMap() {
        Fields f = Fields.of("request_id", "123", "batch_size", 50, "missing", null);
        assertThat(f)
                .hasSize(3)
                .containsEntry("request_id", "123")
                .containsEntry("batch_size", 50)
                .containsEntry("missing", null);
        assertThat(new ArrayList<>(f.keySet())).containsExactly("request_id", "batch_size", "missing");
        Map<String, Object> same = new LinkedHashMap<>();
        same.put("request_id", "123");
        same.put("batch_size", 50);
        same.put("missing", null);
        assertThat(f).isEqualTo(same);
        assertThat(f.hashCode()).isEqualTo(same.hashCode());
        assertThatThrownBy(() -> f.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Snapshots.of(f)).isSameAs(f);
    }

    @Test
    void repeatedKeysKeepTheLastValueAndKeysBecomeStrings() {
        Fields f = Fields.of("a", 1, "b", 2, "a", 3, 7, "seven");
        assertThat(f.keySet()).containsExactly("a", "b", "7");
        assertThat(f.get("a")).isEqualTo(3);
        assertThat(f.get("7")).isEqualTo("seven");
    }

    @Test
    void anOddNumberOfArgumentsIsRefused() {
        assertThatThrownBy(() -> Fields.of("a", 1, "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pairs");
    }

    @Test
    void indexAccessAndCopies() {
        Fields f = Fields.of("k", "v", "n", 1);
        assertThat(f.keyAt(1)).isEqualTo("n");
        assertThat(f.valueAt(0)).isEqualTo("v");
        Fields changed = f.withValueAt(0, "[redacted]");
        assertThat(changed.get("k")).isEqualTo("[redacted]");
        assertThat(f.get("k")).isEqualTo("v");
        Map<String, Object> source = new HashMap<>(Map.of("x", 1));
        assertThat(Fields.copyOf(source)).isEqualTo(source);
        List<String> seen = new ArrayList<>();
        f.forEach((k, v) -> seen.add(k + "=" + v));
        assertThat(seen).containsExactly("k=v", "n=1");
        assertThat(Fields.of()).isEmpty();
    }

    @Test
    void anArrayPassedInIsCopiedNotKept() {
        Object[] keysAndValues = {"user", "alice", "n", 1};
        Fields f = Fields.of(keysAndValues);
        keysAndValues[1] = "mallory";
        keysAndValues[2] = "changed";
        assertThat(f).containsExactly(Map.entry("user", "alice"), Map.entry("n", 1));
    }

    @Test
    void theFixedArityFormsTakeRepeatsAndNullKeysLikeTheArrayForm() {
        assertThat(Fields.of("a", 1, "b", 2, "a", 3)).containsExactly(Map.entry("a", 3), Map.entry("b", 2));
        assertThat(Fields.of(null, 1).keySet()).containsExactly("null");
        Fields eight = Fields.of("k1", 1, "k2", 2, "k3", 3, "k4", 4, "k5", 5, "k6", 6, "k7", 7, "k8", 8);
        assertThat(eight).hasSize(8).containsEntry("k8", 8);
    }

    @Test
    void manyRepeatedKeysStayLinear() {
        Object[] kv = new Object[200_000];
        for (int i = 0; i < kv.length; i += 2) {
            kv[i] = "k" + (i / 2 % 1000);
            kv[i + 1] = i;
        }
        Fields f = Fields.of(kv);
        assertThat(f).hasSize(1000);
        assertThat(f.get("k0")).isEqualTo(198_000);
    }
}
