package org.switchboard.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where one embedded server keeps its files. A kept installation has them all under its data folder
 * ({@code var/demo}, {@code var/data}); a temporary server (tests, benchmarks) under a new temporary folder that
 * {@link EmbeddedMariaDb#close} deletes, with the unpacked binaries shared between temporary servers.
 *
 * @param temporaryRoot the folder to delete at close, or null for a kept installation
 */
record ServerLayout(Path base, Path data, Path tmp, Path socket, Path initFile, Path passwordFile, Path log,
                    Path temporaryRoot) {

    /** Unix socket paths are limited to 107 bytes; a deep installation puts its socket in the temp folder. */
    private static final int SOCKET_PATH_LIMIT = 100;

    static ServerLayout kept(Path dataDir) throws IOException {
        Path home = OwnerOnlyFiles.privateDirectory(dataDir.toAbsolutePath().normalize());
        return of(home, home.resolve("mariadb-base"), null);
    }

    static ServerLayout temporary() throws IOException {
        Path root = Files.createTempDirectory("switchboard-db-"); // created 0700
        return of(root, MariaDbBinaries.sharedTemporaryBase(), root);
    }

    private static ServerLayout of(Path home, Path base, Path temporaryRoot) throws IOException {
        Path data = home.resolve("mariadb");
        Path socket = data.resolve("mariadbd.sock");
        if (socket.toString().length() > SOCKET_PATH_LIMIT) {
            socket = Path.of(System.getProperty("java.io.tmpdir"), "switchboard-" + Integer.toHexString(home.hashCode())
                    + ".sock");
        }
        return new ServerLayout(base, data, Files.createDirectories(home.resolve("mariadb-tmp")), socket,
                home.resolve("mariadb-init.sql"), home.resolve("mariadb.password"), home.resolve("mariadb.log"),
                temporaryRoot);
    }

    /** True when the data folder holds no installed system tables yet. */
    boolean needsInstall() {
        return !Files.isDirectory(data.resolve("mysql"));
    }
}
