package io.gatewaylog.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import org.junit.jupiter.api.Test;

/** The rule both backends use: the longest covering name, by whole segments, else the component's level. */
class LevelTableTest {
    private final LevelTable table = new LevelTable();

    @Test
    void theLongestCoveringNameWinsWhateverTheOrderTheyWereSet() {
        table.set("org.springframework.web", Level.DEBUG);
        table.set("org.springframework", Level.WARN);
        table.set(LogComponent.SYSTEM, Level.ERROR);

        assertThat(table.levelOf(LogComponent.SYSTEM, "org.springframework.web.Dispatcher"))
                .isEqualTo(Level.DEBUG);
        assertThat(table.levelOf(LogComponent.SYSTEM, "org.springframework.boot.App"))
                .isEqualTo(Level.WARN);
        assertThat(table.levelOf(LogComponent.SYSTEM, "com.example.Foo")).isEqualTo(Level.ERROR);
        assertThat(table.levelOf(LogComponent.API, "com.example.Foo")).isNull();
    }

    @Test
    void namesMatchByWholeSegmentsOnly() {
        assertThat(LevelTable.covers("com.acme", "com.acme")).isTrue();
        assertThat(LevelTable.covers("com.acme", "com.acme.X")).isTrue();
        assertThat(LevelTable.covers("com.acme", "com.acme$Inner")).isTrue();
        assertThat(LevelTable.covers("com.acme.", "com.acme.X")).isTrue();
        assertThat(LevelTable.covers("com.acme", "com.acmeX")).isFalse();
        assertThat(LevelTable.covers("com.acme.X", "com.acme")).isFalse();
    }

    @Test
    void aNullLevelRemovesWhatWasSet() {
        table.set("com.acme", Level.DEBUG);
        table.set(LogComponent.API, Level.WARN);
        table.set("com.acme", null);
        table.set(LogComponent.API, null);

        assertThat(table.levelOf(LogComponent.API, "com.acme.X")).isNull();
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> table.set(" ", Level.INFO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> table.set((String) null, Level.INFO)).isInstanceOf(IllegalArgumentException.class);
    }
}
