package org.switchboard.pbx.ami.stream;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One AMI message as it came off the wire: its bytes and where each {@code Key: Value} line's key and value
 * lie. Values become strings only when asked for — most events are read for two or three of their fields — and
 * keys are matched ignoring case, as Asterisk's own parser does.
 */
public final class AmiFrame {

    private final byte[] data;
    /** Per field: key start, key end, value start, value end. */
    private final int[] bounds;
    private final int fields;

    AmiFrame(byte[] data, int[] bounds, int fields) {
        this.data = data;
        this.bounds = bounds;
        this.fields = fields;
    }

    /** A frame from alternating keys and values (tests and the benchmark). */
    public static AmiFrame of(String... keyValues) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int n = keyValues.length / 2;
        int[] bounds = new int[n * 4];
        for (int i = 0; i < n; i++) {
            byte[] k = keyValues[2 * i].getBytes(StandardCharsets.UTF_8);
            byte[] v = keyValues[2 * i + 1].getBytes(StandardCharsets.UTF_8);
            bounds[4 * i] = b.size();
            b.writeBytes(k);
            bounds[4 * i + 1] = b.size();
            b.writeBytes(": ".getBytes(StandardCharsets.US_ASCII));
            bounds[4 * i + 2] = b.size();
            b.writeBytes(v);
            bounds[4 * i + 3] = b.size();
            b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return new AmiFrame(b.toByteArray(), bounds, n);
    }

    /** The first value of {@code key}, or null. */
    public String get(String key) {
        int i = indexOf(key);
        return i < 0 ? null : value(i);
    }

    /** The {@code Event:} name, or null for a response. */
    public String event() {
        return get("Event");
    }

    public int size() {
        return fields;
    }

    private int indexOf(String key) {
        int length = key.length();
        for (int i = 0; i < fields; i++) {
            int from = bounds[4 * i];
            if (bounds[4 * i + 1] - from == length && sameIgnoringCase(from, key)) {
                return i;
            }
        }
        return -1;
    }

    private boolean sameIgnoringCase(int from, String key) {
        for (int j = 0; j < key.length(); j++) {
            int a = data[from + j] & 0xff;
            int b = key.charAt(j);
            if (a != b && (a | 0x20) != (b | 0x20)) {
                return false;
            }
            if (a != b && !Character.isLetter(b)) {
                return false;
            }
        }
        return true;
    }

    private String value(int i) {
        int from = bounds[4 * i + 2];
        return new String(data, from, bounds[4 * i + 3] - from, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields; i++) {
            b.append(new String(data, bounds[4 * i], bounds[4 * i + 1] - bounds[4 * i], StandardCharsets.UTF_8))
                    .append(": ").append(value(i)).append("\\r\\n");
        }
        return b.toString();
    }
}
