package org.switchboard.core.calls.config;

import org.switchboard.core.config.YamlNodes;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code cdr-store:} section of {@code switchboard.yaml}: where Asterisk keeps its own call records, read to
 * recover the calls the daemon did not see (a link outage, a stop). Either {@code csv-file:} — cdr_csv's
 * {@code Master.csv}, relative to the installation directory or absolute; readable, or not written yet in a folder
 * that exists — or a table: {@code url:} ({@code jdbc:mariadb://…}, MySQL servers too), {@code user:},
 * {@code password:} or {@code password-file:}, {@code table:} (default {@code cdr}). Without the section nothing is
 * recovered.
 */
public final class CdrStoreConfig {

    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_$]+(\\.[A-Za-z0-9_$]+)?");

    private CdrStoreConfig() {
    }

    /** The store to read, or null without a {@code cdr-store:} section. */
    public static CdrStoreSettings read(YamlNodes y, Map<String, Node> top, MappingNode root, Path home, String file) {
        MappingNode node = y.mapping(top, "cdr-store", "", root, false);
        if (node == null) {
            return null;
        }
        Map<String, Node> s = y.entries(node, "cdr-store",
                Set.of("csv-file", "url", "user", "password", "password-file", "table"));
        if (s.containsKey("csv-file") == s.containsKey("url")) {
            y.error(node, "cdr-store", "needs either csv-file (Asterisk's Master.csv) or url (its cdr table), not "
                    + (s.containsKey("url") ? "both" : "neither"));
            return null;
        }
        if (s.containsKey("csv-file")) {
            Path csv = y.value(s, "csv-file", "cdr-store", node, null,
                    "Asterisk's Master.csv, readable by this user (or not written yet, in a folder that exists)",
                    v -> readable(home.resolve(v).normalize()));
            return csv == null ? null : new CdrStoreSettings.CsvFile(csv);
        }
        return table(y, s, node, home, file);
    }

    private static CdrStoreSettings table(YamlNodes y, Map<String, Node> s, MappingNode node, Path home, String file) {
        String url = y.value(s, "url", "cdr-store", node, null, "a JDBC URL jdbc:mariadb://HOST[:PORT]/DATABASE",
                v -> v.startsWith("jdbc:mariadb://") ? v : null);
        String user = y.text(s, "user", "cdr-store", node, null);
        String password = null;
        if (s.containsKey("password") == s.containsKey("password-file")) {
            y.error(node, "cdr-store", "needs either password or password-file (a file holding it), not "
                    + (s.containsKey("password") ? "both" : "neither"));
        } else if (s.containsKey("password")) {
            password = y.text(s, "password", "cdr-store", node, "");
        } else {
            password = y.value(s, "password-file", "cdr-store", node, null, "a file this user can read",
                    v -> firstLine(home.resolve(v).normalize()));
        }
        String table = y.value(s, "table", "cdr-store", node, "cdr", "a table name (cdr, or database.cdr)",
                v -> TABLE.matcher(v).matches() ? v : null);
        Node at = s.get("url");
        return url == null || user == null || password == null || table == null ? null
                : new CdrStoreSettings.Table(url, user, password, table, file + ":" + YamlNodes.line(at));
    }

    private static String firstLine(Path p) {
        try {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            return (nl < 0 ? text : text.substring(0, nl)).strip();
        } catch (IOException e) {
            return null;
        }
    }

    private static Path readable(Path p) {
        boolean notYet = !Files.exists(p) && p.toAbsolutePath().getParent() != null
                && Files.isDirectory(p.toAbsolutePath().getParent());
        return Files.isReadable(p) && Files.isRegularFile(p) || notYet ? p : null;
    }
}
