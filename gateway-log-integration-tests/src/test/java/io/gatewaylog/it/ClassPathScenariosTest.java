package io.gatewaylog.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.sink.UserSinkProvider;
import com.fasterxml.jackson.core.JsonFactory;
import io.gatewaylog.api.GatewayLoggers;
import io.gatewaylog.core.GatewayLogBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios that depend on what is on the class path, each in a child JVM of its own. */
class ClassPathScenariosTest {
    @TempDir
    Path dir;

    @Test
    void withoutABackendTheApiWorksAndWarnsOnce() throws Exception {
        ChildJvm.Result r =
                ChildJvm.run(List.of(GatewayLoggers.class, NoBackendMain.class), NoBackendMain.class, List.of());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("accepted=0", "flushed=true", "shutdown=true");
        assertThat(r.stderr().lines().filter(l -> l.startsWith("gateway-log:")).toList())
                .singleElement()
                .asString()
                .contains("no backend found");
    }

    @Test
    void apiAndCoreWorkAsNamedModules() throws Exception {
        // api, core and jackson-core on the module path: the core is found through its module descriptor's
        // `provides`, the API's `uses`; the main class sits on the class path as an application's would.
        String modulePath = ChildJvm.pathOf(List.of(GatewayLoggers.class, GatewayLogBackend.class, JsonFactory.class));
        ChildJvm.Result r = ChildJvm.run(
                List.of(ModulePathMain.class),
                ModulePathMain.class,
                List.of("--module-path", modulePath, "--add-modules", "io.gatewaylog.api,io.gatewaylog.core"));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout())
                .contains("api-module=io.gatewaylog.api", "backend-module=io.gatewaylog.core", "accepted=1");
        assertThat(r.stderr()).doesNotContain("no backend found");
    }

    @Test
    void theJvmsExitDrainsEveryBuffer() throws Exception {
        Path out = dir.resolve("records.jsonl");
        int n = 20_000;
        ChildJvm.Result r = ChildJvm.run(
                List.of(
                        GatewayLoggers.class,
                        GatewayLogBackend.class,
                        JsonFactory.class,
                        ExitMain.class,
                        UserSinkProvider.class),
                ExitMain.class,
                List.of(
                        "-Dgateway.log.sink.user.file=" + out,
                        "-Dgateway.log.flush.interval=1h",
                        "-Dgateway.log.console.enabled=false"),
                String.valueOf(n));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("logged " + n);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(n);
        assertThat(lines.get(n - 1)).contains("\"i\":" + (n - 1));
    }
}
