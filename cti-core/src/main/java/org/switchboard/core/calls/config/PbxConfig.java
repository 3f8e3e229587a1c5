package org.switchboard.core.calls.config;

import org.switchboard.core.config.YamlNodes;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.util.Map;
import java.util.Set;
import java.time.Duration;
import java.time.ZoneId;

import org.switchboard.pbx.ami.AmiSettings;

/** The {@code pbx:} section (the AMI link) and {@code capture:} of {@code switchboard.yaml}. */
public final class PbxConfig {

    private PbxConfig() {
    }

    /** The AMI link's settings; null when the section is missing or wrong (the errors say why). */
    public static AmiSettings read(YamlNodes y, Map<String, Node> top, MappingNode root, ZoneId zone) {
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
        return ami;
    }

    /** How long capture waits for Asterisk's {@code Cdr} event after a call's last hang-up. */
    public static Duration cdrGrace(YamlNodes y, Map<String, Node> top, MappingNode root) {
        Duration grace = Duration.ofSeconds(2);
        MappingNode capNode = y.mapping(top, "capture", "", root, false);
        if (capNode != null) {
            Map<String, Node> c = y.entries(capNode, "capture", Set.of("cdr-grace-seconds"));
            grace = Duration.ofSeconds(y.intInRange(c, "cdr-grace-seconds", "capture", capNode, 2, 0, 60));
        }
        return grace;
    }
}
