package org.switchboard.core.storage;

import org.switchboard.core.config.YamlNodes;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.util.Map;
import java.util.Set;
import java.nio.file.Path;

import org.switchboard.core.config.SwitchboardConfig;

/** The {@code database:} section of {@code switchboard.yaml}: embedded (the default) or an external MariaDB. */
public final class DatabaseConfig {

    private DatabaseConfig() {
    }

    public static SwitchboardConfig.DatabaseSettings read(YamlNodes y, Map<String, Node> top, MappingNode root, Path home) {
        SwitchboardConfig.DatabaseSettings database = null;
        MappingNode dbNode = y.mapping(top, "database", "", root, true);
        if (dbNode != null) {
            Map<String, Node> d = y.entries(dbNode, "database",
                    Set.of("mode", "url", "user", "password", "data-dir", "embedded-port"));
            String mode = y.value(d, "mode", "database", dbNode, "embedded", "'embedded' or 'external'",
                    s -> s.equals("embedded") || s.equals("external") ? s : null);
            boolean embedded = !"external".equals(mode);
            String url = y.value(d, "url", "database", dbNode, embedded ? "" : null,
                    "a MariaDB JDBC URL (jdbc:mariadb://host:port/database)",
                    s -> s.isEmpty() || s.startsWith("jdbc:mariadb://") ? s : null);
            String user = y.text(d, "user", "database", dbNode, embedded ? "switchboard" : null);
            String password = y.text(d, "password", "database", dbNode, "");
            String dataDir = y.text(d, "data-dir", "database", dbNode, "var/data");
            int embeddedPort = y.intInRange(d, "embedded-port", "database", dbNode, 0, 0, 65535);
            Path data = dataDir == null ? null : home.resolve(dataDir).normalize();
            database = new SwitchboardConfig.DatabaseSettings(embedded, url, user, password, data, embeddedPort);
        }
        return database;
    }
}
