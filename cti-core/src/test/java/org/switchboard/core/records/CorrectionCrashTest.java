package org.switchboard.core.records;

import org.switchboard.core.calls.model.CallCorrection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.calls.application.CallArchive;
import org.switchboard.core.support.FolioRig;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.core.storage.jooq.Tables.CALLS;
import static org.switchboard.core.storage.jooq.Tables.CALL_CHARGES;
import static org.switchboard.core.storage.jooq.Tables.CALL_EDITS;
import static org.switchboard.core.storage.jooq.Tables.POSTING_OUTBOX;

/**
 * A correction and its new charge are one transaction: a crash while pricing leaves neither a corrected
 * record with its old charge nor an audit-trail line for a change that did not happen.
 */
class CorrectionCrashTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @TempDir
    Path home;

    @Test
    void aCrashWhilePricingACorrectionUndoesTheCorrection() throws Exception {
        try (FolioRig rig = new FolioRig(home)) {
            long id = rig.call("801", DAY, "10:00:00", "10:02:30", "02112345678");
            var before = rig.db.dsl().select(CALL_CHARGES.TOTAL).from(CALL_CHARGES).where(CALL_CHARGES.CALL_ID.eq(id)).fetchOne().value1();
            int outbox = rig.db.dsl().fetchCount(POSTING_OUTBOX);
            CallCorrection longer = new CallCorrection(null, null,
                    rig.at(DAY, "10:20:00"));

            // The correction use case's transaction, failing where it prices the corrected call.
            assertThrows(IllegalStateException.class, () -> rig.db.inTransaction(tx -> {
                CallArchive.correct(tx, id, longer, rig.settings.hotelZone(), "auditor", "guest says longer",
                        rig.clock.instant());
                throw new IllegalStateException("power cut while pricing");
            }));

            var call = new CallRepository(rig.db.dsl()).findById(id).orElseThrow();
            assertEquals(rig.at(DAY, "10:02:30"), call.endedAt(), "the correction was rolled back");
            assertEquals(0, rig.db.dsl().fetchCount(CALL_EDITS), "no audit line for a change that did not happen");
            assertEquals(before, rig.db.dsl().select(CALL_CHARGES.TOTAL).from(CALL_CHARGES).where(CALL_CHARGES.CALL_ID.eq(id)).fetchOne().value1());
            assertEquals(outbox, rig.db.dsl().fetchCount(POSTING_OUTBOX));

            // Done again without the crash: record, trail, charge and outbox row all change together.
            CallRecordDesk desk = new CallRecordDesk(rig.settings, rig.db, rig.clock);
            assertEquals(id, desk.correct(id, null, null, java.time.LocalTime.parse("10:20:00"), "auditor", "guest says longer")
                    .callId());
            assertEquals(Duration.ofMinutes(20), new CallRepository(rig.db.dsl()).findById(id).orElseThrow().talk());
            assertEquals(1, rig.db.dsl().fetchCount(CALL_EDITS));
            assertTrue(before.compareTo(rig.db.dsl().select(CALL_CHARGES.TOTAL).from(CALL_CHARGES)
                    .where(CALL_CHARGES.CALL_ID.eq(id)).fetchOne().value1()) < 0, "a longer call costs more");
            assertEquals(outbox + 1, rig.db.dsl().fetchCount(POSTING_OUTBOX));
            assertEquals(1, rig.db.dsl().fetchCount(CALLS));
        }
    }
}
