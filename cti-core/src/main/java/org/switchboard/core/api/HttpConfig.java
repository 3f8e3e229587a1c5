package org.switchboard.core.api;

import org.switchboard.core.config.YamlNodes;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.util.Map;
import java.util.Set;
import java.nio.file.Files;
import java.nio.file.Path;

import org.switchboard.core.config.SwitchboardConfig;

/** The {@code http:} section of {@code switchboard.yaml}: where the console and API listen, and their TLS keystore. */
public final class HttpConfig {

    private HttpConfig() {
    }

    public static SwitchboardConfig.HttpSettings read(YamlNodes y, Map<String, Node> top, MappingNode root, Path home) {
        SwitchboardConfig.HttpSettings http = SwitchboardConfig.HttpSettings.defaults();
        MappingNode httpNode = y.mapping(top, "http", "", root, false);
        if (httpNode != null) {
            Map<String, Node> h = y.entries(httpNode, "http", Set.of("host", "port", "tls-keystore", "tls-password"));
            Path keystore = !h.containsKey("tls-keystore") ? null : y.value(h, "tls-keystore", "http", httpNode,
                    null, "a readable PKCS#12 keystore file (relative to the installation directory)",
                    v -> Files.isReadable(home.resolve(v)) ? home.resolve(v) : null);
            String tlsPassword = !h.containsKey("tls-password") ? null : y.text(h, "tls-password", "http", httpNode, null);
            if (keystore != null && tlsPassword == null) {
                y.error(h.get("tls-keystore"), "http.tls-password", "is needed with tls-keystore");
            }
            http = new SwitchboardConfig.HttpSettings(y.text(h, "host", "http", httpNode, "127.0.0.1"),
                    y.intInRange(h, "port", "http", httpNode, 8080, 0, 65535), keystore, tlsPassword);
        }
        return http;
    }
}
