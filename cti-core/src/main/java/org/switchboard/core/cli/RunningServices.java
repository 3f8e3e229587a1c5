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

    /** Starts the HTTP API on the configured host and the given port; returns the bound port. */
    public int startApi(SwitchboardConfig config, Database db, java.time.Clock clock,
                 org.switchboard.core.daemon.CaptureDaemon daemon, int port) throws InterruptedException {
        var users = new org.switchboard.core.auth.application.UserDesk(
                new org.switchboard.core.auth.infrastructure.UserRepository(db.dsl()), clock);
        if (users.all().isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(RunningServices.class).warn("no users yet: nobody can log in to the API or "
                    + "console; create the first admin with: scripts/switchboard user add NAME --role admin");
        }
        var access = new org.switchboard.core.api.ApiAccess(users,
                org.switchboard.core.auth.application.Sessions.standard(clock), config.http().tls());
        var tls = config.http().tls() ? org.switchboard.core.api.HttpApiServer.tlsFromKeystore(config.http().tlsKeystore(),
                config.http().tlsPassword().toCharArray()) : null;
        return add(new org.switchboard.core.api.HttpApiServer(access, tls).showingConfiguration(config)).start(config.http().host(), port,
                new org.switchboard.core.records.CallRecordDesk(config, db, clock),
                new org.switchboard.core.metrics.application.MetricsDesk(config, db, clock), daemon.liveBoard(), clock,
                config.hotelZone(), daemon.wakeupDesk(), daemon.folios(), daemon.stayDesk(), daemon::classOfServiceChanged,
                config.currency());
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
