package org.switchboard.core.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one YAML file as a node tree (SnakeYAML's composer keeps line numbers) and collects errors
 * that name the file, line and dotted key. Values are read as text and checked here, so that a
 * mistake is reported where the administrator made it. Not thread-safe; one per file.
 */
public final class YamlNodes {

    private final String file;
    private final List<ConfigError> errors;

    public YamlNodes(String file, List<ConfigError> errors) {
        this.file = file;
        this.errors = errors;
    }

    /** The root mapping, or null (with an error) if the file is missing, unreadable or not a mapping. */
    public MappingNode load(Path path) {
        if (!Files.isRegularFile(path)) {
            errors.add(new ConfigError(file, 0, "(file)", "file not found"));
            return null;
        }
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Node root = new Yaml(new LoaderOptions()).compose(r);
            if (root instanceof MappingNode m) {
                return m;
            }
            errors.add(new ConfigError(file, root == null ? 1 : line(root), "(file)", "expected a mapping of keys"));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            errors.add(new ConfigError(file, line, "(syntax)", e.getProblem()));
        } catch (IOException e) {
            errors.add(new ConfigError(file, 0, "(file)", "cannot read: " + e.getMessage()));
        }
        return null;
    }

    public static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    /** The keys of a mapping, checked against the allowed ones (a typo is an error, not ignored). */
    public Map<String, Node> entries(MappingNode m, String path, Set<String> allowed) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            String full = path.isEmpty() ? key : path + "." + key;
            if (!allowed.contains(key)) {
                error(t.getKeyNode(), full, "unknown key (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            } else if (out.containsKey(key)) {
                error(t.getKeyNode(), full, "key given twice");
            } else {
                out.put(key, t.getValueNode());
            }
        }
        return out;
    }

    public MappingNode mapping(Map<String, Node> entries, String key, String path, Node parent, boolean required) {
        Node n = entries.get(key);
        String full = join(path, key);
        if (n == null) {
            if (required) {
                error(parent, full, "missing");
            }
            return null;
        }
        if (n instanceof MappingNode m) {
            return m;
        }
        error(n, full, "expected a mapping of keys");
        return null;
    }

    public List<Node> sequence(Map<String, Node> entries, String key, String path, Node parent) {
        Node n = entries.get(key);
        if (n == null) {
            return List.of();
        }
        if (n instanceof SequenceNode s) {
            return new ArrayList<>(s.getValue());
        }
        error(n, join(path, key), "expected a list");
        return List.of();
    }

    /** One mapping of a list: where it is ({@code rooms[3]}), its node, and its fields (unknown keys reported). */
    public record Item(String path, MappingNode node, Map<String, Node> fields) {
    }

    /**
     * The mappings of the list {@code key}, each allowed only {@code keys}; an element that is not a mapping is
     * reported as not {@code expected} and left out.
     */
    public List<Item> mappings(Map<String, Node> entries, String key, String path, Node parent, String expected,
                               Set<String> keys) {
        List<Item> items = new ArrayList<>();
        List<Node> nodes = sequence(entries, key, path, parent);
        for (int i = 0; i < nodes.size(); i++) {
            String at = join(path, key) + "[" + i + "]";
            if (nodes.get(i) instanceof MappingNode m) {
                items.add(new Item(at, m, entries(m, at, keys)));
            } else {
                error(nodes.get(i), at, "expected " + expected);
            }
        }
        return items;
    }

    public String text(Map<String, Node> entries, String key, String path, Node parent, String fallback) {
        Node n = entries.get(key);
        if (n == null) {
            if (fallback == null) {
                error(parent, join(path, key), "missing");
            }
            return fallback;
        }
        if (n instanceof ScalarNode s) {
            if (s.getValue().isBlank() && fallback == null) {
                error(n, join(path, key), "must not be empty");
                return null;
            }
            return s.getValue();
        }
        error(n, join(path, key), "expected a single value");
        return fallback;
    }

    /** Reads and converts a value; a conversion failure is reported with the offending value. */
    public <T> T value(Map<String, Node> entries, String key, String path, Node parent, String fallback,
                String expectation, Function<String, T> parse) {
        String raw = text(entries, key, path, parent, fallback);
        if (raw == null) {
            return null;
        }
        try {
            T v = parse.apply(raw.trim());
            if (v != null) {
                return v;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        Node at = entries.getOrDefault(key, parent);
        error(at, join(path, key), "'" + raw + "' is not " + expectation);
        return null;
    }

    public int intInRange(Map<String, Node> entries, String key, String path, Node parent, int fallback, int min, int max) {
        Integer v = value(entries, key, path, parent, String.valueOf(fallback),
                "a whole number from " + min + " to " + max, s -> {
                    int i = Integer.parseInt(s);
                    return i >= min && i <= max ? i : null;
                });
        return v == null ? fallback : v;
    }

    public void error(Node at, String key, String message) {
        errors.add(new ConfigError(file, at == null ? 0 : line(at), key, message));
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
