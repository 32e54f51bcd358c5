package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.spi.ArchiveNames;
import io.gatewaylog.api.spi.InvalidSettingException;
import io.gatewaylog.api.spi.Reporter;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;

/**
 * Start-up checks of the log directories against a hostile environment, before anything is opened.
 *
 * <p><b>Ownership and modes</b> ({@code sink.file.strict.permissions}, on by default), as OpenSSH's
 * {@code StrictModes} checks a user's {@code ~/.ssh}: the log root and every directory above it, up to
 * {@code /}, must be owned by root or by this process's user and not writable by group or others;
 * otherwise someone else could rename our directory away and put their own (or a link) in its place.
 * Group-write is accepted where the group is the owner's user-private group ({@link #privateGroup}),
 * as Debian's OpenSSH does. One difference from OpenSSH, which refuses {@code /tmp}: a directory <em>above</em> the root may be
 * world-writable if it has the sticky bit and belongs to root or to us, since then only an entry's owner
 * can rename or delete it (that is how {@code /tmp}, JUnit's {@code @TempDir} and a freshly mounted
 * tmpfs look). The component directories must be ours (or root's) and are given their configured mode.
 *
 * <p><b>Links.</b> A component directory that is a symbolic link is refused. Inside a component
 * directory, {@code current.log}, {@code .lock} and {@code .audit-head} found as links are renamed
 * aside ({@code <name>.symlink-<millis>}, the link itself, never its target) and reported; new regular
 * files take their place. Links with an archive's or a temporary file's name are reported and never
 * used: not listed, compressed, pruned, verified or handed to retention. Everything is opened with
 * {@code NOFOLLOW_LINKS} afterwards too, so a link planted while running makes that write fail rather
 * than go elsewhere. The root itself may be a link (an operator's choice); its real path is checked.
 */
final class DirectoryGuard {
    private static final int STICKY = 01000;
    private static final List<String> OWN_FILES = List.of(RotatingFileSink.CURRENT, DirectoryLock.FILE, ".audit-head");

    private DirectoryGuard() {}

    /**
     * Checks the root and every directory above it.
     *
     * @throws InvalidSettingException naming {@code dir}, the directory at fault, its owner and mode, and
     *         the setting that relaxes the check
     */
    static void checkRoot(Path root, boolean strict) throws IOException {
        if (!strict || !unix(root)) {
            return;
        }
        int me = myUid();
        Path real = root.toRealPath();
        for (Path p = real; p != null; p = p.getParent()) {
            String problem = problem(p, me, !p.equals(real));
            if (problem != null) {
                throw refused(
                        root,
                        p.equals(real) ? p + " (the log directory)" : p + " (a parent of the log directory)",
                        problem,
                        me);
            }
        }
    }

