package io.gatewaylog.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatewaylog.api.spi.BackendProvider;
import io.gatewaylog.api.spi.LoggingBackend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery with a class loader whose only services file is the one each test writes. */
class BackendLocatorTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintingReporter reporter = new PrintingReporter(new PrintStream(err, true, StandardCharsets.UTF_8));

    /** A provider of low priority. */
    public static final class Low implements BackendProvider {
        @Override
        public int priority() {
            return 1;
        }

        @Override
        public LoggingBackend create(Map<String, String> settings) {
            return new NoOpBackend();
        }
    }

    /** A provider of high priority. */
    public static final class High implements BackendProvider {
        @Override
        public int priority() {
            return 50;
        }

        @Override
        public LoggingBackend create(Map<String, String> settings) {
            return new NoOpBackend();
        }
    }

    /** A provider whose constructor fails. */
    public static final class Broken implements BackendProvider {
        public Broken() {
            throw new IllegalStateException("broken on purpose");
        }

        @Override
        public LoggingBackend create(Map<String, String> settings) {
            return new NoOpBackend();
        }
    }

    private ClassLoader loaderWith(String... providers) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(BackendProvider.class.getName()), String.join("\n", providers) + "\n");
        // Parent-last for the services file only: the parent is the platform loader plus our test classes.
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader()) {
            @Override
            public java.util.Enumeration<URL> getResources(String name) throws IOException {
                return findResources(name);
            }
        };
    }

    @Test
    void noneFoundGivesNull() throws IOException {
        assertThat(BackendLocator.locate(loaderWith(), null, reporter)).isNull();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void severalFoundPicksTheHighestPriorityAndWarnsWithTheList() throws IOException {
        BackendProvider p =
                BackendLocator.locate(loaderWith(Low.class.getName(), High.class.getName()), null, reporter);
        assertThat(p).isInstanceOf(High.class);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("several backends found")
                .contains(Low.class.getName())
                .contains(High.class.getName())
                .contains("-Dgateway.log.backend");
    }

    @Test
    void aBrokenProviderIsReportedAndSkipped() throws IOException {
        BackendProvider p = BackendLocator.locate(
                loaderWith(Broken.class.getName(), "com.example.Missing", Low.class.getName()), null, reporter);
        assertThat(p).isInstanceOf(Low.class);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("failed to load and is skipped");
    }

    @Test
    void theSystemPropertyChoosesExplicitly() throws IOException {
        BackendProvider p = BackendLocator.locate(loaderWith(High.class.getName()), Low.class.getName(), reporter);
        assertThat(p).isInstanceOf(Low.class);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aWrongExplicitChoiceFallsBackToDiscoveryWithAnError() throws IOException {
        BackendProvider p = BackendLocator.locate(loaderWith(High.class.getName()), "com.example.Nope", reporter);
        assertThat(p).isInstanceOf(High.class);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("com.example.Nope")
                .contains("could not be loaded");
    }
}
