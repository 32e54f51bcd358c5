package io.gatewaylog.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {
    @Test
    void defaultsAndFlags() {
        DemoOptions d = DemoOptions.parse(new String[0]);
        assertThat(d.rate()).isEqualTo(5000);
        assertThat(d.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.root()).isEqualTo("./logs");
        DemoOptions o = DemoOptions.parse(new String[] {
            "--rate", "100", "--duration", "2m", "--profile", "production", "--root", "/tmp/x", "--prometheus-port", "0"
        });
        assertThat(o).isEqualTo(new DemoOptions(100, Duration.ofMinutes(2), "production", "/tmp/x", "5MB", 0));
    }

    @Test
    void badFlagsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--rate", "-5"}))
                .hasMessageContaining("--rate");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--duration", "soon"}))
                .hasMessageContaining("--duration");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--colour", "red"}))
                .hasMessageContaining("colour");
    }
}
