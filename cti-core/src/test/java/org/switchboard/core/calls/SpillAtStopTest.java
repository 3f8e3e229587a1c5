package org.switchboard.core.calls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.CaptureRig;
import org.switchboard.core.support.ShiftedClock;
import org.switchboard.core.support.TestDatabase;
import org.switchboard.core.support.WakeupRig;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.Transcript;
import org.switchboard.pbx.sim.TranscriptPlayer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.core.storage.jooq.Tables.CALLS;
import static org.switchboard.core.storage.jooq.Tables.CALL_CHARGES;
import static org.switchboard.core.storage.jooq.Tables.CALL_LEGS;

/**
 * A stop while the database cannot store calls loses none: the calls held go to {@code var/spill/}, and the next
 * start stores them (with their legs and charge) and deletes the file. A second start stores nothing twice.
 */
class SpillAtStopTest {

    @TempDir
    Path home;

    @Test
    void callsHeldAtAStopAreKeptAndStoredByTheNextStart() throws Exception {
        ShiftedClock clock = new ShiftedClock();
        clock.setNow(Instant.parse("2026-11-23T07:52:00Z"));
        Path spill = home.resolve("var/spill");
        try (Database db = TestDatabase.freshDatabase();
             AmiServer pbx = new AmiServer("cti", "cti-secret", Clock.systemUTC())) {
            int port = pbx.start(0);
            try (CaptureRig rig = new CaptureRig(db, port, CaptureRig.recordingHotel(), clock, home)) {
                assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(20)));
                db.dsl().execute("CREATE TRIGGER calls_fail BEFORE INSERT ON calls FOR EACH ROW "
                        + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk full (test)'");
                new TranscriptPlayer(pbx, 10, true, clock).play(Transcript.fromResource("outbound_national_trunk_hangup"));
                Thread.sleep(1500); // the call has ended and its storing has failed at least once
                assertEquals(0, db.dsl().fetchCount(CALLS));
            } // the stop: the database still refuses
            List<Path> files = Files.list(spill).toList();
            assertEquals(1, files.size(), files.toString());
            assertTrue(Files.readString(files.get(0)).contains("\"linkedId\":\"1795420327.10\""));

            db.dsl().execute("DROP TRIGGER calls_fail");
            try (CaptureRig restarted = new CaptureRig(db, port, CaptureRig.recordingHotel(), clock, home)) {
                assertEquals(1, db.dsl().fetchCount(CALLS), "stored at start, before capture runs");
                assertEquals(2, db.dsl().fetchCount(CALL_LEGS));
                assertTrue(restarted.repository.findByLinkedId("1795420327.10").get(0).talk().toSeconds() >= 2);
                assertEquals(0, Files.list(spill).count(), "the file is gone once its calls are stored");
                assertTrue(WakeupRig.await(() -> db.dsl().fetchCount(CALL_CHARGES) == 1, Duration.ofSeconds(20)), "and priced");
            }
            try (CaptureRig again = new CaptureRig(db, port, CaptureRig.recordingHotel(), clock, home)) {
                assertEquals(1, db.dsl().fetchCount(CALLS));
            }
        }
    }
}
