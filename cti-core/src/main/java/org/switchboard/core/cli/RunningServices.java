package org.switchboard.core.cli;

import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.storage.Database;
import org.switchboard.embedded.EmbeddedMariaDb;
import org.switchboard.core.storage.RuntimeDatabase;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** What a long-running command started, closed in reverse order exactly once (shutdown hook or normal end). */
public final class RunningServices implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private boolean closed;

    public <T extends AutoCloseable> T add(T service) {
        started.push(service);
        return service;
    }

    /** The database for a daemon: an embedded server in {@code dataDir}, or the configured external one. */
    public Database database(SwitchboardConfig.DatabaseSettings settings, Path dataDir, Path home, String who,
                      java.util.function.Consumer<String> progress) {
        if (!settings.embedded()) {
            return add(Database.connectAndMigrate(settings.url(), settings.user(), settings.password()));
        }
        RuntimeDatabase.requireNoneRunning(home);
        EmbeddedMariaDb server = add(EmbeddedMariaDb.start(dataDir, settings.embeddedPort(), progress));
        Database db = add(Database.connectAndMigrate(server));
        RuntimeDatabase.publish(home, server.jdbcUrl(), server.user(), server.passwordFile(), who);
        add(() -> RuntimeDatabase.withdraw(home));
        return db;
    }

    /** Progress lines of a start ("starting the database … 12 s") on the command's output, as they happen. */
    public static java.util.function.Consumer<String> printing(java.io.PrintWriter out) {
        return line -> {
            out.println("  " + line);
            out.flush();
        };
    }

    public void closeOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "switchboard-shutdown"));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
    }
}
