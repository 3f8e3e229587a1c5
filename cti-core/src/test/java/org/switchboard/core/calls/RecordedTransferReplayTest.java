package org.switchboard.core.calls;

import org.junit.jupiter.api.Test;
import org.switchboard.core.calls.model.StoredCall;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.CaptureRig;
import org.switchboard.core.support.LiveAsterisk;
import org.switchboard.core.support.MasterCsv;
import org.switchboard.core.support.ShiftedClock;
import org.switchboard.core.support.TestDatabase;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.Transcript;
import org.switchboard.pbx.sim.TranscriptPlayer;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.core.storage.jooq.Tables.CALL_LEGS;

/**
 * The recording {@code pjsip_blind_transfer_ami} (a real Asterisk 20: 101 calls 102, 102 answers and hands the
 * caller to 201 by AMI BlindTransfer; see the transcripts' README) replayed over AMI at its own pace: one call,
 * answered by 102, with 201's answered leg on it, and the caller's talk the two Master.csv rows' billsec together.
 */
class RecordedTransferReplayTest {

    static final String RECORDING = "pjsip_blind_transfer_ami";

    @Test
    void aBlindTransferIsStoredAsOneCallWithTheCallersWholeTalk() throws Exception {
        Transcript t = Transcript.fromResource(RECORDING);
        ShiftedClock clock = new ShiftedClock().setNow(t.recordedStart().minusSeconds(2)); // anchored at the recording
        try (Database db = TestDatabase.freshDatabase();
             AmiServer pbx = new AmiServer("cti", "cti-secret", clock)) {
            int port = pbx.start(0);
            try (CaptureRig rig = CaptureRig.withCdrStore(db, port, clock, null, LiveAsterisk.hotel())) {
                assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(20)));
                new TranscriptPlayer(pbx, 1, false, clock).play(t); // its own Timestamp headers, as recorded
                assertTrue(rig.awaitStored(1, Duration.ofSeconds(20)));

                List<MasterCsv> rows = MasterCsv.forScenario(RECORDING);
                assertEquals(2, rows.size());
                StoredCall c = rig.repository.findByLinkedId(rows.get(0).uniqueId()).get(0);
                int billsec = rows.get(0).billsec() + rows.get(1).billsec();
                assertTrue(Math.abs(c.talk().toMillis() - billsec * 1000L) <= 1500,
                        "talk " + c.talk().toMillis() + " ms, the rows' billsec " + billsec + " s");
                assertEquals("102", c.answeredBy());
                assertEquals("INTERNAL", c.direction().name());
                assertEquals(1, db.dsl().fetchCount(CALL_LEGS, CALL_LEGS.CHANNEL.like("PJSIP/201-%")
                        .and(CALL_LEGS.ANSWERED_AT.isNotNull())), "201's leg, answered, on the call");
                assertEquals(1, rig.repository.count(), "one call");
            }
        }
    }
}
