package org.switchboard.core.live;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.calls.model.StoredCall;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.AmiRecorder;
import org.switchboard.core.support.CaptureRig;
import org.switchboard.core.support.LiveAsterisk;
import org.switchboard.core.support.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.core.storage.jooq.Tables.CALL_LEGS;

/**
 * A blind transfer on a real Asterisk 20 (PJSIP, sipp phones): room 101 calls 102, 102 answers and — by AMI
 * {@code BlindTransfer} — hands the caller to 201, who answers. Master.csv writes two rows under the caller's
 * Uniqueid (with 102, then with 201). Switchboard stores one call: answered by 102, 201's leg on it, and the
 * caller's talk from the first answer to its end — the two rows' billsec together (±1 s: 201's ring is on the
 * line). With {@code -Dswitchboard.record.dir=DIR} the stream is recorded as {@code pjsip_blind_transfer_ami}.
 */
@Tag("live-pbx")
class LivePbxTransferTest {

    @TempDir
    Path scratch;

    @Test
    void aBlindTransferIsOneCallWithBothAnsweredLegsAndTheCallersWholeTalk() throws Exception {
        Path tree = LiveAsterisk.requireTree();
        try (LiveAsterisk pbx = LiveAsterisk.start(tree, scratch);
             AmiRecorder recorder = new AmiRecorder(pbx.amiPort(), LiveAsterisk.USER, LiveAsterisk.SECRET);
             Database db = TestDatabase.freshDatabase();
             CaptureRig rig = CaptureRig.forPbx(db, pbx.amiPort(), LiveAsterisk.hotel(), pbx.masterCsv())) {
            Process room102 = pbx.answering("102");
            Process room201 = pbx.answering("201");
            assertTrue(org.switchboard.core.support.WakeupRig.await(() -> rig.link.counters().logins() >= 1,
                    Duration.ofSeconds(30)), "logged in");
            Thread.sleep(1500);
            Process call = pbx.call("102", Duration.ofSeconds(12));
            Thread.sleep(4000); // 102 has answered
            String answer = pbx.action("Action", "BlindTransfer", "ActionID", "bt", "Channel", pbx.channelOf("PJSIP/102"),
                    "Context", "hotel-internal", "Exten", "201");
            assertTrue(answer.contains("Transfer succeeded"), answer);
            // sipp's built-in caller takes the transfer's re-INVITE as unexpected and ends with exit 1; the call is over.
            assertTrue(call.waitFor(40, TimeUnit.SECONDS), "the call ended");
            assertTrue(rig.awaitStored(1, Duration.ofSeconds(30)), "stored");
            Thread.sleep(3000);
            String dir = System.getProperty("switchboard.record.dir");
            if (dir != null) {
                recorder.save(Path.of(dir), "pjsip_blind_transfer_ami", pbx.masterCsv());
            }
            room102.destroy();
            room201.destroy();

            List<String[]> rows = Files.readAllLines(pbx.masterCsv()).stream().filter(l -> !l.isBlank())
                    .map(l -> org.switchboard.core.csv.Csv.parseLine(l).toArray(String[]::new)).toList();
            assertEquals(2, rows.size(), "Asterisk writes a row per answered party");
            StoredCall c = rig.repository.findByLinkedId(rows.get(0)[16]).get(0);
            int billsec = Integer.parseInt(rows.get(0)[13]) + Integer.parseInt(rows.get(1)[13]);
            assertTrue(Math.abs(c.talk().toMillis() - billsec * 1000L) <= 1500,
                    "talk " + c.talk().toMillis() + " ms against the rows' billsec " + billsec + " s");
            assertEquals("102", c.answeredBy());
            assertEquals(1, db.dsl().fetchCount(CALL_LEGS, CALL_LEGS.CHANNEL.like("PJSIP/201-%")
                    .and(CALL_LEGS.ANSWERED_AT.isNotNull())), "201's leg, answered, on the call");
        }
    }
}
