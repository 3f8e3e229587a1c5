package org.switchboard.core.support;

import org.switchboard.core.storage.Database;
import org.switchboard.embedded.EmbeddedMariaDb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real MariaDB server for tests: the one at {@code SWITCHBOARD_TEST_DB_URL} (e.g.
 * {@code jdbc:mariadb://127.0.0.1:3306/?user=root}) if set, else one embedded server per test JVM.
 * Each call to {@link #freshDatabase()} creates an empty database migrated like production.
 */
public final class TestDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static String serverUrl; // without a database name
    private static String user;
    private static String password;

    private TestDatabase() {
    }

    private static synchronized String server() {
        if (serverUrl == null) {
            String external = System.getenv("SWITCHBOARD_TEST_DB_URL");
            if (external != null && !external.isBlank()) {
                serverUrl = external.replaceAll("/[^/?]*(\\?.*)?$", "/");
                user = System.getenv().getOrDefault("SWITCHBOARD_TEST_DB_USER", "root");
                password = System.getenv().getOrDefault("SWITCHBOARD_TEST_DB_PASSWORD", "");
            } else {
                EmbeddedMariaDb db = EmbeddedMariaDb.start(null, 0);
                Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-mariadb-stop"));
                serverUrl = db.serverUrl();
                user = db.user();
                password = db.password();
            }
        }
        return serverUrl;
    }

    /** A new, migrated database on the test server. Close it when done. */
    public static Database freshDatabase() {
        String url = freshDatabaseUrl();
        return Database.connectAndMigrate(url, user, password);
    }

    public static String user() {
        server();
        return user;
    }

    public static String password() {
        server();
        return password;
    }

    /** The JDBC URL of a new, empty database on the test server. */
    public static String freshDatabaseUrl() {
        String base = server();
        String name = "sbtest_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
            // latin1 on purpose: the migrations alone must make text columns Unicode (V3__utf8mb4).
            s.execute("CREATE DATABASE " + name + " CHARACTER SET latin1");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + base + ": " + e.getMessage(), e);
        }
        return base + name;
    }
}
