package org.switchboard.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A real MariaDB server process for the demo, single-box installations and tests: the same code path for all.
 * <ul>
 * <li>Closed to everyone else: it listens on 127.0.0.1 only, its grant tables are on, the daemon logs in as
 * {@value #USER} with a password generated per installation (kept in a 0600 file), and root may log in only
 * through the local socket as the operating system's root.</li>
 * <li>A mariadbd left running on the same data folder by an owner that was killed is stopped, with one line.</li>
 * <li>A mariadbd that dies while in use is noticed at once (one ERROR line) and started again on the same port;
 * connection pools reconnect by themselves.</li>
 * </ul>
 * Thread-safe. Always {@link #close()} it: the server runs in a session of its own and outlives its owner otherwise.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    public static final String SCHEMA = "switchboard";
    public static final String USER = "switchboard";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(60);

    private final MariaDbBinaries binaries;
    private final ServerLayout layout;
    private final String password;
    private final int port;
    private final Duration startLimit;
    private final Consumer<String> progress;
    private final ExecutorService watcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "embedded-mariadb-watch");
        t.setDaemon(true);
        return t;
    });
    private volatile MariaDbProcess process;
    private volatile boolean closing;

    private EmbeddedMariaDb(MariaDbBinaries binaries, ServerLayout layout, String password, int port,
                            Duration startLimit, Consumer<String> progress) {
        this.binaries = binaries;
        this.layout = layout;
        this.password = password;
        this.port = port;
        this.startLimit = startLimit;
        this.progress = progress;
    }

    /** Starts a server on {@code port} (0 = any free port) keeping its files in {@code dataDir} (null = temporary). */
    public static EmbeddedMariaDb start(Path dataDir, int port) {
        return start(dataDir, port, log::info);
    }

    /** As {@link #start(Path, int)}, telling {@code progress} how the start goes ("starting the database … 12 s"). */
    public static EmbeddedMariaDb start(Path dataDir, int port, Consumer<String> progress) {
        try {
            ServerLayout layout = dataDir == null ? ServerLayout.temporary() : ServerLayout.kept(dataDir);
            MariaDbBinaries binaries = MariaDbBinaries.in(layout.base());
            String password = dataDir == null ? DatabasePassword.generate() : DatabasePassword.readOrCreate(layout.passwordFile());
            EmbeddedMariaDb db = new EmbeddedMariaDb(binaries, layout, password, port == 0 ? freePort() : port,
                    startLimit(), progress);
            db.stopStale();
            db.launch();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded MariaDB server: " + e.getMessage(), e);
        }
    }

    /** How long a start may take: generous, for a busy 2-core machine; {@code SWITCHBOARD_DB_START_SECONDS} overrides. */
    private static Duration startLimit() {
        String s = System.getenv("SWITCHBOARD_DB_START_SECONDS");
        if (s == null || s.isBlank()) {
            return Duration.ofSeconds(180);
        }
        if (!s.trim().matches("[1-9]\\d{0,3}")) {
            throw new IllegalArgumentException("SWITCHBOARD_DB_START_SECONDS='" + s + "' is not a number of seconds (1-9999)");
        }
        return Duration.ofSeconds(Long.parseLong(s.trim()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void stopStale() {
        MariaDbProcess.runningOn(layout.data()).ifPresent(stale -> {
            log.warn("a database server (mariadbd pid {}) is still running on {}, left by a Switchboard that did not stop"
                    + " (crash or kill -9); stopping it before starting anew", stale.pid(), layout.data());
            MariaDbProcess.stop(stale, STOP_PATIENCE);
        });
    }

    private synchronized void launch() throws IOException {
        long t0 = System.nanoTime();
        try {
            if (layout.needsInstall()) {
                progress.accept("installing the database in " + layout.data() + " (first start) …");
                MariaDbProcess.install(binaries, layout, startLimit);
            }
            OwnerOnlyFiles.privateDirectory(layout.data());
            OwnerOnlyFiles.writeSecret(layout.initFile(), initSql());
            process = MariaDbProcess.launch(binaries, layout, port);
            awaitReady(t0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopProcess();
            throw new IOException("interrupted while starting the database", e);
        } catch (IOException | RuntimeException e) {
            stopProcess();
            throw e;
        }
        log.info("embedded MariaDB started on 127.0.0.1:{} in {} ms (pid {}, data: {})", port,
                (System.nanoTime() - t0) / 1_000_000, process.pid(), layout.temporaryRoot() == null ? layout.data() : "temporary");
        MariaDbProcess started = process;
        started.onExit().thenRunAsync(() -> died(started), watcher);
    }

    /**
     * Run by mariadbd at every start: the schema, the daemon's user with this installation's password (set again
     * each time, so a new password file takes effect), and no anonymous or password-less TCP logins, also in data
     * folders made by earlier versions.
     */
    private String initSql() {
        return String.join("\n", List.of(
                "CREATE DATABASE IF NOT EXISTS " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
                "CREATE USER IF NOT EXISTS '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';",
                "ALTER USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';",
                "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'127.0.0.1' WITH GRANT OPTION;",
                "DROP USER IF EXISTS ''@'localhost', ''@'127.0.0.1', 'root'@'127.0.0.1', 'root'@'::1', 'root'@'%';",
                "ALTER USER IF EXISTS 'root'@'localhost' IDENTIFIED VIA unix_socket;", ""));
    }

    private void awaitReady(long t0) throws IOException, InterruptedException {
        long deadline = t0 + startLimit.toNanos();
        long nextProgress = t0 + PROGRESS_EVERY.toNanos();
        while (true) {
            if (closing) {
                throw new IOException("stopped while starting");
            }
            if (!process.isAlive()) {
                throw new IOException("the database server mariadbd exited (code " + process.exitCode()
                        + ") while starting; " + layout.log() + " ends:" + System.lineSeparator() + logTail(8));
            }
            if (canLogIn()) {
                return;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IOException("the database server was not ready within " + startLimit.toSeconds()
                        + " s (SWITCHBOARD_DB_START_SECONDS raises the limit); " + layout.log() + " ends:"
                        + System.lineSeparator() + logTail(8));
            }
            if (now > nextProgress) {
                nextProgress = now + PROGRESS_EVERY.toNanos();
                progress.accept("starting the database … " + (now - t0) / 1_000_000_000 + " s");
            }
            Thread.sleep(200);
        }
    }

    private boolean canLogIn() {
        try (var c = DriverManager.getConnection(jdbcUrl() + "?connectTimeout=2000", USER, password)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(layout.log());
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** On the watcher thread: the server stopped although nobody asked it to. Start it again until it runs. */
    private void died(MariaDbProcess dead) {
        if (closing || dead != process) {
            return;
        }
        log.error("the embedded database server mariadbd (pid {}, 127.0.0.1:{}, data {}) died (exit code {}); restarting it",
                dead.pid(), port, layout.data(), dead.exitCode());
        Duration wait = Duration.ofSeconds(1);
        while (!closing) {
            try {
                stopStale();
                launch();
                log.info("the embedded database server is back (pid {})", process.pid());
                return;
            } catch (IOException | RuntimeException e) {
                log.error("restarting the embedded database server failed: {}; trying again in {} s", e.getMessage(),
                        wait.toSeconds());
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : wait.multipliedBy(2);
        }
    }

    public int port() {
        return port;
    }

    /** The pid of the server process running now. */
    public long pid() {
        return process.pid();
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + SCHEMA;
    }

    /** The server without a database name, for creating databases (tests). */
    public String serverUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    /** The file holding the password of a kept installation (null for a temporary server). */
    public Path passwordFile() {
        return layout.temporaryRoot() == null ? layout.passwordFile() : null;
    }


    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true; // first, so a restart under way gives up
        synchronized (this) {
            stopProcess();
        }
        watcher.shutdownNow();
        if (layout.temporaryRoot() != null) {
            deleteTree(layout.temporaryRoot());
        }
    }

    /** For tests: forgets the server without stopping it, as an owner killed with SIGKILL would. */
    void abandon() {
        closing = true;
        watcher.shutdownNow();
    }

    private void stopProcess() {
        MariaDbProcess p = process;
        if (p != null && p.isAlive()) {
            p.stop(STOP_PATIENCE);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("could not delete {}: {}", root, e.getMessage());
        }
    }
}
