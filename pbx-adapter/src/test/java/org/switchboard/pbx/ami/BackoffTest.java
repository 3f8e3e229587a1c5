package org.switchboard.pbx.ami;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {

    @Test
    void theCeilingDoublesUpToTheMaximumAndJitterStaysBelowIt() {
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 0.999);
        long[] waits = new long[9];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = b.next().toMillis();
        }
        assertEquals(499, waits[0]);
        assertEquals(999, waits[1]);
        assertEquals(1998, waits[2]);
        assertEquals(29970, waits[8], "capped at 30 s");
    }

    @Test
    void fullJitterCanWaitAlmostNothing() {
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 0.0);
        assertEquals(0, b.next().toMillis());
    }

    @Test
    void aSuccessfulLoginStartsOverFromTheInitialWait() {
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 0.5);
        b.next();
        b.next();
        b.reset();
        assertEquals(250, b.next().toMillis());
    }
}
