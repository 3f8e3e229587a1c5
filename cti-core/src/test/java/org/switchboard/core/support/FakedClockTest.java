package org.switchboard.core.support;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the date proof itself: where a run says it moved the clock ({@code SWITCHBOARD_FAKED_NOW}, set by the
 * {@code date-proof} profile beside libfaketime's variables), the JVM must really see that date and zone; a
 * preload that silently failed would otherwise rerun the clock tests on today's date and prove nothing.
 */
@ClockSensitive
class FakedClockTest {

    @Test
    @DisplayName("a run that says it moved the clock sees the moved date and the machine zone it was given")
    void theFakedDateIsTheOneTheTestsSee() {
        String faked = System.getenv("SWITCHBOARD_FAKED_NOW");
        if (faked == null) {
            return; // an ordinary run on today's date
        }
        Instant expected = Instant.parse(faked);
        Instant now = Instant.now();
        assertTrue(!now.isBefore(expected) && now.isBefore(expected.plus(Duration.ofHours(2))),
                "the JVM's clock reads " + now + ", the run was to start at " + expected + ": is libfaketime preloaded?");
        assertEquals(ZoneId.of(System.getenv("TZ")), ZoneId.systemDefault(), "the machine zone of this run");
    }
}
