package org.switchboard.core.directory.config;

import org.switchboard.core.config.YamlNodes;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.util.Map;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.switchboard.core.directory.Trunk;

/** The {@code trunks:} section of {@code switchboard.yaml}: the hotel's outside lines and its own number. */
public final class TrunksConfig {

    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9]+/[A-Za-z0-9_.@-]+");

    /** The trunks, and the first trunk's DID ("" when none is given). */
    public record Trunks(List<Trunk> trunks, String did) {
    }

    private TrunksConfig() {
    }

    public static Trunks read(YamlNodes y, Map<String, Node> top, MappingNode root) {
        List<Trunk> trunks = new ArrayList<>();
        String did = null;
        if (!top.containsKey("trunks")) {
            y.error(root, "trunks", "missing: name at least one trunk (its Asterisk device, e.g. SIP/trunk)");
        }
        for (YamlNodes.Item item : y.mappings(top, "trunks", "", root, "name and device",
                Set.of("name", "device", "did"))) {
            String path = item.path();
            MappingNode tn = item.node();
            Map<String, Node> t = item.fields();
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
        return new Trunks(trunks, did == null ? "" : did);
    }
}
