package io.gatewaylog.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.slf4j.testing.TestBackendProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The handler named in a {@code logging.properties}, without calling {@link GatewayLogJul}. */
class JulConfigurationFileTest {

    @AfterEach
    void restore() throws Exception {
        LogManager.getLogManager().reset();
    }

    @Test
    void handlerNamedInLoggingPropertiesRoutesRecords() throws Exception {
        String properties = "handlers = io.gatewaylog.slf4j.GatewayJulHandler\n.level = FINE\n";
        LogManager.getLogManager()
                .readConfiguration(new ByteArrayInputStream(properties.getBytes(StandardCharsets.ISO_8859_1)));
        TestBackendProvider.clear();

        Logger jul = Logger.getLogger("jul.protocol.FromFile");
        jul.fine("configured by file");
        jul.finest("below the JUL level");

        assertThat(GatewayLogJul.isInstalled()).isTrue();
        assertThat(TestBackendProvider.records("jul.protocol.FromFile"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.message()).isEqualTo("configured by file");
                    assertThat(r.component()).isEqualTo(LogComponent.PROTOCOL);
                });
    }
}
