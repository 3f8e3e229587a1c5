package org.switchboard.core.calls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.billing.rating.RatingResult;
import org.switchboard.core.calls.model.Completeness;
import org.switchboard.core.calls.model.StoredCall;
import org.switchboard.core.rating.Rating;
import org.switchboard.core.rating.model.ChargeableCall;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.CaptureRig;
import org.switchboard.core.support.ShiftedClock;
import org.switchboard.core.support.TestDatabase;
import org.switchboard.core.support.WakeupRig;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.Transcript;
import org.switchboard.pbx.sim.TranscriptPlayer;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.core.storage.jooq.Tables.CALLS;
import static org.switchboard.core.storage.jooq.Tables.CALL_CHARGES;

/**
 * The second witness over a real AMI session: a call that lived entirely inside a link outage is taken from
 * Asterisk's Master.csv at the next login (completeness FROM_CDR, the CDR's times and billsec, priced to the cent
 * on them), a call seen live is not stored again; after a restart the calls that ended while the daemon was
 * stopped are taken too, and the rows read again add nothing.
 */
class GapRecoveryTest {

    static final String INTERNAL = "internal_answered_callee_hangup"; // 101 → 102, seen live
    static final String NATIONAL = "outbound_national_trunk_hangup";  // 102 → 0612345678, only in the CDR
    static final String INBOUND = "inbound_trunk_to_operator";        // an outside caller → 9000, daemon stopped

    @TempDir
    Path dir;

