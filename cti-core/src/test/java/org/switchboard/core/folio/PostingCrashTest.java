package org.switchboard.core.folio;

import org.switchboard.core.refusal.Refusal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.billing.audit.AuditLine;
import org.switchboard.core.folio.application.FolioServices;
import org.switchboard.core.records.CallRecordDesk;
import org.switchboard.core.support.FolioRig;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.switchboard.core.storage.jooq.Tables.FOLIO_ENTRIES;
import static org.switchboard.core.storage.jooq.Tables.POSTING_OUTBOX;

/** A crash between rating and posting, or in the middle of posting, neither loses nor doubles a posting. */
class PostingCrashTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @TempDir
    Path home;

    @Test
    void aCrashAfterRatingOrMidPostingIsPostedOnceAfterTheRestart() throws Exception {
        try (FolioRig rig = new FolioRig(home)) {
            rig.checkIn("A801", "张三", "801", "1000", null, rig.at(DAY, "09:00"));
            // The daemon rated these calls (charge and outbox row in one transaction), then died before posting.
            long first = rig.call("801", DAY, "10:00:00", "10:02:30", "02112345678");
            long second = rig.call("801", DAY, "10:10:00", "10:11:00", "00441234567890");
            assertEquals(2, rig.db.dsl().fetchCount(POSTING_OUTBOX, POSTING_OUTBOX.DONE_AT.isNull()));
            assertEquals(0, rig.db.dsl().fetchCount(FOLIO_ENTRIES));

            // The restarted poster crashes after writing the entries, before committing them.
            FolioServices crashing = rig.folios(chunk -> {
                throw new IllegalStateException("power cut");
            });
            assertThrows(IllegalStateException.class, () -> crashing.poster().postChunk(500));
            assertEquals(0, rig.db.dsl().fetchCount(FOLIO_ENTRIES), "the half-done posting was rolled back");
            assertEquals(2, rig.db.dsl().fetchCount(POSTING_OUTBOX, POSTING_OUTBOX.DONE_AT.isNull()), "nothing lost");

            // The next start posts them once; running again, or a second poster, books nothing more.
            FolioServices folios = rig.folios();
            assertEquals(2, folios.poster().postPending());
            assertEquals(0, folios.poster().postPending());
            assertEquals(0, rig.folios().poster().postPending());
            List<AuditLine> folio = folios.desk().forAccount("A801").entries();
            assertEquals(List.of(first, second), folio.stream().map(AuditLine::callId).toList());
            assertEquals(2, rig.db.dsl().fetchCount(FOLIO_ENTRIES));

            // A correction re-prices the call: the folio gets the difference as an adjustment, once.
            CallRecordDesk records = new CallRecordDesk(rig.settings, rig.db, rig.clock);
            var before = folios.desk().forAccount("A801").charged();
            assertEquals(first, records.correct(first, null, null, LocalTime.parse("10:12:30"), "auditor",
                    "guest says the call was longer").callId());
            assertEquals(1, folios.poster().postPending());
            List<AuditLine> after = folios.desk().forAccount("A801").entries();
            assertEquals(3, after.size());
            AuditLine adjustment = after.stream().filter(l -> l.kind() == AuditLine.Kind.ADJUSTMENT).findFirst().orElseThrow();
            assertEquals(AuditLine.Cause.CORRECTED, adjustment.cause());
            assertEquals(first, adjustment.callId());
            assertEquals(1, adjustment.total().signum(), "a longer call costs more");
            assertEquals(before.amount().add(adjustment.total()), folios.desk().forAccount("A801").charged().amount());
            assertEquals(0, folios.poster().postPending());
        }
    }

    @Test
    void twoPostersAtOnceBookEachCallOnce() throws Exception {
        try (FolioRig rig = new FolioRig(home)) {
            rig.checkIn("A801", "张三", "801", "100000", null, rig.at(DAY, "09:00"));
            List<Long> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String start = LocalTime.of(10, 0).plusMinutes(i).toString() + ":00";
                String end = LocalTime.of(10, 0).plusMinutes(i).plusSeconds(30 + i).toString();
                long id = rig.call("801", DAY, start, end.length() == 5 ? end + ":00" : end, "02112345678");
                ids.add(id);
                // Rated a second time (as a re-rating does): two adjacent outbox rows per call, the same charge,
                // so the two posters' chunks split some calls' rows between them.
                rig.rateAgain(id);
            }
            FolioServices a = rig.folios();
            FolioServices b = rig.folios();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            var fa = pool.submit(() -> { int n = 0; for (int k; (k = a.poster().postChunk(7)) > 0; ) { n += k; } return n; });
            var fb = pool.submit(() -> { int n = 0; for (int k; (k = b.poster().postChunk(5)) > 0; ) { n += k; } return n; });
            int posted = fa.get() + fb.get();
            pool.shutdown();
            assertEquals(240, posted, "every outbox row taken exactly once");
            var folio = a.desk().forAccount("A801");
            assertEquals(120, folio.entries().size(), "one entry per call: the second rating changed nothing");
            assertEquals(0, a.audit().report(DAY).difference().signum(), "ledger = charges, to the cent");
        }
    }

    @Test
    void aPostingThatAlwaysFailsIsHeldAsideAndTheOthersArePosted() throws Exception {
        try (FolioRig rig = new FolioRig(home)) {
            rig.checkIn("A801", "张三", "801", "1000", null, rig.at(DAY, "09:00"));
            long first = rig.call("801", DAY, "10:00:00", "10:01:00", "02112345678");
            long poison = rig.call("801", DAY, "10:10:00", "10:11:00", "02112345678");
            long third = rig.call("801", DAY, "10:20:00", "10:21:00", "02112345678");

            // Whatever makes this call's posting fail (a bug, bad data), it fails every time.
            FolioServices folios = rig.folios(chunk -> {
                if (chunk.stream().anyMatch(p -> p.callId() == poison)) {
                    throw new IllegalStateException("cannot post call " + poison);
                }
            });
            assertEquals(2, folios.poster().postPending(), "the chunk failed, so its rows went one by one");
            assertEquals(List.of(first, third), folios.desk().forAccount("A801").entries().stream()
                    .map(AuditLine::callId).toList());
            assertTrue(folios.audit().held().isEmpty(), "failed twice (in its chunk of 3, then alone), not held yet");
            assertEquals(0, folios.poster().postPending(), "third attempt: now held aside");
            assertEquals(List.of(poison), folios.audit().held().stream().map(h -> h.callId()).toList());
            assertTrue(folios.audit().held().get(0).error().contains("cannot post call " + poison));

            // Nothing is lost: the audit counts it as not posted and the date cannot close.
            long later = rig.call("801", DAY, "11:00:00", "11:01:00", "02112345678");
            assertEquals(1, folios.poster().postPending(), "rows behind the held one are posted");
            var report = folios.audit().report(DAY);
            assertEquals(1, report.pendingCalls());
            assertFalse(report.reconciles());
            rig.clock.setNow(rig.at(DAY.plusDays(1), "05:00"));
            Refusal refused = assertThrows(Refusal.class,
                    () -> folios.audit().close(DAY, "night auditor"));
            assertTrue(refused.getMessage().contains("1 charge(s) of the date are not posted yet; 1 posting(s) held aside "
                    + "after repeated failures"), refused.getMessage());
            assertTrue(refused.getMessage().contains("call #" + poison), refused.getMessage());

            // The next start (the cause fixed) tries it again; it is posted once and the date closes.
            FolioServices fixed = rig.folios();
            assertEquals(1, fixed.poster().releaseHeld());
            assertEquals(1, fixed.poster().postPending());
            assertEquals(0, fixed.poster().postPending());
            assertEquals(4, fixed.desk().forAccount("A801").entries().size());
            assertTrue(fixed.audit().report(DAY).reconciles());
            assertTrue(fixed.audit().close(DAY, "night auditor").closed());
            assertTrue(List.of(first, poison, third, later).containsAll(fixed.desk().forAccount("A801").entries().stream()
                    .map(AuditLine::callId).toList()));
        }
    }
}
