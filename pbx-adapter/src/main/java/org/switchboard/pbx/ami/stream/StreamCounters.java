package org.switchboard.pbx.ami.stream;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the event stream saw: messages received, translated, ignored by type, refused by reason (an empty
 * identifier), unknown fields by name, skipped by decoder error kind, and how often capture fell behind and the socket was paused.
 * Thread-safe.
 */
public final class StreamCounters {

    final LongAdder received = new LongAdder();
    final LongAdder translated = new LongAdder();
    final LongAdder pauses = new LongAdder();
    private final Map<String, LongAdder> ignored = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> malformed = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> unknownFields = new ConcurrentHashMap<>();

    void ignored(String eventType) {
        ignored.computeIfAbsent(eventType, k -> new LongAdder()).increment();
    }

    void refused(String reason) {
        refused.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    /** Names kept apart at most; a PBX (or garbage) sending ever new names is counted under {@link #OTHER_NAMES}. */
    static final int MAX_NAMES = 1_000;
    static final String OTHER_NAMES = "(other names)";

    /** True the first time this name is counted (so it is said once). */
    boolean unknownField(String name) {
        String key = unknownFields.size() < MAX_NAMES || unknownFields.containsKey(name) ? name : OTHER_NAMES;
        boolean[] first = {false};
        unknownFields.computeIfAbsent(key, k -> {
            first[0] = true;
            return new LongAdder();
        }).increment();
        return first[0];
    }

    /** True the first time this kind is seen (so it is logged once). */
    boolean malformed(AmiFrameError.Kind kind) {
        boolean[] first = {false};
        malformed.computeIfAbsent(kind.name(), k -> {
            first[0] = true;
            return new LongAdder();
        }).increment();
        return first[0];
    }

    public long received() {
        return received.sum();
    }

    public long translated() {
        return translated.sum();
    }

    /** Times the socket was paused because capture had fallen behind (TCP then holds Asterisk back). */
    public long pauses() {
        return pauses.sum();
    }

    public Map<String, Long> ignoredByType() {
        return snapshot(ignored);
    }

    /** Events refused at the boundary, by reason ("Newchannel without Uniqueid"). */
    public Map<String, Long> refusedByReason() {
        return snapshot(refused);
    }

    /** Messages the decoder skipped, by kind (LINE_TOO_LONG …). */
    public Map<String, Long> malformedByKind() {
        return snapshot(malformed);
    }

    /** Fields Asterisk 20 does not send in the events the capture reads, by name, as they came. */
    public Map<String, Long> unknownFieldsByName() {
        return snapshot(unknownFields);
    }

    public long malformedTotal() {
        return malformed.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
