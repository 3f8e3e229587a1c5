package org.switchboard.core.directory.config;

import org.switchboard.core.config.YamlNodes;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.util.Map;
import java.util.Set;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.switchboard.core.directory.Department;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;

/** {@code extensions.yaml}: the departments, the staff phones and the rooms, each extension once. */
public final class ExtensionsFile {

    public static final String FILE = "extensions.yaml";
    private static final Pattern EXTENSION = Pattern.compile("[0-9]{2,8}");
    private static final Pattern RANGE = Pattern.compile("([0-9]{2,8})\\s*-\\s*([0-9]{2,8})");

    private ExtensionsFile() {
    }

    /** The directory (without trunks); {@code callTypeNodes} gets each department's call-type node, for later checks. */
    public static Directory load(Path dir, YamlNodes y, Map<String, Node> callTypeNodes) {
        MappingNode root = y.load(dir.resolve(FILE));
        Map<String, Extension> extensions = new LinkedHashMap<>();
        Map<String, Department> departments = new LinkedHashMap<>();
        if (root == null) {
            return new Directory(extensions, departments, List.of());
        }
        Map<String, Integer> firstLine = new HashMap<>();
        Map<String, Node> top = y.entries(root, "", Set.of("departments", "staff", "rooms"));
        departments(y, top, root, departments, callTypeNodes);
        staff(y, top, root, departments, extensions, firstLine);
        rooms(y, top, root, extensions, firstLine);
        return new Directory(extensions, departments, List.of());
    }

    private static void departments(YamlNodes y, Map<String, Node> top, MappingNode root,
                                    Map<String, Department> departments, Map<String, Node> callTypeNodes) {
        for (YamlNodes.Item item : y.mappings(top, "departments", "", root, "id and name",
                Set.of("id", "name", "answer-threshold-seconds", "call-type"))) {
            String path = item.path();
            MappingNode dn = item.node();
            Map<String, Node> d = item.fields();
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
    }

    private static void staff(YamlNodes y, Map<String, Node> top, MappingNode root, Map<String, Department> departments,
                              Map<String, Extension> extensions, Map<String, Integer> firstLine) {
        for (YamlNodes.Item item : y.mappings(top, "staff", "", root, "extension, department and name",
                Set.of("extension", "department", "name"))) {
            String path = item.path();
            MappingNode sn = item.node();
            Map<String, Node> s = item.fields();
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
    }

    private static void rooms(YamlNodes y, Map<String, Node> top, MappingNode root, Map<String, Extension> extensions,
                              Map<String, Integer> firstLine) {
        for (YamlNodes.Item item : y.mappings(top, "rooms", "", root, "room and extension, or range",
                Set.of("room", "extension", "range"))) {
            String path = item.path();
            MappingNode rn = item.node();
            Map<String, Node> r = item.fields();
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
