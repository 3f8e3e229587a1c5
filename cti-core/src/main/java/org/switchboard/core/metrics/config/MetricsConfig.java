package org.switchboard.core.metrics.config;

import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import org.switchboard.core.directory.Department;
import org.switchboard.core.metrics.model.MetricsSettings;
import org.switchboard.core.metrics.model.RingCadence;
import org.switchboard.core.metrics.model.ShiftPlan;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code metrics:} section of {@code switchboard.yaml}: ring cadence (a country preset or on/off
 * seconds), shifts (name and start; each runs until the next) and talk-time targets per call type.
 * Every mistake is reported with file, line and key.
 */
public final class MetricsConfig {

    private MetricsConfig() {
    }

    public static MetricsSettings read(YamlNodes y, Map<String, Node> top, Node root) {
        MappingNode node = y.mapping(top, "metrics", "", root, false);
        if (node == null) {
            return MetricsSettings.defaults();
        }
        Map<String, Node> m = y.entries(node, "metrics", Set.of("ring-cadence", "shifts", "talk-targets-seconds"));
        RingCadence cadence = cadence(y, m.get("ring-cadence"));
        ShiftPlan shifts = shifts(y, y.sequence(m, "shifts", "metrics", node));
        Map<String, Integer> targets = new LinkedHashMap<>();
        MappingNode t = y.mapping(m, "talk-targets-seconds", "metrics", node, false);
        if (t != null) {
            for (NodeTuple e : t.getValue()) {
                String type = e.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                String key = "metrics.talk-targets-seconds." + type;
                if (!type.matches("[a-z0-9-]+")) {
                    y.error(e.getKeyNode(), key, "a call type is lower-case letters, digits and dashes");
                    continue;
                }
                Integer seconds = wholeNumber(e.getValueNode(), 1, 86_400);
                if (seconds == null) {
                    y.error(e.getValueNode(), key, "'" + scalar(e.getValueNode()) + "' is not a whole number of seconds from 1 to 86400");
                } else if (targets.put(type, seconds) != null) {
                    y.error(e.getKeyNode(), key, "call type given twice");
                }
            }
        }
        return new MetricsSettings(cadence == null ? RingCadence.china() : cadence,
                shifts == null ? ShiftPlan.wholeDay() : shifts, targets);
    }

    /** Departments naming a call type must name one with a talk target. */
    public static void checkCallTypes(YamlNodes extensionsFile, Map<String, Department> departments,
                               Map<String, Node> callTypeNodes, MetricsSettings settings) {
        for (Department d : departments.values()) {
            if (d.callType() != null && !settings.talkTargetSeconds().containsKey(d.callType())) {
                extensionsFile.error(callTypeNodes.get(d.id()), "departments." + d.id() + ".call-type",
                        "'" + d.callType() + "' has no talk target; add it under metrics.talk-targets-seconds in "
                                + ConfigLoader.MAIN_FILE + " (known: " + String.join(", ", settings.talkTargetSeconds().keySet()) + ")");
            }
        }
    }

    private static RingCadence cadence(YamlNodes y, Node n) {
        String key = "metrics.ring-cadence";
        if (n == null) {
            return null;
        }
        if (n instanceof ScalarNode s) {
            String preset = s.getValue().trim().toLowerCase();
            if (RingCadence.PRESETS.containsKey(preset)) {
                return RingCadence.of(preset, RingCadence.PRESETS.get(preset));
            }
            y.error(n, key, "'" + s.getValue() + "' is not a known cadence (cn, uk, us) nor a list of on/off seconds like [1.0, 4.0]");
            return null;
        }
        if (n instanceof SequenceNode seq) {
            List<Double> seconds = new ArrayList<>();
            for (Node item : seq.getValue()) {
                String v = scalar(item);
                try {
                    double d = Double.parseDouble(v);
                    if (d > 0 && d <= 60) {
                        seconds.add(d);
                        continue;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                y.error(item, key, "'" + v + "' is not a time in seconds between 0 and 60, like 0.4");
                return null;
            }
            if (seconds.isEmpty() || seconds.size() % 2 != 0) {
                y.error(n, key, "give on/off pairs of seconds, e.g. [1.0, 4.0] or [0.4, 0.2, 0.4, 2.0]; got "
                        + seconds.size() + " value(s)");
                return null;
            }
            return RingCadence.of("custom", seconds);
        }
        y.error(n, key, "expected cn, uk, us or a list of on/off seconds");
        return null;
    }

    private static ShiftPlan shifts(YamlNodes y, List<Node> nodes) {
        if (nodes.isEmpty()) {
            return null;
        }
        List<ShiftPlan.Shift> shifts = new ArrayList<>();
        Map<Object, Integer> seen = new HashMap<>();
        boolean ok = true;
        for (int i = 0; i < nodes.size(); i++) {
            String path = "metrics.shifts[" + i + "]";
            if (!(nodes.get(i) instanceof MappingNode sn)) {
                y.error(nodes.get(i), path, "expected name and start");
                ok = false;
                continue;
            }
            Map<String, Node> s = y.entries(sn, path, Set.of("name", "start"));
            String name = y.value(s, "name", path, sn, null, "a name of letters, digits and dashes",
                    v -> v.matches("[A-Za-z0-9-]{1,32}") ? v : null);
            LocalTime start = y.value(s, "start", path, sn, null, "a time of day like \"07:00\"",
                    v -> v.matches("\\d{2}:\\d{2}") ? LocalTime.parse(v) : null);
            if (name == null || start == null) {
                ok = false;
                continue;
            }
            for (Object k : List.of(name, start)) {
                Integer line = seen.putIfAbsent(k, YamlNodes.line(sn));
                if (line != null) {
                    y.error(sn, path, (k instanceof String ? "name '" + k + "'" : "start " + k) + " is also used on line " + line);
                    ok = false;
                }
            }
            shifts.add(new ShiftPlan.Shift(name, start));
        }
        return ok ? new ShiftPlan(shifts) : null;
    }

    private static Integer wholeNumber(Node n, int min, int max) {
        try {
            int v = Integer.parseInt(scalar(n).trim());
            return v >= min && v <= max ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : "(not a single value)";
    }
}
