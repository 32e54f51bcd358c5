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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BackendProvider#supersedes()}: a provider that replaces another is not a second backend, while
 * backends that genuinely compete are still reported.
 */
class BackendSupersedesTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintingReporter reporter = new PrintingReporter(new PrintStream(err, true, StandardCharsets.UTF_8));

    /** Stands for the core's provider. */
    public static final class Base implements BackendProvider {
        @Override
        public int priority() {
            return 100;
        }

        @Override
        public LoggingBackend create(Map<String, String> settings) {
            return new NoOpBackend();
        }
    }

    /** Stands for the Boot starter's provider, which starts the base's backend later. */
    public static final class Replacing implements BackendProvider {
        @Override
        public int priority() {
            return 200;
        }

        @Override
        public Set<String> supersedes() {
            return Set.of(Base.class.getName());
        }

        @Override
        public LoggingBackend create(Map<String, String> settings) {
            return new NoOpBackend();
        }
    }

    /** A backend of its own, competing with the others. */
    public static final class Other implements BackendProvider {
        @Override
        public int priority() {
            return 300;
        }

        @Override
        public LoggingBackend create(Map<String, String> settings) {
            return new NoOpBackend();
        }
    }

    /** Claims to supersede the highest-priority provider: it wins, whatever their priorities. */
    public static final class ReplacingOther implements BackendProvider {
        @Override
        public Set<String> supersedes() {
            return Set.of(Other.class.getName());
        }

        @Override
        public LoggingBackend create(Map<String, String> settings) {
            return new NoOpBackend();
        }
    }

    /** Fails when asked what it supersedes. */
    public static final class FailingSupersedes implements BackendProvider {
        @Override
        public Set<String> supersedes() {
            throw new IllegalStateException("broken on purpose");
        }

        @Override
        public LoggingBackend create(Map<String, String> settings) {
            return new NoOpBackend();
        }
    }

    private ClassLoader loaderWith(Class<?>... providers) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        StringBuilder lines = new StringBuilder();
        for (Class<?> p : providers) {
            lines.append(p.getName()).append('\n');
        }
        Files.writeString(services.resolve(BackendProvider.class.getName()), lines);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader()) {
            @Override
            public java.util.Enumeration<URL> getResources(String name) throws IOException {
                return findResources(name);
            }
        };
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSupersededProviderIsNoSecondBackend() throws IOException {
        BackendProvider p = BackendLocator.locate(loaderWith(Base.class, Replacing.class), null, reporter);
        assertThat(p).isInstanceOf(Replacing.class);
        assertThat(stderr()).isEmpty();
    }

    @Test
    void theOrderOnTheClassPathDoesNotMatter() throws IOException {
        BackendProvider p = BackendLocator.locate(loaderWith(Replacing.class, Base.class), null, reporter);
        assertThat(p).isInstanceOf(Replacing.class);
        assertThat(stderr()).isEmpty();
    }

    @Test
    void aGenuinelyCompetingBackendIsStillReported() throws IOException {
        BackendProvider p = BackendLocator.locate(loaderWith(Base.class, Replacing.class, Other.class), null, reporter);
        assertThat(p).isInstanceOf(Other.class);
        assertThat(stderr())
                .contains("several backends found")
                .contains(Replacing.class.getName(), Other.class.getName())
                .as("the superseded one is not a competitor")
                .doesNotContain(Base.class.getName());
    }

    @Test
    void theReplacingProviderWinsWhateverThePriorities() throws IOException {
        BackendProvider p = BackendLocator.locate(loaderWith(Other.class, ReplacingOther.class), null, reporter);
        assertThat(p).isInstanceOf(ReplacingOther.class);
        assertThat(stderr()).isEmpty();
    }

    @Test
    void aProviderFailingInSupersedesIsReportedAndStillCompetes() throws IOException {
        BackendProvider p = BackendLocator.locate(loaderWith(FailingSupersedes.class, Base.class), null, reporter);
        assertThat(p).isInstanceOf(Base.class);
        assertThat(stderr()).contains("failed in supersedes()", "several backends found");
    }
}
