package org.switchboard.pbx.ami;

import org.switchboard.pbx.ami.stream.StreamCounters;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What the link saw: its event stream's counts (received, translated, ignored, refused, malformed), logins. */
public final class LinkCounters {

    final AtomicLong logins = new AtomicLong();
    final AtomicLong disconnects = new AtomicLong();
    private final StreamCounters stream;

    LinkCounters(StreamCounters stream) {
        this.stream = stream;
    }

    public long received() {
        return stream.received();
    }

    public long translated() {
        return stream.translated();
    }

    /** Events lost: none, ever (a full capture queue pauses the socket instead); kept for the reports. */
    public long dropped() {
        return 0;
    }

    /** Times capture fell behind and the socket was paused. */
    public long pauses() {
        return stream.pauses();
    }

    public long logins() {
        return logins.get();
    }

    public long disconnects() {
        return disconnects.get();
    }

    /** Event types received but not needed by the capture (VarSet, DeviceStateChange …), counted. */
    public Map<String, Long> ignoredByType() {
        return stream.ignoredByType();
    }

    /** Events refused for an empty or missing identifier, by reason. */
    public Map<String, Long> refusedByReason() {
        return stream.refusedByReason();
    }

    /** Messages skipped by the decoder (over a limit, a line that is no field), by kind. */
    public Map<String, Long> malformedByKind() {
        return stream.malformedByKind();
    }

    /** Fields Asterisk 20 does not send in the events the capture reads, by name. */
    public Map<String, Long> unknownFieldsByName() {
        return stream.unknownFieldsByName();
    }

    @Override
    public String toString() {
        return "received=" + received() + " translated=" + translated() + " paused=" + pauses()
                + " refused=" + refusedByReason() + " malformed=" + malformedByKind()
                + " unknownFields=" + unknownFieldsByName()
                + " logins=" + logins() + " disconnects=" + disconnects();
    }
}
