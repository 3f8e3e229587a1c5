package org.switchboard.core.metrics;

import org.junit.jupiter.api.Test;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.FailingWrites;
import org.switchboard.core.support.WakeupRig;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.core.storage.jooq.Tables.ANSWER_MEASUREMENTS;
import static org.switchboard.core.storage.jooq.Tables.CALLS;

/** A measurement the database refused is taken again by the running daemon once it can be written: no restart. */
class MissedMeasurementsTest {

    @Test
    void aCallTheDatabaseRefusedToMeasureIsMeasuredOnceItCanBe() throws Exception {
        try (FailingWrites daemon = new FailingWrites(Instant.parse("2026-11-23T07:52:00Z"))) {
            Database db = daemon.db;
            daemon.refuseInserts("answer_measurements");
            daemon.play("inbound_trunk_to_operator"); // an outside caller reaching the operator (department "operator")
            assertTrue(WakeupRig.await(() -> db.dsl().fetchCount(CALLS) == 1, Duration.ofSeconds(20)), "stored");
            Thread.sleep(1500); // the recorder has tried and failed
            assertFalse(db.dsl().select(CALLS.MEASURED).from(CALLS).fetchOne().value1());
            assertEquals(0, db.dsl().fetchCount(ANSWER_MEASUREMENTS));

            daemon.allowInserts("answer_measurements");
            assertTrue(WakeupRig.await(() -> db.dsl().select(CALLS.MEASURED).from(CALLS).fetchOne().value1(),
                    Duration.ofSeconds(40)), "measured by the running daemon");
            assertEquals(1, db.dsl().fetchCount(ANSWER_MEASUREMENTS));
        }
    }
}
