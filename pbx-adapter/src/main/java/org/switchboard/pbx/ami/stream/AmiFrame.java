package org.switchboard.pbx.ami.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * One AMI message as it came off the wire: its {@code Key: Value} lines in order. Keys are matched ignoring
 * case, as Asterisk's own parser does; a message has a few dozen fields, so a scan beats a map.
 */
public final class AmiFrame {

    private final List<String> keys;
    private final List<String> values;

    AmiFrame(List<String> keys, List<String> values) {
        this.keys = keys;
        this.values = values;
    }

    /** A frame from alternating keys and values (tests and the benchmark). */
    public static AmiFrame of(String... keyValues) {
        List<String> k = new ArrayList<>();
        List<String> v = new ArrayList<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            k.add(keyValues[i]);
            v.add(keyValues[i + 1]);
        }
        return new AmiFrame(k, v);
    }

    /** The first value of {@code key}, or null. */
    public String get(String key) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).equalsIgnoreCase(key)) {
                return values.get(i);
            }
        }
        return null;
    }

    /** The {@code Event:} name, or null for a response. */
    public String event() {
        return keys.isEmpty() || !keys.get(0).equalsIgnoreCase("Event") ? get("Event") : values.get(0);
    }

    public int size() {
        return keys.size();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            b.append(keys.get(i)).append(": ").append(values.get(i)).append("\\r\\n");
        }
        return b.toString();
    }
}
