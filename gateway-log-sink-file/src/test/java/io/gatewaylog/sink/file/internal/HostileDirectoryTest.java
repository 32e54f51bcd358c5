package io.gatewaylog.sink.file.internal;

import static io.gatewaylog.sink.file.internal.TestFiles.batch;
import static io.gatewaylog.sink.file.internal.TestFiles.messages;
import static io.gatewaylog.sink.file.internal.TestFiles.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.gatewaylog.api.LogComponent;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.core.GatewayLogBackend;
import io.gatewaylog.core.internal.retention.RetentionJob;
import io.gatewaylog.sink.file.audit.AuditVerifier;
import io.gatewaylog.testkit.RecordingReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real symbolic links and real ownership and modes in the log directory: links are never followed,
 * directories other users could change are refused at start-up.
 */
class HostileDirectoryTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final String SECRET = "root:x:0:0:do not touch\n";

    @TempDir
    Path tmp;

    final RecordingReporter reporter = new RecordingReporter();

    private Path root() {
        return tmp.resolve("logs");
    }

    private RotatingFileSink open(String... kv) {
        TestContext ctx = TestContext.of(settings(root(), kv), reporter);
        return RotatingFileSink.open(FileSinkConfig.parse(ctx.settings()), ctx.encoder(), reporter);
    }

    /** A file outside the log root that a planted link points to. */
    private Path outside() throws IOException {
        Path f = tmp.resolve("outside/passwd");
        Files.createDirectories(f.getParent());
        Files.writeString(f, SECRET);
        return f;
    }

    private Path component(String id) throws IOException {
        return Files.createDirectories(root().resolve(id));
    }

    @Test
    void aCurrentLogPlantedAsALinkIsMovedAsideAndNeverWrittenThrough() throws IOException {
        Path target = outside();
        for (String c : new String[] {"api", "auth"}) {
            Files.createSymbolicLink(component(c).resolve("current.log"), target);
        }
        try (RotatingFileSink sink = open()) {
            sink.write(batch(LogComponent.API, "a", 0, 3, T0));
            sink.write(batch(LogComponent.AUTH, "u", 0, 3, T0));
            sink.flush();
        }
        assertThat(Files.readString(target)).isEqualTo(SECRET);
        assertThat(Files.isSymbolicLink(root().resolve("api/current.log"))).isFalse();
        assertThat(messages(root().resolve("api"))).containsExactly("a0", "a1", "a2");
        try (Stream<Path> files = Files.list(root().resolve("api"))) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("current.log.symlink-")))
                    .singleElement()
                    .satisfies(p -> assertThat(Files.isSymbolicLink(p)).isTrue());
        }
        assertThat(reporter.errors())
                .anyMatch(e -> e.contains("api/current.log was a symbolic link") && e.contains(target.toString()));
        assertThat(AuditVerifier.verify(root().resolve("auth"), null).intact()).isTrue();
    }

    @Test
    void aLinkWithAnArchivesNameIsNeitherCompressedNorListedNorDeleted() throws IOException {
        Path target = outside();
        Path link = component("api").resolve("api.log.000001.20231114T221320000Z");
        Files.createSymbolicLink(link, target);
        try (RotatingFileSink sink = open("rotation.size", "1KB", "backups", "1");
                RetentionJob pruning = Pruning.start(sink, reporter)) {
            assertThat(sink.archives(LogComponent.API)).isEmpty();
            sink.write(batch(LogComponent.API, "a", 0, 40, T0)); // rotations, pruning down to 1 backup
            assertThat(TestFiles.awaitCompressions(sink, Duration.ofSeconds(30)))
                    .isTrue();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(sink.archives(LogComponent.API))
                            .hasSize(1)); // retention's thread has pruned; the link is still there
            assertThat(sink.archives(LogComponent.API))
                    .noneMatch(a -> a.path().getFileName().equals(link.getFileName()));
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo(SECRET);
        assertThat(Files.exists(Path.of(link + ".gz"), LinkOption.NOFOLLOW_LINKS))
                .isFalse();
        assertThat(reporter.errors())
                .anyMatch(e -> e.contains(link.getFileName().toString()) && e.contains("symbolic link"));
    }

    @Test
    void aLockFilePlantedAsALinkIsMovedAsideAndItsTargetIsNotTruncated() throws IOException {
        Path target = outside();
        Files.createSymbolicLink(component("api").resolve(".lock"), target);
        try (RotatingFileSink sink = open()) {
            sink.write(batch(LogComponent.API, "a", 0, 1, T0));
        }
        assertThat(Files.readString(target)).isEqualTo(SECRET);
        assertThat(Files.isRegularFile(root().resolve("api/.lock"), LinkOption.NOFOLLOW_LINKS))
                .isTrue();
    }

    @Test
    void aTemporaryFilePlantedAsALinkIsRemovedWithoutTouchingItsTarget() throws IOException {
        Path target = outside();
        Path api = component("api");
        Files.writeString(api.resolve("api.log.000001.20231114T221320000Z"), "{\"message\":\"old\"}\n");
        Path tmpLink = api.resolve("api.log.000001.20231114T221320000Z.gz.tmp");
        Files.createSymbolicLink(tmpLink, target);
        try (RotatingFileSink sink = open()) {
            assertThat(TestFiles.awaitCompressions(sink, Duration.ofSeconds(30)))
                    .isTrue();
        }
        assertThat(Files.readString(target)).isEqualTo(SECRET);
        assertThat(Files.exists(tmpLink, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(api.resolve("api.log.000001.20231114T221320000Z.gz")).isRegularFile();
    }

    @Test
    void aComponentDirectoryThatIsALinkIsRefused() throws IOException {
        Files.createDirectories(root());
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(root().resolve("auth"), elsewhere);
        assertThatThrownBy(this::open)
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(root().resolve("auth") + " is a symbolic link");
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void aLogDirectoryWritableByOthersIsRefusedUnlessStrictPermissionsAreOff() throws IOException {
        Files.createDirectories(root());
        Files.setPosixFilePermissions(root(), PosixFilePermissions.fromString("rwxr-xrwx"));
        assertThatThrownBy(this::open)
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("Invalid setting 'dir' = '" + root() + "'")
                .hasMessageContaining(root() + " (the log directory) is writable by others (mode 0757, owner ")
                .hasMessageContaining("sink.file.strict.permissions=false");
        try (RotatingFileSink sink = open("sink.file.strict.permissions", "false")) {
            sink.write(batch(LogComponent.API, "a", 0, 1, T0));
        }
    }

    @Test
    void aGroupWritableParentIsRefusedAndTheBackendDoesNotStart() throws IOException {
        Path parent = Files.createDirectories(tmp.resolve("shared"));
        sharedGroup(parent);
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxrwxr-x"));
        Path logs = parent.resolve("logs");
        TestContext ctx = TestContext.of(settings(logs), reporter);
        assertThatThrownBy(() -> RotatingFileSink.open(FileSinkConfig.parse(ctx.settings()), ctx.encoder(), reporter))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(parent + " (a parent of the log directory) is writable by its group (mode 0775");
        assertThatThrownBy(() -> GatewayLogBackend.builder()
                        .setting("dir", logs.toString())
                        .setting("console.enabled", "false")
                        .setting("shutdown.hook", "false")
                        .reporter(reporter)
                        .build())
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("strict.permissions");
        // The directory locks were released: a corrected start in the same JVM works.
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (RotatingFileSink sink =
                RotatingFileSink.open(FileSinkConfig.parse(ctx.settings()), ctx.encoder(), reporter)) {
            sink.write(batch(LogComponent.API, "a", 0, 1, T0));
        }
    }

    /** Gives {@code dir} a group other users may be in (as root: nogroup), so that group-write is a risk. */
    private static void sharedGroup(Path dir) throws IOException {
        if (isRoot()) {
            Files.setAttribute(
                    dir,
                    "posix:group",
                    dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("nogroup"));
        }
        int me = (Integer) Files.getAttribute(dir, "unix:uid");
        Assumptions.assumeFalse(
                DirectoryGuard.privateGroup(dir, me, me),
                "the directory's group is this user's private group, where group-write is accepted");
    }

    @Test
    void aGroupWritableDirectoryOfTheUsersPrivateGroupIsAccepted() throws IOException {
        // Debian/Ubuntu give each user a group of their own and umask 002: a clone is group-writable.
        Path parent = Files.createDirectories(tmp.resolve("upg"));
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxrwxr-x"));
        int me = (Integer) Files.getAttribute(parent, "unix:uid");
        Assumptions.assumeTrue(DirectoryGuard.privateGroup(parent, me, me), "this user has no private group here");
        TestContext ctx = TestContext.of(settings(parent.resolve("logs")), reporter);
        try (RotatingFileSink sink =
                RotatingFileSink.open(FileSinkConfig.parse(ctx.settings()), ctx.encoder(), reporter)) {
            sink.write(batch(LogComponent.API, "a", 0, 1, T0));
        }
    }

    @Test
    void aStickyWorldWritableParentLikeTmpIsAccepted() throws IOException {
        Path parent = Files.createDirectories(tmp.resolve("scratch"));
        Files.setAttribute(parent, "unix:mode", 01777);
        TestContext ctx = TestContext.of(settings(parent.resolve("logs")), reporter);
        try (RotatingFileSink sink =
                RotatingFileSink.open(FileSinkConfig.parse(ctx.settings()), ctx.encoder(), reporter)) {
            sink.write(batch(LogComponent.API, "a", 0, 1, T0));
        }
    }

    @Test
    void aLogDirectoryOrComponentDirectoryOwnedByAnotherUserIsRefused() throws IOException {
        Assumptions.assumeTrue(isRoot(), "ownership test skipped: chown needs root (CI runs as root)");
        UserPrincipal nobody =
                tmp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.createDirectories(root());
        Files.setOwner(root(), nobody);
        assertThatThrownBy(this::open)
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(root() + " (the log directory) is owned by nobody:")
                .hasMessageContaining("sink.file.strict.permissions=false");

        Files.setOwner(root(), Files.getOwner(tmp));
        Files.setOwner(component("auth"), nobody);
        assertThatThrownBy(this::open)
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(root().resolve("auth") + " (a component directory) is owned by nobody:");
    }

    @Test
    void strictPermissionsRefuseADirectoryModeThatLetsOthersWrite() {
        assertThatThrownBy(() -> FileSinkConfig.parse(TestContext.settings(
                        Map.of("dir", root().toString(), "component.api.sink.file.dir-mode", "0770"))))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("'component.api.sink.file.dir-mode' = '0770'")
                .hasMessageContaining("sink.file.strict.permissions=false");
    }

    private static boolean isRoot() {
        try {
            return DirectoryGuard.myUid() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
