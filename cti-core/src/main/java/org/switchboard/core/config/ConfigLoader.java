package org.switchboard.core.config;

import org.switchboard.core.folio.config.*;
import org.switchboard.core.metrics.config.*;
import org.switchboard.core.rating.config.*;
import org.switchboard.core.wakeup.config.*;
import org.switchboard.core.directory.Department;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.directory.Trunk;
import org.switchboard.core.metrics.model.MetricsSettings;
import org.switchboard.pbx.ami.AmiSettings;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads {@code switchboard.yaml} (hotel, PBX link, trunks, database, capture) and
 * {@code extensions.yaml} (departments, staff phones, rooms) from a configuration directory, and
 * reports every mistake at once, each as {@code file:line: key: message}.
 */
public final class ConfigLoader {

    public static final String MAIN_FILE = "switchboard.yaml";
    public static final String EXTENSIONS_FILE = "extensions.yaml";
    private static final Pattern EXTENSION = Pattern.compile("[0-9]{2,8}");
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9]+/[A-Za-z0-9_.@-]+");
    private static final Pattern RANGE = Pattern.compile("([0-9]{2,8})\\s*-\\s*([0-9]{2,8})");

    private ConfigLoader() {
    }

    /** The configuration, or a {@link ConfigException} listing every error found. */
    public static SwitchboardConfig load(Path dir, Path home) {
        List<ConfigError> errors = new ArrayList<>();
        String mainName = dir.resolve(MAIN_FILE).toString();
        YamlNodes y = new YamlNodes(mainName, errors);
        MappingNode root = y.load(dir.resolve(MAIN_FILE));
        YamlNodes extensionsFile = new YamlNodes(dir.resolve(EXTENSIONS_FILE).toString(), errors);
        Map<String, Node> callTypeNodes = new HashMap<>();
        Directory directory = loadDirectory(dir, extensionsFile, callTypeNodes);
        if (root == null) {
            throw new ConfigException(errors);
        }
        Map<String, Node> top = y.entries(root, "", Set.of("hotel", "pbx", "trunks", "database", "capture", "http",
                "metrics", "wakeup", "folio"));

        MappingNode hotelNode = y.mapping(top, "hotel", "", root, true);
        String hotelName = null;
        ZoneId zone = null;
        if (hotelNode != null) {
            Map<String, Node> h = y.entries(hotelNode, "hotel", Set.of("name", "timezone"));
            hotelName = y.text(h, "name", "hotel", hotelNode, null);
            zone = y.value(h, "timezone", "hotel", hotelNode, null, "a time zone such as Asia/Shanghai", ZoneId::of);
        }

        AmiSettings ami = null;
        MappingNode pbxNode = y.mapping(top, "pbx", "", root, true);
        if (pbxNode != null) {
            Map<String, Node> p = y.entries(pbxNode, "pbx", Set.of("host", "port", "username", "secret", "timezone",
                    "ping-interval-seconds", "read-timeout-seconds"));
            String host = y.text(p, "host", "pbx", pbxNode, null);
            int port = y.intInRange(p, "port", "pbx", pbxNode, 5038, 1, 65535);
            String user = y.text(p, "username", "pbx", pbxNode, null);
            String secret = y.text(p, "secret", "pbx", pbxNode, null);
            ZoneId pbxZone = p.containsKey("timezone")
                    ? y.value(p, "timezone", "pbx", pbxNode, null, "a time zone such as Asia/Shanghai", ZoneId::of)
                    : zone;
            int ping = y.intInRange(p, "ping-interval-seconds", "pbx", pbxNode, 10, 1, 300);
            int readTimeout = y.intInRange(p, "read-timeout-seconds", "pbx", pbxNode, 30, 2, 3600);
            if (readTimeout <= ping) {
                y.error(p.getOrDefault("read-timeout-seconds", pbxNode), "pbx.read-timeout-seconds",
                        "must be longer than ping-interval-seconds (" + ping + ")");
            }
            if (host != null && user != null && secret != null && pbxZone != null) {
                ami = new AmiSettings(host, port, user, secret, pbxZone, Duration.ofSeconds(ping),
                        Duration.ofSeconds(readTimeout), Duration.ofSeconds(5), Duration.ofMillis(500),
                        Duration.ofSeconds(30), 100_000);
            }
        }

        List<Trunk> trunks = new ArrayList<>();
        String did = null;
        List<Node> trunkNodes = y.sequence(top, "trunks", "", root);
        if (!top.containsKey("trunks")) {
            y.error(root, "trunks", "missing: name at least one trunk (its Asterisk device, e.g. SIP/trunk)");
        }
        for (int i = 0; i < trunkNodes.size(); i++) {
            String path = "trunks[" + i + "]";
            if (!(trunkNodes.get(i) instanceof MappingNode tn)) {
                y.error(trunkNodes.get(i), path, "expected name and device");
                continue;
            }
            Map<String, Node> t = y.entries(tn, path, Set.of("name", "device", "did"));
            String name = y.text(t, "name", path, tn, null);
            String device = y.value(t, "device", path, tn, null, "an Asterisk device like SIP/trunk or PJSIP/carrier",
                    s -> DEVICE.matcher(s).matches() ? s : null);
            String trunkDid = y.text(t, "did", path, tn, "");
            if (name != null && device != null) {
                trunks.add(new Trunk(name, device));
                if (did == null && !trunkDid.isEmpty()) {
                    did = trunkDid;
                }
            }
        }

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

        Duration grace = Duration.ofSeconds(2);
        MappingNode capNode = y.mapping(top, "capture", "", root, false);
        if (capNode != null) {
            Map<String, Node> c = y.entries(capNode, "capture", Set.of("cdr-grace-seconds"));
            grace = Duration.ofSeconds(y.intInRange(c, "cdr-grace-seconds", "capture", capNode, 2, 0, 60));
        }
        SwitchboardConfig.HttpSettings http = SwitchboardConfig.HttpSettings.defaults();
        MappingNode httpNode = y.mapping(top, "http", "", root, false);
        if (httpNode != null) {
            Map<String, Node> h = y.entries(httpNode, "http", Set.of("host", "port", "tls-keystore", "tls-password"));
            java.nio.file.Path keystore = !h.containsKey("tls-keystore") ? null : y.value(h, "tls-keystore", "http", httpNode,
                    null, "a readable PKCS#12 keystore file (relative to the installation directory)",
                    v -> java.nio.file.Files.isReadable(home.resolve(v)) ? home.resolve(v) : null);
            String tlsPassword = !h.containsKey("tls-password") ? null : y.text(h, "tls-password", "http", httpNode, null);
            if (keystore != null && tlsPassword == null) {
                y.error(h.get("tls-keystore"), "http.tls-password", "is needed with tls-keystore");
            }
            http = new SwitchboardConfig.HttpSettings(y.text(h, "host", "http", httpNode, "127.0.0.1"),
                    y.intInRange(h, "port", "http", httpNode, 8080, 0, 65535), keystore, tlsPassword);
        }
        MetricsSettings metrics = MetricsConfig.read(y, top, root);
        MetricsConfig.checkCallTypes(extensionsFile, directory.departments(), callTypeNodes, metrics);
        org.switchboard.core.wakeup.model.WakeupSettings wakeup = WakeupConfig.read(y, top, root, directory);
        org.switchboard.core.folio.model.FolioSettings folio = FolioConfig.read(y, top, root);
        org.switchboard.billing.rating.TariffBook tariffs = null;
        try {
            tariffs = TariffLoader.loadAll(dir);
        } catch (ConfigException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        Directory withTrunks = new Directory(directory.extensions(), directory.departments(), trunks);
        return new SwitchboardConfig(hotelName, zone, ami, database, grace, did == null ? "" : did, withTrunks, tariffs, http,
                metrics, wakeup, folio);
    }

    private static Directory loadDirectory(Path dir, YamlNodes y, Map<String, Node> callTypeNodes) {
        MappingNode root = y.load(dir.resolve(EXTENSIONS_FILE));
        Map<String, Extension> extensions = new LinkedHashMap<>();
        Map<String, Department> departments = new LinkedHashMap<>();
        if (root == null) {
            return new Directory(extensions, departments, List.of());
        }
        Map<String, Integer> firstLine = new HashMap<>();
        Map<String, Node> top = y.entries(root, "", Set.of("departments", "staff", "rooms"));
        List<Node> deps = y.sequence(top, "departments", "", root);
        for (int i = 0; i < deps.size(); i++) {
            String path = "departments[" + i + "]";
            if (!(deps.get(i) instanceof MappingNode dn)) {
                y.error(deps.get(i), path, "expected id and name");
                continue;
            }
            Map<String, Node> d = y.entries(dn, path, Set.of("id", "name", "answer-threshold-seconds", "call-type"));
            String id = y.value(d, "id", path, dn, null, "an id of lower-case letters, digits and dashes",
                    s -> s.matches("[a-z0-9-]+") ? s : null);
            String dname = y.text(d, "name", path, dn, null);
            int threshold = y.intInRange(d, "answer-threshold-seconds", path, dn, 3, 1, 120);
            String callType = y.value(d, "call-type", path, dn, "", "a call type such as inquiry or booking",
                    s -> s.isEmpty() || s.matches("[a-z0-9-]+") ? s : null);
            if (id != null && dname != null) {
                if (departments.containsKey(id)) {
                    y.error(dn, path + ".id", "department '" + id + "' is defined twice");
                }
                departments.put(id, new Department(id, dname, threshold,
                        callType == null || callType.isEmpty() ? null : callType));
                callTypeNodes.put(id, d.getOrDefault("call-type", dn));
            }
        }
        List<Node> staff = y.sequence(top, "staff", "", root);
        for (int i = 0; i < staff.size(); i++) {
            String path = "staff[" + i + "]";
            if (!(staff.get(i) instanceof MappingNode sn)) {
                y.error(staff.get(i), path, "expected extension, department and name");
                continue;
            }
            Map<String, Node> s = y.entries(sn, path, Set.of("extension", "department", "name"));
            String ext = y.value(s, "extension", path, sn, null, "an extension number (2-8 digits)",
                    v -> EXTENSION.matcher(v).matches() ? v : null);
            String dep = y.value(s, "department", path, sn, null, "a department id listed under departments",
                    v -> departments.containsKey(v) ? v : null);
            String sname = y.text(s, "name", path, sn, "");
            if (ext != null && dep != null) {
                add(y, extensions, firstLine, new Extension(ext, null, dep, sname.isEmpty() ? ext : sname), sn,
                        path + ".extension");
            }
        }
        List<Node> rooms = y.sequence(top, "rooms", "", root);
        for (int i = 0; i < rooms.size(); i++) {
            String path = "rooms[" + i + "]";
            if (!(rooms.get(i) instanceof MappingNode rn)) {
                y.error(rooms.get(i), path, "expected room and extension, or range");
                continue;
            }
            Map<String, Node> r = y.entries(rn, path, Set.of("room", "extension", "range"));
            if (r.containsKey("range")) {
                Matcher m = y.value(r, "range", path, rn, null, "a range of room numbers like 101-130",
                        v -> {
                            Matcher mm = RANGE.matcher(v);
                            return mm.matches() && Integer.parseInt(mm.group(1)) <= Integer.parseInt(mm.group(2))
                                    && Integer.parseInt(mm.group(2)) - Integer.parseInt(mm.group(1)) < 10_000
                                    ? mm : null;
                        });
                if (m != null) {
                    for (int n = Integer.parseInt(m.group(1)); n <= Integer.parseInt(m.group(2)); n++) {
                        String num = String.valueOf(n);
                        add(y, extensions, firstLine, new Extension(num, num, null, "Room " + num), rn, path + ".range");
                    }
                }
                continue;
            }
            String room = y.value(r, "room", path, rn, null, "a room number (letters, digits, dashes)",
                    v -> v.matches("[A-Za-z0-9-]{1,16}") ? v : null);
            String ext = y.value(r, "extension", path, rn, null, "an extension number (2-8 digits)",
                    v -> EXTENSION.matcher(v).matches() ? v : null);
            if (room != null && ext != null) {
                add(y, extensions, firstLine, new Extension(ext, room, null, "Room " + room), rn, path + ".extension");
            }
        }
        return new Directory(extensions, departments, List.of());
    }

    private static void add(YamlNodes y, Map<String, Extension> extensions, Map<String, Integer> firstLine,
                            Extension e, Node at, String key) {
        if (extensions.containsKey(e.number())) {
            y.error(at, key, "extension " + e.number() + " is already assigned on line " + firstLine.get(e.number()));
            return;
        }
        extensions.put(e.number(), e);
        firstLine.put(e.number(), YamlNodes.line(at));
    }
}
