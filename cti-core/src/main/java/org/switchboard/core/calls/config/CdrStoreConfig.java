package org.switchboard.core.calls.config;

import org.switchboard.core.config.YamlNodes;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The {@code cdr-store:} section of {@code switchboard.yaml}: where Asterisk keeps its own call records, read to
 * recover the calls the daemon did not see (a link outage, a stop). {@code csv-file:} is cdr_csv's
 * {@code Master.csv}, relative to the installation directory or absolute; it must be readable, or not exist yet in
 * a folder that does (Asterisk writes it at the first call). Without the section nothing is recovered.
 */
public final class CdrStoreConfig {

    private CdrStoreConfig() {
    }

    /** The Master.csv to read, or null without a {@code cdr-store:} section. */
    public static Path read(YamlNodes y, Map<String, Node> top, MappingNode root, Path home) {
        MappingNode node = y.mapping(top, "cdr-store", "", root, false);
        if (node == null) {
            return null;
        }
        Map<String, Node> s = y.entries(node, "cdr-store", Set.of("csv-file"));
        if (!s.containsKey("csv-file")) {
            y.error(node, "cdr-store.csv-file", "is required (the path of Asterisk's Master.csv)");
            return null;
        }
        return y.value(s, "csv-file", "cdr-store", node, null,
                "Asterisk's Master.csv, readable by this user (or not written yet, in a folder that exists)",
                v -> readable(home.resolve(v).normalize()));
    }

    private static Path readable(Path p) {
        boolean notYet = !Files.exists(p) && p.toAbsolutePath().getParent() != null
                && Files.isDirectory(p.toAbsolutePath().getParent());
        return Files.isReadable(p) && Files.isRegularFile(p) || notYet ? p : null;
    }
}
