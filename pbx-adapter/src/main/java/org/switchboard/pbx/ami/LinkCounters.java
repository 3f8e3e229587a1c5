package org.switchboard.pbx.ami;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What the link saw: events received, translated, ignored by type, dropped; logins. Thread-safe. */
public final class LinkCounters {

    final LongAdder received = new LongAdder();
    final LongAdder translated = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final AtomicLong logins = new AtomicLong();
    final AtomicLong disconnects = new AtomicLong();
    private final Map<String, LongAdder> ignored = new ConcurrentHashMap<>();

    void ignored(String eventType) {
        ignored.computeIfAbsent(eventType, k -> new LongAdder()).increment();
    }

    public long received() {
        return received.sum();
    }

    public long translated() {
        return translated.sum();
    }

    /** Events lost because the capture queue was full (each one triggers a re-sync). */
    public long dropped() {
        return dropped.sum();
    }

    public long logins() {
        return logins.get();
    }

    public long disconnects() {
        return disconnects.get();
    }

    /** Event types received but not needed by the capture (VarSet, DeviceStateChange …), counted. */
    public Map<String, Long> ignoredByType() {
        Map<String, Long> out = new TreeMap<>();
        ignored.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    @Override
    public String toString() {
        return "received=" + received() + " translated=" + translated() + " dropped=" + dropped()
                + " logins=" + logins() + " disconnects=" + disconnects();
    }
}
