package io.gatewaylog.sink.file.internal;

import io.gatewaylog.api.spi.InvalidSettingException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * POSIX modes of the sink's directories and files: parsing {@code 0750} / {@code rwxr-x---}, creating
 * with a mode, and applying one. On a file system without POSIX attributes (Windows) modes are ignored.
 *
 * <p>Files are created with the mode as a creation attribute and then set to it explicitly: the
 * attribute alone is reduced by the process umask, and setting the mode only after creation would leave
 * a moment where the file exists with the umask's wider default.
 */
public final class FilePermissions {
    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    private FilePermissions() {}

    /**
     * Parses an octal ({@code 0640}, {@code 640}) or symbolic ({@code rw-r-----}) mode that grants the
     * owner at least {@code required}.
     *
     * @throws InvalidSettingException naming {@code key}, the value and what is allowed
     */
    public static Set<PosixFilePermission> parse(
            String key, String raw, Set<PosixFilePermission> required, String example) {
        String v = raw.trim();
        Set<PosixFilePermission> perms = null;
        if (v.matches("0?[0-7]{3}")) {
            int mode = Integer.parseInt(v, 8);
            perms = EnumSet.noneOf(PosixFilePermission.class);
            for (int i = 0; i < BITS.length; i++) {
                if ((mode & (1 << i)) != 0) {
                    perms.add(BITS[i]);
                }
            }
        } else if (v.length() == 9) {
            try {
                perms = PosixFilePermissions.fromString(v);
            } catch (IllegalArgumentException e) {
                perms = null;
            }
        }
        if (perms == null || !perms.containsAll(required)) {
            throw new InvalidSettingException(
                    key,
                    raw,
                    "an octal mode such as " + example + " (or "
                            + PosixFilePermissions.toString(parse(key, example, required, example))
                            + ") that gives the owner at least " + PosixFilePermissions.toString(ownerOnly(required)));
        }
        return perms;
    }

    private static Set<PosixFilePermission> ownerOnly(Set<PosixFilePermission> required) {
        return required.isEmpty() ? EnumSet.noneOf(PosixFilePermission.class) : EnumSet.copyOf(required);
    }

    /** The mode as {@code 0750}. */
    public static String octal(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (int i = 0; i < BITS.length; i++) {
            if (perms.contains(BITS[i])) {
                mode |= 1 << i;
            }
        }
        return String.format("0%03o", mode);
    }

    static boolean supported(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates a directory (and missing parents) and sets its mode; true if it was created. */
    static boolean createDirectory(Path dir, Set<PosixFilePermission> mode) throws IOException {
        if (Files.isDirectory(dir)) {
            return false;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
        try {
            if (supported(dir)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(mode));
                apply(dir, mode);
            } else {
                Files.createDirectory(dir);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            if (Files.isDirectory(dir)) {
                return false; // created meanwhile by someone else
            }
            throw e;
        }
    }

    /** The creation attribute for {@code mode}, or none where POSIX modes are unsupported. */
    static FileAttribute<?>[] attributes(Path path, Set<PosixFilePermission> mode) {
        return supported(path) && mode != null
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)}
                : new FileAttribute<?>[0];
    }

    /**
     * Sets the mode of an existing file or directory (no-op without POSIX support or mode), never
     * through a link: a link swapped in for one of our files must not get its target's mode changed.
     */
    static void apply(Path path, Set<PosixFilePermission> mode) throws IOException {
        if (mode != null && supported(path)) {
            Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setPermissions(mode);
        }
    }

    /**
     * Sets the mode of an existing file or directory we may not own (one prepared by packaging, say):
     * a failure is reported, not fatal, since the files can still be written.
     */
    static void applyOrWarn(Path path, Set<PosixFilePermission> mode, io.gatewaylog.api.spi.Reporter reporter) {
        try {
            apply(path, mode);
        } catch (IOException | SecurityException e) {
            reporter.warn("file sink: cannot set mode " + octal(mode) + " on " + path + " (" + e + "); it keeps "
                    + "its current mode");
        }
    }

    /** The mode of an existing file, or null without POSIX support. */
    static Set<PosixFilePermission> of(Path path) throws IOException {
        return supported(path) ? Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS) : null;
    }
}