    @Test
    void aCallEntirelyInsideAnOutageIsStoredFromTheCdrOnceAndPricedOnItsBillsec() throws Exception {
        ShiftedClock clock = new ShiftedClock();
        clock.setNow(Instant.parse("2026-11-23T07:49:00Z"));
        Path masterCsv = dir.resolve("Master.csv");
        try (Database db = TestDatabase.freshDatabase()) {
            AmiServer pbx = new AmiServer("cti", "cti-secret", Clock.systemUTC());
            int port = pbx.start(0);
            try (CaptureRig rig = CaptureRig.withCdrStore(db, port, clock, masterCsv)) {
                assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(20)));
                new TranscriptPlayer(pbx, 10, true, clock).play(Transcript.fromResource(INTERNAL));
                assertTrue(rig.awaitStored(1, Duration.ofSeconds(10)));

                pbx.close(); // the link is down from about 07:49 …
                appendCdr(masterCsv, INTERNAL);
                appendCdr(masterCsv, NATIONAL); // … while 102 calls out, 07:52:07–07:52:30, billsec 20
                clock.setNow(Instant.parse("2026-11-23T07:52:35Z")); // … to 07:52:35
                pbx = restart(port);
                assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(30)), "the daemon logged in again");
                assertTrue(WakeupRig.await(() -> db.dsl().fetchCount(CALLS) == 2, Duration.ofSeconds(10)));

                StoredCall recovered = rig.repository.findByLinkedId("1795420327.10").get(0);
                assertEquals(Completeness.FROM_CDR.name(), recovered.completeness());
                assertEquals(Instant.parse("2026-11-23T07:52:07Z"), recovered.startedAt());
                assertEquals(Instant.parse("2026-11-23T07:52:30Z"), recovered.endedAt());
                assertEquals(Duration.ofSeconds(20), recovered.talk(), "the CDR's billsec");
                assertEquals("102", recovered.extension());
                assertEquals("0612345678", recovered.calleeNumber());
                assertTrue(WakeupRig.await(() -> db.dsl().fetchCount(CALL_CHARGES) == 1, Duration.ofSeconds(10)));
                BigDecimal charged = db.dsl().select(CALL_CHARGES.TOTAL).from(CALL_CHARGES).fetchOne().value1();
                String trunk = db.dsl().select(CALLS.TRUNK).from(CALLS).where(CALLS.ID.eq(recovered.id())).fetchOne().value1();
                RatingResult expected = Rating.assemble(rig.config, db, clock).charges().price(new ChargeableCall(
                        recovered.id(), "102", "0612345678", recovered.startedAt(), Duration.ofSeconds(20), trunk));
                BigDecimal price = ((RatingResult.Rated) expected).total().amount();
                assertEquals(0, price.compareTo(charged), "priced on billsec 20, to the cent: " + price + " vs " + charged);
                assertEquals(Completeness.COMPLETE.name(),
                        rig.repository.findByLinkedId("1795420178.0").get(0).completeness(), "seen live: kept as seen");

                assertNull(recovered.answeredBy(), "an outside call is answered by no extension");
            }
            // The daemon stops; while it is down an outside caller reaches the operator (07:52:39–07:52:52).
            appendCdr(masterCsv, INBOUND);
            clock.setNow(Instant.parse("2026-11-23T07:55:00Z"));
            try (CaptureRig restarted = CaptureRig.withCdrStore(db, port, clock, masterCsv)) {
                assertTrue(pbx.awaitLogins(2, Duration.ofSeconds(30)), "logged in after the restart");
                // At the first login: from how far the last run had seen (its login at 07:52:35), so the
                // operator's call is new; nothing seen before is stored again.
                assertTrue(WakeupRig.await(() -> db.dsl().fetchCount(CALLS) == 3, Duration.ofSeconds(10)));
                StoredCall inbound = restarted.repository.findByLinkedId("1795420359.12").get(0);
                assertEquals(Completeness.FROM_CDR.name(), inbound.completeness());
                assertEquals("INBOUND", inbound.direction().name());
                assertEquals("9000", inbound.extension());
                assertEquals("9000", inbound.answeredBy());
                assertEquals(Duration.ofSeconds(10), inbound.talk());
                Thread.sleep(1000);
                assertEquals(3, db.dsl().fetchCount(CALLS), "nothing stored twice");
                assertEquals(1, db.dsl().fetchCount(CALL_CHARGES), "the national call is charged once");
            } finally {
                pbx.close();
            }
        }
    }

    @Test
    void aCallThatEndedDuringTheOutageGetsTheCdrsFiguresNotTheResyncsUpperBound() throws Exception {
        ShiftedClock clock = new ShiftedClock();
        clock.setNow(Instant.parse("2026-11-23T07:52:00Z"));
        Path masterCsv = dir.resolve("Master.csv");
        Transcript t = Transcript.fromResource(NATIONAL);
        try (Database db = TestDatabase.freshDatabase()) {
            AmiServer pbx = new AmiServer("cti", "cti-secret", Clock.systemUTC());
            int port = pbx.start(0);
            try (CaptureRig rig = CaptureRig.withCdrStore(db, port, clock, masterCsv)) {
                assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(20)));
                new TranscriptPlayer(pbx, 10, true, clock).play(t, 0, CaptureIdempotencyTest.indexOf(t, "HangupRequest", 0));
                pbx.close(); // answered and talking when the link drops; it ends unseen, 07:52:30 by the CDR
                appendCdr(masterCsv, NATIONAL);
                clock.setNow(Instant.parse("2026-11-23T07:53:30Z")); // the re-sync alone would say it lasted a minute more
                pbx = restart(port);
                assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(30)));
                assertTrue(rig.awaitStored(1, Duration.ofSeconds(10)));
                Thread.sleep(1000); // the live view, closed by the re-sync, has been offered too
                assertEquals(1, db.dsl().fetchCount(CALLS));
                StoredCall c = rig.repository.findByLinkedId("1795420327.10").get(0);
                assertEquals(Completeness.FROM_CDR.name(), c.completeness());
                assertEquals(Instant.parse("2026-11-23T07:52:30Z"), c.endedAt());
                assertEquals(Duration.ofSeconds(20), c.talk());
            } finally {
                pbx.close();
            }
        }
    }

    private static AmiServer restart(int port) throws InterruptedException {
        AmiServer pbx = new AmiServer("cti", "cti-secret", Clock.systemUTC());
        pbx.start(port);
        return pbx;
    }

    /** Appends the recording's own Master.csv rows, as Asterisk wrote them. */
    private static void appendCdr(Path masterCsv, String scenario) throws IOException {
        try (InputStream in = GapRecoveryTest.class.getResourceAsStream("/transcripts/" + scenario + ".cdr.csv")) {
            Files.writeString(masterCsv, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
