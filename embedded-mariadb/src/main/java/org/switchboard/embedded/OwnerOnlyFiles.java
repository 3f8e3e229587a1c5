package org.switchboard.embedded;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold secrets or run state (mode 0600) and logs (0640), created with those modes from the start, so
 * there is no moment at which another local user could read them.
 */
public final class OwnerOnlyFiles {

    public static final Set<PosixFilePermission> SECRET = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> LOG = PosixFilePermissions.fromString("rw-r-----");
    public static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    /** Writes {@code text} to {@code file} (replacing it) readable and writable by the owner only. */
    public static void writeSecret(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(SECRET));
        Files.writeString(tmp, text, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Creates {@code file} with {@code mode} if it does not exist, and sets that mode if it does. */
    public static Path create(Path file, Set<PosixFilePermission> mode) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(mode));
        } catch (FileAlreadyExistsException e) {
            Files.setPosixFilePermissions(file, mode);
        }
        return file;
    }

    /** Creates the directory (and parents) and restricts it to its owner. */
    public static Path privateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PRIVATE_DIR);
        return dir;
    }

    /** True when anyone but the owner (its group or other users) may read {@code file}. */
    public static boolean readableByAnyoneElse(Path file) throws IOException {
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
        return p.contains(PosixFilePermission.OTHERS_READ) || p.contains(PosixFilePermission.GROUP_READ);
    }
}
