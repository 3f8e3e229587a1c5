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
    /** The {@code Event:} name once looked up (the session and the translator both ask). */
    private String event;
    private boolean eventLookedUp;

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
        if (!eventLookedUp) {
            event = get("Event");
            eventLookedUp = true;
        }
        return event;
    }

    public int size() {
        return fields;
    }

    /** The name of field {@code i} as sent. */
    String key(int i) {
        return new String(data, bounds[4 * i], bounds[4 * i + 1] - bounds[4 * i], StandardCharsets.UTF_8);
    }

    /**
     * A 64-bit hash of the field names in order, case folded (FNV-1a): the same set of names, sent again, hashes
     * the same, so what is known of one message's names holds for every message of that shape.
     */
    long keysHash() {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < fields; i++) {
            for (int j = bounds[4 * i], end = bounds[4 * i + 1]; j < end; j++) {
                h = (h ^ (data[j] | 0x20)) * 0x100000001b3L;
            }
            h = (h ^ ':') * 0x100000001b3L;
        }
        return h;
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
            b.append(key(i)).append(": ").append(value(i)).append("\\r\\n");
        }
        return b.toString();
    }
}
