package org.switchboard.pbx.event;

import java.time.Instant;
import java.util.Objects;

/**
 * When an AMI event happened. {@code fromPbx} is true when the instant came from the event's own
 * {@code Timestamp} header (Asterisk {@code timestampevents = yes}); otherwise it is the moment the
 * event arrived here, which on a LAN is within milliseconds of the PBX's time.
 */
public record EventTime(Instant instant, boolean fromPbx) {
    public EventTime {
        Objects.requireNonNull(instant, "instant");
    }

    public static EventTime arrival(Instant instant) {
        return new EventTime(instant, false);
    }

    public static EventTime pbx(Instant instant) {
        return new EventTime(instant, true);
    }
}
