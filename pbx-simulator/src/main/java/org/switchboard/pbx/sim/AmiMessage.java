package org.switchboard.pbx.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One AMI message (action, response or event): an ordered list of {@code Name: value} headers,
 * kept exactly as received so that replayed traffic is byte-for-byte what Asterisk sent.
 * Immutable; every "with" method returns a copy.
 */
public final class AmiMessage {

    /** One header line. Names are case-insensitive in AMI but are kept as written. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    private final List<Header> headers;

    public AmiMessage(List<Header> headers) {
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("an AMI message has at least one header");
        }
        this.headers = List.copyOf(headers);
    }

    public static AmiMessage of(String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("name/value pairs expected");
        }
        List<Header> list = new ArrayList<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            list.add(new Header(nameValuePairs[i], nameValuePairs[i + 1]));
        }
        return new AmiMessage(list);
    }

    /**
     * Parses one message as it appears on the wire, without its terminating empty line.
     * Lines end in CRLF (a bare LF is accepted); a line without a colon is kept as a header with
     * an empty name (Asterisk's banner, command output).
     */
    public static AmiMessage parse(String text) {
        List<Header> list = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                list.add(new Header("", line));
            } else {
                String value = line.substring(colon + 1);
                list.add(new Header(line.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value));
            }
        }
        return new AmiMessage(list);
    }

    public List<Header> headers() {
        return Collections.unmodifiableList(headers);
    }

    /** The first value of the header, or null. */
    public String get(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    public boolean isEvent(String eventName) {
        return eventName.equalsIgnoreCase(get("Event"));
    }

    public String eventName() {
        return get("Event");
    }

    /** A copy with the first header of that name set to the value, or the header appended. */
    public AmiMessage with(String name, String value) {
        List<Header> list = new ArrayList<>(headers);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equalsIgnoreCase(name)) {
                list.set(i, new Header(list.get(i).name(), value));
                return new AmiMessage(list);
            }
        }
        list.add(new Header(name, value));
        return new AmiMessage(list);
    }

    /** A copy with a header inserted right after the first line (where Asterisk puts Timestamp). */
    public AmiMessage withSecondHeader(String name, String value) {
        List<Header> list = new ArrayList<>(headers);
        list.add(1, new Header(name, value));
        return new AmiMessage(list);
    }

    /** A copy with every header value passed through the function (name, value) → new value. */
    public AmiMessage mapValues(java.util.function.BiFunction<String, String, String> f) {
        List<Header> list = new ArrayList<>(headers.size());
        for (Header h : headers) {
            list.add(new Header(h.name(), f.apply(h.name(), h.value())));
        }
        return new AmiMessage(list);
    }

    public <R> R transform(java.util.function.Function<AmiMessage, R> f) {
        return f.apply(this);
    }

    /** The wire form: CRLF after each header and one empty line at the end. */
    public String toWire() {
        StringBuilder sb = new StringBuilder(headers.size() * 32);
        for (Header h : headers) {
            if (!h.name().isEmpty()) {
                sb.append(h.name()).append(": ");
            }
            sb.append(h.value()).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    public byte[] toBytes() {
        return toWire().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AmiMessage other && other.headers.equals(headers);
    }

    @Override
    public int hashCode() {
        return headers.hashCode();
    }

    @Override
    public String toString() {
        return toWire();
    }
}
