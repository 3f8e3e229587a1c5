package org.switchboard.core.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock moved by an offset that a test can set: "it is now 07:59:58" without waiting for it. */
public final class ShiftedClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Sets the offset so that the clock reads {@code now} at this moment, then runs on in real time. */
    public ShiftedClock setNow(Instant now) {
        offset = Duration.between(Instant.now(), now);
        return this;
    }

    public void advance(Duration d) {
        offset = offset.plus(d);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        ShiftedClock parent = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return parent.withZone(z);
            }

            @Override
            public Instant instant() {
                return parent.instant();
            }
        };
    }
}
