package io.gatewaylog.sink.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.GatewayLogger;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.ArchiveCatalog;
import io.gatewaylog.api.spi.LogSink;
import io.gatewaylog.api.spi.LogSinkProvider;
import io.gatewaylog.core.GatewayLogBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkProviderTest {

    @Test
    void isFoundByTheServiceLoaderUnderItsName() {
        assertThat(ServiceLoader.load(LogSinkProvider.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(p -> {
                    assertThat(p).isInstanceOf(FileSinkProvider.class);
                    assertThat(p.name()).isEqualTo("file").isEqualTo(FileSinkProvider.NAME);
                });
    }

    @Test
    void onTheClassPathItIsActiveWithItsDefaultsAndIsTheRetentionsArchiveCatalog(@TempDir Path dir) throws Exception {
        GatewayLogBackend backend = GatewayLogBackend.builder()
                .setting("dir", dir.toString())
                .setting("console.enabled", "false")
                .setting("shutdown.hook", "false")
                .build();
        try {
            LogSink sink = backend.sinks().stream()
                    .filter(s -> s.name().equals("file"))
                    .findFirst()
                    .orElseThrow();
            assertThat(sink).isInstanceOf(ArchiveCatalog.class);
            assertThat(((ArchiveCatalog) sink).directory(LogComponent.INFRA)).isEqualTo(dir.resolve("infra"));
            GatewayLogger log = backend.logger(LogComponent.INFRA, "provider");
            log.info("hello");
            GatewayLogger audit = backend.logger(LogComponent.AUTH, "provider");
            audit.info("login");
            // auth is written (and fsync'ed) before the call returns
            assertThat(Files.readString(dir.resolve("auth/current.log"))).contains("\"message\":\"login\"");
            assertThat(backend.flush(Duration.ofSeconds(10))).isTrue();
            assertThat(Files.readString(dir.resolve("infra/current.log")))
                    .contains("\"component\":\"infra\"", "\"message\":\"hello\"")
                    .endsWith("}\n");
            assertThat(sink.measurements())
                    .extracting(m -> m.name() + m.tags())
                    .contains(
                            "gateway.log.file.bytes.written{component=infra}",
                            "gateway.log.file.rotations{component=auth}",
                            "gateway.log.file.compression.seconds{component=api}",
                            "gateway.log.file.failures{component=metrics}");
        } finally {
            backend.shutdown(Duration.ofSeconds(10));
        }
    }
}
