package org.switchboard.core.support;

import org.switchboard.core.directory.Directory;
import org.switchboard.core.storage.Database;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.Transcript;
import org.switchboard.pbx.sim.TranscriptPlayer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Recorded Asterisk sessions replayed in real time (their own .timing.tsv) by an AMI peer on a
 * loopback socket to the daemon's capture path, on a fresh database, on a clock that starts at the recording's start. The sessions are merged onto
 * one timeline, staggered so their set-up bursts do not land in the same millisecond.
 */
public final class TranscriptReplay implements AutoCloseable {

    public final Database db;
    public final AmiServer pbx;
    public final CaptureRig rig;

    private TranscriptReplay(Database db, AmiServer pbx, CaptureRig rig) {
        this.db = db;
        this.pbx = pbx;
        this.rig = rig;
    }

    /** Replays {@code scenarios} to a daemon with {@code directory}; returns once the PBX side has sent everything. */
    public static TranscriptReplay play(Directory directory, List<String> scenarios) throws Exception {
        Transcript all = Transcript.merge("replay", scenarios.stream().map(Transcript::fromResource).toList(),
                Duration.ofMillis(1500));
        // Anchored at the recording: the calls land on the day (and shift) they were recorded, whatever today is.
        Clock clock = new ShiftedClock().setNow(all.recordedStart());
        Database db = TestDatabase.freshDatabase();
        AmiServer pbx = new AmiServer("cti", "cti-secret", clock);
        TranscriptReplay replay = new TranscriptReplay(db, pbx,
                new CaptureRig(db, pbx.start(0), Duration.ofMillis(100), directory, clock));
        if (!pbx.awaitLogins(1, Duration.ofSeconds(20))) {
            replay.close();
            throw new IllegalStateException("the daemon did not log in to the AMI peer");
        }
        AmiWarmUp.warmUp(pbx);
        new TranscriptPlayer(pbx, 1.0, false, clock).play(all);
        return replay;
    }

    @Override
    public void close() {
        rig.close();
        pbx.close();
        db.close();
    }
}
