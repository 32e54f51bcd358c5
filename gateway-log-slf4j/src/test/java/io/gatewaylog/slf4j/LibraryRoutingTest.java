package io.gatewaylog.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.thirdparty.wire.WireClient;
import com.thirdparty.wire.auth.TokenRefresher;
import io.gatewaylog.api.Level;
import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.LogRecord;
import io.gatewaylog.slf4j.testing.FileSinkProvider;
import io.gatewaylog.slf4j.testing.FreshRecords;
import io.gatewaylog.slf4j.testing.TestBackendProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.example.http.Pool;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Third-party-style classes (in {@code com.thirdparty.wire} and {@code org.example.http}, knowing
 * nothing of gateway-log) log through SLF4J; the pom routes
 * {@code com.thirdparty.wire=protocol,com.thirdparty.wire.auth=auth,org.example.http=infra}.
 */
@FreshRecords
class LibraryRoutingTest {

    @Test
    void libraryRecordsLandInTheirComponentsRecords() {
        new WireClient("mq-1").send("f-7", 512, true);
        Pool.lease("https://api.example.org");
        TokenRefresher.refresh("client-3", "ok");
        LoggerFactory.getLogger("some.unmapped.Library").info("elsewhere");

        List<LogRecord> wire = TestBackendProvider.records(WireClient.class.getName());
        assertThat(wire).extracting(LogRecord::component).containsOnly(LogComponent.PROTOCOL);
        assertThat(wire).extracting(LogRecord::level).containsExactly(Level.DEBUG, Level.WARN);
        assertThat(wire.get(0).message()).isEqualTo("sent frame f-7 (512 bytes) to mq-1");
        assertThat(wire.get(0).context()).containsEntry("wire.host", "mq-1");
        assertThat(wire.get(1).cause()).hasMessage("connection reset by peer");

        assertThat(TestBackendProvider.records(Pool.class.getName()))
                .singleElement()
                .extracting(LogRecord::component)
                .isEqualTo(LogComponent.INFRA);
        LogRecord auth =
                TestBackendProvider.records(TokenRefresher.class.getName()).get(0);
        assertThat(auth.component()).isEqualTo(LogComponent.AUTH);
        assertThat(auth.fields()).containsEntry("client_id", "client-3");
        assertThat(TestBackendProvider.records("some.unmapped.Library"))
                .singleElement()
                .extracting(LogRecord::component)
                .isEqualTo(LogComponent.SYSTEM);
    }

    @Test
    void libraryRecordsReachTheComponentsFileAsJsonLines() throws IOException {
        new WireClient("mq-file").send("f-file", 64, false);
        TestBackendProvider.records(); // flushes

        List<String> lines = Files.readAllLines(FileSinkProvider.currentLog(LogComponent.PROTOCOL));
        assertThat(lines).filteredOn(l -> l.contains("f-file")).singleElement().satisfies(line -> {
            assertThat(line)
                    .contains("\"component\":\"protocol\"")
                    .contains("\"logger\":\"com.thirdparty.wire.WireClient\"")
                    .contains("\"level\":\"DEBUG\"")
                    .contains("\"message\":\"sent frame f-file (64 bytes) to mq-file\"")
                    .contains("\"wire.host\":\"mq-file\"")
                    .contains("\"asset_id\":\"gateway_test\"");
        });
        assertThat(Files.readAllLines(FileSinkProvider.currentLog(LogComponent.SYSTEM)))
                .noneMatch(l -> l.contains("f-file"));
    }

    @Test
    void libraryRecordsAreSanitizedLikeOurOwn() throws IOException {
        new WireClient("mq-2").connect("svc", "hunter2-Secret!");
        TestBackendProvider.records();

        assertThat(TestBackendProvider.records(WireClient.class.getName()))
                .singleElement()
                .satisfies(r -> assertThat(r.message())
                        .doesNotContain("hunter2-Secret!")
                        .contains("mq-2"));
        assertThat(Files.readString(FileSinkProvider.currentLog(LogComponent.PROTOCOL)))
                .doesNotContain("hunter2-Secret!");
    }

    @Test
    void eachCallIsWrittenOnce() {
        for (int i = 0; i < 5; i++) {
            Pool.lease("route-" + i);
        }
        assertThat(TestBackendProvider.records(Pool.class.getName()))
                .extracting(LogRecord::message)
                .containsExactly(
                        "leased connection to route-0",
                        "leased connection to route-1",
                        "leased connection to route-2",
                        "leased connection to route-3",
                        "leased connection to route-4");
    }
}
