package org.switchboard.core.calls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.calls.model.Completeness;
import org.switchboard.core.calls.model.StoredCall;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.CaptureRig;
import org.switchboard.core.support.MasterCsv;
import org.switchboard.core.support.ShiftedClock;
import org.switchboard.core.support.TestDatabase;
import org.switchboard.core.support.WakeupRig;
import org.switchboard.core.directory.Department;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.directory.Trunk;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.Transcript;
import org.switchboard.pbx.sim.TranscriptPlayer;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.core.storage.jooq.Tables.CALLS;
import static org.switchboard.core.storage.jooq.Tables.CALL_CHARGES;

/**
 * The recording {@code pjsip_outbound_link_cuts} (a real Asterisk 20, PJSIP, timestampevents, four outbound calls
 * from 101, its Master.csv beside it; see the transcripts' README) replayed over AMI at its own pace, the
 * simulator's link cut over the same window as the daemon's link was cut when it was recorded: each call is stored
 * once, on Asterisk's figures — seen whole, taken from Master.csv for the two that ended in the cut, corrected by
 * its Cdr event for the one joined at the re-sync — and charged once.
 */
class RecordedLinkCutReplayTest {

    static final String RECORDING = "pjsip_outbound_link_cuts";

    @TempDir
    Path dir;

    @Test
    void theRecordedCutsGiveEveryCallItsCdrFiguresOnce() throws Exception {
        Transcript t = Transcript.fromResource(RECORDING);
        double[] cut = cuts();
        Duration cutAt = Duration.ofNanos(Math.round((cut[0] - t.recordedStart().getEpochSecond()
                - t.recordedStart().getNano() / 1e9) * 1e9));
        Duration cutFor = Duration.ofNanos(Math.round((cut[1] - cut[0]) * 1e9));
        Path masterCsv = dir.resolve("Master.csv");
        try (InputStream rows = getClass().getResourceAsStream("/transcripts/" + RECORDING + ".cdr.csv")) {
            Files.write(masterCsv, rows.readAllBytes()); // Asterisk wrote these whoever listened
        }
        ShiftedClock clock = new ShiftedClock().setNow(t.recordedStart().minusSeconds(2)); // anchored at the recording
        try (Database db = TestDatabase.freshDatabase();
             AmiServer pbx = new AmiServer("cti", "cti-secret", clock)) {
            int port = pbx.start(0);
            try (CaptureRig rig = CaptureRig.withCdrStore(db, port, clock, masterCsv, hotel())) {
                assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(20)));
                clock.setNow(t.recordedStart());
                Thread cutter = new Thread(() -> {
                    try {
                        Thread.sleep(cutAt.toMillis());
                        pbx.cutLink(cutFor);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                cutter.start();
                new TranscriptPlayer(pbx, 1, false, clock).play(t); // its own Timestamp headers, as recorded
                cutter.join();
                assertTrue(WakeupRig.await(() -> db.dsl().fetchCount(CALLS) == 4, Duration.ofSeconds(20)),
                        () -> "four calls: " + db.dsl().fetchCount(CALLS));

                List<MasterCsv> rows = MasterCsv.forScenario(RECORDING);
                List<Completeness> expected = List.of(Completeness.COMPLETE, Completeness.FROM_CDR,
                        Completeness.FROM_CDR, Completeness.JOINED_IN_PROGRESS);
                for (int i = 0; i < 4; i++) {
                    StoredCall c = rig.repository.findByLinkedId(rows.get(i).uniqueId()).get(0);
                    assertEquals(expected.get(i).name(), c.completeness(), "call " + (i + 1) + ": " + c);
                    long talk = c.talk().toMillis();
                    assertTrue(Math.abs(talk - rows.get(i).billsec() * 1000L) <= 1000,
                            "call " + (i + 1) + " talk " + talk + " ms, billsec " + rows.get(i).billsec());
                    assertEquals("0612345678", c.calleeNumber());
                    assertEquals("101", c.extension());
                }
                assertTrue(WakeupRig.await(() -> db.dsl().fetchCount(CALL_CHARGES) == 4, Duration.ofSeconds(20)),
                        "each call charged, once");
            }
        }
    }

    /** The recorded cut: when the daemon's link was cut and restored (epoch seconds). */
    private static double[] cuts() throws Exception {
        try (InputStream in = RecordedLinkCutReplayTest.class.getResourceAsStream("/transcripts/" + RECORDING + ".cuts.tsv")) {
            String[] row = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")[1].split("\t");
            return new double[]{Double.parseDouble(row[0]), Double.parseDouble(row[1])};
        }
    }

    /** As the live PBX is configured: rooms 101 and 102 on PJSIP, the trunk PJSIP/trunk. */
    static Directory hotel() {
        return new Directory(Map.of("101", new Extension("101", "101", null, "Room 101"),
                "102", new Extension("102", "102", null, "Room 102")),
                Map.of("operator", new Department("operator", "Operator", 3)), List.of(new Trunk("pstn", "PJSIP/trunk")));
    }
}
