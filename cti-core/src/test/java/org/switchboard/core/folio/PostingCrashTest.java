package org.switchboard.core.folio;

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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
            assertThrows(IllegalStateException.class, () -> crashing.poster().postPending());
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
            assertInstanceOf(CallRecordDesk.Done.class, records.correct(first, null, null, LocalTime.parse("10:12:30"), "auditor",
                    "guest says the call was longer"));
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
}
