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
}
