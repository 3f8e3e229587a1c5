package org.switchboard.core.support;

import org.switchboard.core.storage.Database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A configuration directory for CLI tests: a small hotel on a fresh, migrated test database. */
public final class TestConfigDir {

    private TestConfigDir() {
    }

    /** Writes switchboard.yaml (Asia/Shanghai, external test database) and extensions.yaml with the given rooms. */
    public static Path create(Path home, String roomRange) throws IOException {
        Path config = Files.createDirectories(home.resolve("config"));
        String url = TestDatabase.freshDatabaseUrl();
        Database.connectAndMigrate(url, TestDatabase.user(), TestDatabase.password()).close(); // as the daemon would
        Files.writeString(config.resolve("switchboard.yaml"), """
                hotel: { name: Test Hotel, timezone: Asia/Shanghai }
                pbx: { host: 127.0.0.1, port: 5038, username: cti, secret: s }
                trunks: [ { name: pstn, device: SIP/trunk } ]
                database: { mode: external, url: "%s", user: %s, password: "%s" }
                """.formatted(url, TestDatabase.user(), TestDatabase.password()));
        Files.writeString(config.resolve("extensions.yaml"), "rooms: [ { range: " + roomRange + " } ]\n");
        return config;
    }
}
