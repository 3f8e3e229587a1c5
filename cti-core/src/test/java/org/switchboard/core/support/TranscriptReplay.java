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
 * loopback socket to the daemon's capture path, on a fresh database. The sessions are merged onto
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
        Database db = TestDatabase.freshDatabase();
        AmiServer pbx = new AmiServer("cti", "cti-secret", Clock.systemUTC());
        TranscriptReplay replay = new TranscriptReplay(db, pbx,
                new CaptureRig(db, pbx.start(0), Duration.ofMillis(100), directory));
        if (!pbx.awaitLogins(1, Duration.ofSeconds(20))) {
            replay.close();
            throw new IllegalStateException("the daemon did not log in to the AMI peer");
        }
        AmiWarmUp.warmUp(pbx);
        Transcript all = Transcript.merge("replay", scenarios.stream().map(Transcript::fromResource).toList(),
                Duration.ofMillis(1500));
        new TranscriptPlayer(pbx, 1.0, false, Clock.systemUTC()).play(all);
        return replay;
    }

    @Override
    public void close() {
        rig.close();
        pbx.close();
        db.close();
    }
}
