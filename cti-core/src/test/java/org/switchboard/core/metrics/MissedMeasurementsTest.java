package org.switchboard.core.metrics;

import org.junit.jupiter.api.Test;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.CaptureRig;
import org.switchboard.core.support.ShiftedClock;
import org.switchboard.core.support.TestDatabase;
import org.switchboard.core.support.WakeupRig;
import org.switchboard.core.wakeup.model.WakeupSettings;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.Transcript;
import org.switchboard.pbx.sim.TranscriptPlayer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.core.storage.jooq.Tables.ANSWER_MEASUREMENTS;
import static org.switchboard.core.storage.jooq.Tables.CALLS;

/** A measurement the database refused is taken again by the running daemon once it can be written: no restart. */
class MissedMeasurementsTest {

    @Test
    void aCallTheDatabaseRefusedToMeasureIsMeasuredOnceItCanBe() throws Exception {
        ShiftedClock clock = new ShiftedClock();
        clock.setNow(Instant.parse("2026-11-23T07:52:00Z"));
        try (Database db = TestDatabase.freshDatabase();
             AmiServer pbx = new AmiServer("cti", "cti-secret", Clock.systemUTC())) {
            int port = pbx.start(0);
            try (WakeupRig rig = new WakeupRig(db, port, ZoneOffset.UTC, CaptureRig.recordingHotel(),
                    WakeupSettings.defaults(), clock)) {
                assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(20)));
                db.dsl().execute("CREATE TRIGGER measurements_fail BEFORE INSERT ON answer_measurements FOR EACH ROW "
                        + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk full (test)'");
                // An outside caller reaching the operator (department "operator", three rings to answer).
                new TranscriptPlayer(pbx, 10, true, clock).play(Transcript.fromResource("inbound_trunk_to_operator"));
                assertTrue(WakeupRig.await(() -> db.dsl().fetchCount(CALLS) == 1, Duration.ofSeconds(20)), "stored");
                Thread.sleep(1500); // the recorder has tried and failed
                assertFalse(db.dsl().select(CALLS.MEASURED).from(CALLS).fetchOne().value1());
                assertEquals(0, db.dsl().fetchCount(ANSWER_MEASUREMENTS));

                db.dsl().execute("DROP TRIGGER measurements_fail");
                assertTrue(WakeupRig.await(() -> db.dsl().select(CALLS.MEASURED).from(CALLS).fetchOne().value1(),
                        Duration.ofSeconds(40)), "measured by the running daemon");
                assertEquals(1, db.dsl().fetchCount(ANSWER_MEASUREMENTS));
            }
        }
    }
}