    /**
     * Checks a component directory before it is created or used: not a link; when strict, owned by root
     * or us (its mode is then set to the configured one, which strict mode has checked already).
     */
    static void checkComponentDirectory(Path root, Path dir, boolean strict) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            throw new InvalidSettingException(
                    FileSinkConfig.DIR,
                    root.toString(),
                    "a log directory whose component"
                            + " directories are directories, not links: " + dir + " is a symbolic link (to "
                            + Files.readSymbolicLink(dir)
                            + "); the file sink never follows links inside the log directory."
                            + " Replace it with a directory (link the whole log directory instead, if it must live elsewhere)");
        }
        if (!strict || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !unix(dir)) {
            return;
        }
        int me = myUid();
        int uid = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (uid != 0 && uid != me) {
            throw refused(
                    root,
                    dir + " (a component directory)",
                    "owned by " + owner(dir) + ", not by root or uid " + me,
                    me);
        }
    }

    /** After the component directory's mode was set: with strict modes it must not be writable by others. */
    static void checkComponentMode(Path root, Path dir, boolean strict) throws IOException {
        if (!strict || !unix(dir)) {
            return;
        }
        int mode = (Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        if ((mode & 022) != 0) {
            throw refused(
                    root,
                    dir + " (a component directory)",
                    "writable by " + writers(mode) + " (mode " + octal(mode) + ", owner " + owner(dir)
                            + ") and its mode could not be set",
                    myUid());
        }
    }

    /**
     * Moves aside links found in place of the sink's own files and reports links with an archive's or a
     * temporary file's name (never used).
     */
    static void setAsideLinks(Path dir, Reporter reporter) throws IOException {
        for (String name : OWN_FILES) {
            Path p = dir.resolve(name);
            if (Files.isSymbolicLink(p)) {
                Path aside = dir.resolve(name + ".symlink-" + System.currentTimeMillis());
                String target = String.valueOf(Files.readSymbolicLink(p));
                Files.move(p, aside, LinkOption.NOFOLLOW_LINKS); // renames the link, never its target
                reporter.error(
                        "file sink: " + p + " was a symbolic link (to " + target + "); it is not followed:"
                                + " renamed to " + aside.getFileName() + ", a new regular file is used",
                        new SecurityException("symbolic link in the log directory"));
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                String base = name.endsWith(GzipArchive.TMP_SUFFIX)
                        ? name.substring(0, name.length() - GzipArchive.TMP_SUFFIX.length())
                        : name;
                if (ArchiveNames.parse(base).isPresent() && Files.isSymbolicLink(p)) {
                    reporter.error(
                            "file sink: " + p + " is a symbolic link (to " + Files.readSymbolicLink(p)
                                    + "); it is never read, compressed, pruned or deleted through, and retention ignores it",
                            new SecurityException("symbolic link in the log directory"));
                }
            }
        } catch (NoSuchFileException e) {
            // nothing there yet
        }
    }

    /** Why {@code dir} is unsafe, or null. */
    private static String problem(Path dir, int me, boolean parent) throws IOException {
        int uid = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        if (uid != 0 && uid != me) {
            return "owned by " + owner(dir) + " (mode " + octal(mode) + "), not by root or by this process's user";
        }
        if ((mode & 022) != 0
                && !(parent && (mode & STICKY) != 0)
                && !((mode & 002) == 0 && privateGroup(dir, uid, me))) {
            return "writable by " + writers(mode) + " (mode " + octal(mode) + ", owner " + owner(dir) + ")"
                    + ((mode & 002) != 0 && parent ? " without the sticky bit" : "");
        }
        return null;
    }

    /**
     * Whether {@code dir}'s group is its owner's user-private group, as Debian and Ubuntu give every user
     * (with umask 002, so a clone or a mkdir is group-writable): a group named as the owner, with no other
     * member listed in {@code /etc/group}. Then group-write grants nobody else anything; Debian's OpenSSH
     * accepts the same ("user-group-modes"). A group unknown to {@code /etc/group} (LDAP, …) is not assumed
     * private.
     */
    static boolean privateGroup(Path dir, int uid, int me) {
        if (uid != me) {
            return false;
        }
        try {
            PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String owner = a.owner().getName();
            String group = a.group().getName();
            if (!owner.equals(group)) {
                return false;
            }
            for (String line : Files.readAllLines(Path.of("/etc/group"))) {
                String[] f = line.split(":", -1);
                if (f.length >= 4 && f[0].equals(group)) {
                    return f[3].isBlank() || f[3].trim().equals(owner);
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static InvalidSettingException refused(Path root, String where, String problem, int me) {
        return new InvalidSettingException(
                FileSinkConfig.DIR,
                root.toString(),
                "a log directory no other user can"
                        + " change: " + where + " is " + problem
                        + ". Every directory from the log directory up to / must be"
                        + " owned by root or by this process's user (uid " + me
                        + ") and not writable by group or others"
                        + " (a parent may be world-writable only with the sticky bit, like /tmp). Fix the directory, or set "
                        + FileSinkConfig.STRICT + "=false to accept it");
    }

    private static String writers(int mode) {
        return (mode & 020) != 0 && (mode & 002) != 0 ? "group and others" : (mode & 020) != 0 ? "its group" : "others";
    }

    private static String owner(Path p) {
        try {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.owner().getName() + ":" + a.group().getName();
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }

    private static String octal(int mode) {
        return String.format("%04o", mode & 07777);
    }

    private static boolean unix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("unix");
    }

    /** This process's effective uid: the owner of {@code /proc/self} on Linux, else of a file we create. */
    static int myUid() throws IOException {
        Path self = Path.of("/proc/self");
        if (Files.exists(self)) {
            return (Integer) Files.getAttribute(self, "unix:uid");
        }
        Path probe = Files.createTempFile("gateway-log-uid", ".probe");
        try {
            return (Integer) Files.getAttribute(probe, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}
