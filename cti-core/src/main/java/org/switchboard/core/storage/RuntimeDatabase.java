package org.switchboard.core.storage;

import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.embedded.OwnerOnlyFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the running daemon's database is, for CLI commands in another terminal. The process that
 * starts an embedded MariaDB writes {@code var/run/database.properties} (URL and its pid) and removes
 * it on exit; with an external database the configuration's URL is used directly.
 */
public final class RuntimeDatabase {

    private RuntimeDatabase() {
    }

    public static Path file(Path home) {
        return home.resolve("var/run/database.properties");
    }

    /** Refuses to start a second daemon on the same installation (two servers on one data directory corrupt it). */
    public static void requireNoneRunning(Path home) {
        Path f = file(home);
        if (!Files.isRegularFile(f)) {
            return;
        }
        Properties p = read(f);
        long pid = Long.parseLong(p.getProperty("pid", "-1"));
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException("Switchboard " + p.getProperty("started-by", "") + " is already running "
                    + "(pid " + pid + ", " + f + "); stop it first");
        }
    }

    private static Properties read(Path f) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
        return p;
    }

    /** Writes the running server's address (mode 0600: it names the password file) for CLI commands. */
    public static void publish(Path home, String url, String user, Path passwordFile, String who) {
        Properties p = new Properties();
        p.setProperty("url", url);
        p.setProperty("user", user);
        p.setProperty("password-file", passwordFile.toAbsolutePath().toString());
        p.setProperty("pid", String.valueOf(ProcessHandle.current().pid()));
        p.setProperty("started-by", who);
        try {
            java.io.StringWriter text = new java.io.StringWriter();
            p.store(text, "written by the running Switchboard " + who + "; removed when it stops");
            OwnerOnlyFiles.writeSecret(file(home), text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(home), e);
        }
    }

    public static void withdraw(Path home) {
        try {
            Files.deleteIfExists(file(home));
        } catch (IOException e) {
            // nothing to do: a stale file is detected by its dead pid
        }
    }

    private static String password(Properties p, Path f) {
        String file = p.getProperty("password-file");
        if (file == null) {
            throw new IllegalStateException(f + " names no password-file: restart the Switchboard that wrote it");
        }
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the database password file " + file + " (" + e.getMessage()
                    + "): run this command as the user the daemon runs as");
        }
    }

    /** Connects to the running daemon's database, or explains why there is none. */
    public static Database connect(Path home, SwitchboardConfig config) {
        SwitchboardConfig.DatabaseSettings db = config.database();
        if (!db.embedded()) {
            return Database.connect(db.url(), db.user(), db.password());
        }
        Path f = file(home);
        if (Files.isRegularFile(f)) {
            Properties p = read(f);
            long pid = Long.parseLong(p.getProperty("pid", "-1"));
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return Database.connect(p.getProperty("url"), p.getProperty("user"), password(p, f));
            }
        }
        throw new IllegalStateException("no running Switchboard database: start 'scripts/switchboard demo' or "
                + "'scripts/switchboard run' first (embedded MariaDB lives as long as that process)");
    }
}
