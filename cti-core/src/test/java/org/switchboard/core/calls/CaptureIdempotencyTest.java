package org.switchboard.core.calls;

import org.switchboard.core.calls.model.StoredCall;
import org.switchboard.core.support.ClockSensitive;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.switchboard.core.calls.model.Disposition;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.CaptureRig;
import org.switchboard.core.support.TestDatabase;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.Transcript;
import org.switchboard.pbx.sim.TranscriptPlayer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each call is stored once: replayed twice, replayed to a restarted daemon, or with the AMI
 * connection dropped in the middle. Replays run 10× fast with Asterisk's Timestamp header on.
 */
@ClockSensitive
class CaptureIdempotencyTest {

    static final String NATIONAL = "outbound_national_trunk_hangup";
    static final String LINKEDID = "1795420327.10";

    private Database db;
    private AmiServer pbx;
    private int port;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.freshDatabase();
        pbx = new AmiServer("cti", "cti-secret", Clock.systemUTC());
        port = pbx.start(0);
    }

    @AfterEach
    void stop() {
        pbx.close();
        db.close();
    }

    private TranscriptPlayer fast() {
        return new TranscriptPlayer(pbx, 10, true, Clock.systemUTC());
    }

    static int indexOf(Transcript t, String event, int from) {
        for (int i = from; i < t.size(); i++) {
            if (t.events().get(i).message().isEvent(event)) {
                return i;
            }
        }
        throw new AssertionError("no " + event + " in " + t.name());
    }

    private static void settle() throws InterruptedException {
        Thread.sleep(1500); // longer than the rig's 0.5 s CDR grace
    }

    @Test
    @DisplayName("The same session replayed twice to one daemon is stored once")
    void replayTwiceStoresOnce() throws Exception {
        Transcript t = Transcript.fromResource(NATIONAL);
        try (CaptureRig rig = new CaptureRig(db, port)) {
            assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(10)));
            fast().play(t);
            assertTrue(rig.awaitStored(1, Duration.ofSeconds(10)));
            fast().play(t);
            settle();
            assertEquals(1, rig.repository.count());
            assertEquals(2, rig.repository.countLegs(LINKEDID));
        }
    }

    @Test
    @DisplayName("A restarted daemon that sees the same call again does not store it twice")
    void restartedDaemonStoresOnce() throws Exception {
        Transcript t = Transcript.fromResource(NATIONAL);
        try (CaptureRig rig = new CaptureRig(db, port)) {
            assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(10)));
            fast().play(t);
            assertTrue(rig.awaitStored(1, Duration.ofSeconds(10)));
        }
        try (CaptureRig restarted = new CaptureRig(db, port)) {
            assertTrue(pbx.awaitLogins(2, Duration.ofSeconds(10)));
            fast().play(t);
            settle();
            assertEquals(1, restarted.capture.duplicateCalls(), "recognised as already stored");
            assertEquals(0, restarted.capture.storedCalls());
            assertEquals(1, restarted.repository.count());
        }
    }

    @Test
    @DisplayName("Connection dropped during ringing, then resumed: one complete call with the right figures")
    void dropAndResumeStoresOnce() throws Exception {
        Transcript t = Transcript.fromResource(NATIONAL);
        int answer = indexOf(t, "DialEnd", 0);
        try (CaptureRig rig = new CaptureRig(db, port)) {
            assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(10)));
            fast().play(t, 0, answer);
            pbx.dropClients();
            assertTrue(pbx.awaitLogins(2, Duration.ofSeconds(10)), "the daemon reconnected");
            Thread.sleep(300); // re-sync: the PBX still lists both channels
            fast().play(t, answer, t.size());
            assertTrue(rig.awaitStored(1, Duration.ofSeconds(10)));
            settle();
            List<StoredCall> calls = rig.repository.findByLinkedId(LINKEDID);
            assertEquals(1, calls.size());
            StoredCall c = calls.get(0);
            assertEquals(Disposition.ANSWERED, c.disposition());
            assertEquals("COMPLETE", c.completeness());
            assertEquals("0612345678", c.calleeNumber());
            assertEquals("PBX_TIMESTAMP", c.timeSource());
            assertEquals(1, rig.repository.count());
        }
    }

    @Test
    @DisplayName("A call that ends while the link is down is closed at the re-sync and flagged, not lost")
    void callEndingDuringOutageIsStoredAndFlagged() throws Exception {
        Transcript t = Transcript.fromResource(NATIONAL);
        int hangupRequest = indexOf(t, "HangupRequest", 0);
        try (CaptureRig rig = new CaptureRig(db, port, Duration.ofSeconds(2))) {
            assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(10)));
            fast().play(t, 0, hangupRequest); // answered, talking
            pbx.dropClients();
            new TranscriptPlayer(pbx, 1000, true, Clock.systemUTC()).play(t, hangupRequest, t.size()); // unseen
            assertTrue(pbx.awaitLogins(2, Duration.ofSeconds(10)), "the daemon reconnected");
            assertTrue(rig.awaitStored(1, Duration.ofSeconds(10)), "the call was closed by the re-sync");
            StoredCall c = rig.repository.findByLinkedId(LINKEDID).get(0);
            assertEquals(Disposition.ANSWERED, c.disposition());
            assertEquals("ENDED_DURING_OUTAGE", c.completeness());
            assertTrue(c.talk().toMillis() > 0);
        }
    }
}
