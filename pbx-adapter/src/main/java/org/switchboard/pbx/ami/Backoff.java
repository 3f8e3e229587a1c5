package org.switchboard.pbx.ami;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with full jitter: attempt n waits a random time in [0, min(max, initial·2^n)],
 * so that many clients do not hammer a restarting PBX in step. Not thread-safe; one per link.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;
    private int attempt;

    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max: " + initial + ", " + max);
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The ceiling of the next wait, before jitter. */
    public Duration ceiling() {
        long ms = initial.toMillis() << Math.min(attempt, 30);
        return Duration.ofMillis(Math.min(ms <= 0 ? Long.MAX_VALUE : ms, max.toMillis()));
    }

    /** The next wait; each call doubles the ceiling up to the maximum. */
    public Duration next() {
        Duration ceiling = ceiling();
        attempt++;
        return Duration.ofMillis((long) (random.getAsDouble() * ceiling.toMillis()));
    }

    public void reset() {
        attempt = 0;
    }

    public int attempts() {
        return attempt;
    }
}
