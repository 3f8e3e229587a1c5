package org.switchboard.core.support;

import org.switchboard.core.storage.Database;
import org.switchboard.core.wakeup.model.WakeupSettings;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.Transcript;
import org.switchboard.pbx.sim.TranscriptPlayer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The whole daemon on a fresh database, logged in to an AMI test peer that replays the recorded calls on the
 * test's clock, and a way to make the database refuse the writes of one table — a trigger, standing in for a
 * full disk — and then take them again.
 */
public final class FailingWrites implements AutoCloseable {

    public final ShiftedClock clock = new ShiftedClock();
    public final Database db = TestDatabase.freshDatabase();
    public final AmiServer pbx = new AmiServer("cti", "cti-secret", Clock.systemUTC());
    public final WakeupRig rig;

    /** The daemon, its clock at {@code now} (UTC, the recordings' zone), logged in. */
    public FailingWrites(Instant now) throws InterruptedException {
        clock.setNow(now);
        int port = pbx.start(0);
        rig = new WakeupRig(db, port, ZoneOffset.UTC, CaptureRig.recordingHotel(), WakeupSettings.defaults(), clock);
        if (!pbx.awaitLogins(1, Duration.ofSeconds(20))) {
            throw new IllegalStateException("the daemon did not log in");
        }
    }

    /** From now on every insert into {@code table} fails, as on a full disk. */
    public void refuseInserts(String table) {
        db.dsl().execute("CREATE TRIGGER " + table + "_fail BEFORE INSERT ON " + table + " FOR EACH ROW "
                + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk full (test)'");
    }

    public void allowInserts(String table) {
        db.dsl().execute("DROP TRIGGER " + table + "_fail");
    }

    /** Replays a recorded call, its events stamped on the test's clock. */
    public void play(String scenario) throws InterruptedException {
        new TranscriptPlayer(pbx, 10, true, clock).play(Transcript.fromResource(scenario));
    }

    @Override
    public void close() {
        rig.close();
        pbx.close();
        db.close();
    }
}
