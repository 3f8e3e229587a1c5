package org.switchboard.embedded;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.zaxxer.hikari.HikariDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded server as an installation uses it: a real mariadbd in a kept data folder. */
class EmbeddedMariaDbTest {

    @TempDir
    Path home;

    @Test
    @DisplayName("the server listens on loopback only, without TLS, and refuses root and anonymous logins over TCP")
    void closedToEveryoneElse() throws Exception {
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(home.resolve("data"), 0)) {
            try (var c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
                 var rs = c.createStatement().executeQuery("SELECT @@bind_address, @@have_ssl, @@skip_networking")) {
                assertTrue(rs.next());
                assertEquals("127.0.0.1", rs.getString(1));
                assertEquals("DISABLED", rs.getString(2));
            }
            for (String user : new String[]{"root", "", "switchboard"}) {
                SQLException refused = assertThrows(SQLException.class,
                        () -> DriverManager.getConnection(server.jdbcUrl(), user, "").close(), "user '" + user + "' with no password");
                assertTrue(refused.getMessage().contains("Access denied"), refused.getMessage());
            }
        }
    }

    @Test
    @DisplayName("the password is generated once per installation, kept in a file only its owner can read, and kept across restarts")
    void passwordPerInstallation() throws Exception {
        Path data = home.resolve("data");
        String first;
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(data, 0)) {
            first = server.password();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(server.passwordFile())));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
            assertEquals(first, Files.readString(server.passwordFile()).trim());
        }
        try (EmbeddedMariaDb again = EmbeddedMariaDb.start(data, 0)) {
            assertEquals(first, again.password());
            assertEquals(1, selectOne(again));
        }
    }

    @Test
    @DisplayName("a mariadbd left running by an owner that was killed is stopped, and the next start comes up on the same data")
    void staleServerFromACrashedOwner() throws Exception {
        Path data = home.resolve("data");
        EmbeddedMariaDb crashed = EmbeddedMariaDb.start(data, 0);
        long orphan = crashed.pid();
        crashed.abandon(); // as if its JVM had been killed -9: mariadbd lives on
        try (EmbeddedMariaDb next = EmbeddedMariaDb.start(data, 0)) {
            assertFalse(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), "the orphan was stopped");
            assertEquals(1, selectOne(next));
        }
    }

    @Test
    @DisplayName("a mariadbd that dies is restarted on the same port, and the daemon's pool works again")
    void diedAndRestarted() throws Exception {
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(home.resolve("data"), 0); HikariDataSource pool = pool(server)) {
            long before = server.pid();
            ProcessHandle.of(before).orElseThrow().destroyForcibly();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            Object answer = null;
            while (answer == null && System.nanoTime() < deadline) {
                try {
                    try (var c = pool.getConnection(); var rs = c.createStatement().executeQuery("SELECT 1")) {
                        answer = rs.next() ? rs.getInt(1) : null;
                    }
                } catch (SQLException stillDown) {
                    Thread.sleep(200);
                }
            }
            assertEquals(1, answer, "the pool reconnected to the restarted server");
            assertNotEquals(before, server.pid());
        }
    }

    private static int selectOne(EmbeddedMariaDb server) throws SQLException {
        try (var c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             var rs = c.createStatement().executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A connection pool as the daemon keeps one. */
    private static HikariDataSource pool(EmbeddedMariaDb server) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername(server.user());
        pool.setPassword(server.password());
        pool.setConnectionTimeout(2000);
        return pool;
    }
}
