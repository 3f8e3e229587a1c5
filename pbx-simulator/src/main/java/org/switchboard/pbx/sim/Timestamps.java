package org.switchboard.pbx.sim;

import java.time.Instant;

/** AMI's {@code Timestamp} header format: epoch seconds with six decimals. */
final class Timestamps {
    private Timestamps() {
    }

    static String epochMicros(Instant t) {
        long micros = t.getNano() / 1000;
        return t.getEpochSecond() + "." + String.format("%06d", micros);
    }
}
