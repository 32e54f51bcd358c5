package io.gatewaylog.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatewaylog.api.spi.Measurement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasurementsTest {
    private final List<Measurement> ms = List.of(
            Measurement.counter("sent", Map.of("component", "api", "target", "a"), "records", "", () -> 2),
            Measurement.counter("sent", Map.of("component", "auth", "target", "a"), "records", "", () -> 3),
            Measurement.gauge("buffered", Map.of(), "records", "", () -> 7));

    @Test
    void sumsTheMeasurementsOfTheNameWithEveryTagGiven() {
        assertThat(Measurements.sum(ms, "sent")).isEqualTo(5.0);
        assertThat(Measurements.sum(ms, "sent", "target", "a")).isEqualTo(5.0);
        assertThat(Measurements.sum(ms, "sent", "component", "auth", "target", "a"))
                .isEqualTo(3.0);
        assertThat(Measurements.sum(ms, "buffered")).isEqualTo(7.0);
    }

    @Test
    void noneMatchingIsAnAssertionErrorNotZero() {
        assertThatThrownBy(() -> Measurements.sum(ms, "snet"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("snet");
        assertThatThrownBy(() -> Measurements.sum(ms, "sent", "component", "infra"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Measurements.sum(ms, "sent", "component"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
