package org.switchboard.core.rating;

import org.junit.jupiter.api.Test;
import org.switchboard.billing.audit.AuditReport;
import org.switchboard.billing.audit.AuditTable;
import org.switchboard.core.folio.application.NightAudit;
import org.switchboard.core.refusal.Refusal;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.FailingWrites;
import org.switchboard.core.support.ShiftedClock;
import org.switchboard.core.support.WakeupRig;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.core.storage.jooq.Tables.CALLS;
import static org.switchboard.core.storage.jooq.Tables.CALL_CHARGES;

/**
 * A charge that could not be written (a full disk, here a trigger refusing the insert) is not invisible: the night
 * audit counts the call as not priced and will not reconcile or close, and the running daemon prices it once the
 * write succeeds again — no restart needed.
 */
class UnpricedCallsTest {

    /** The recorded outbound call (2026-11-23 07:52 UTC, extension 102 to a national number). */
    static final String NATIONAL = "outbound_national_trunk_hangup";
    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @Test
    void aChargeThatFailedToWriteIsCountedAndPricedByTheRunningDaemon() throws Exception {
        try (FailingWrites daemon = new FailingWrites(Instant.parse("2026-11-23T07:50:00Z"))) {
            Database db = daemon.db;
            ShiftedClock clock = daemon.clock;
            daemon.refuseInserts("call_charges");
            daemon.play(NATIONAL);
            assertTrue(WakeupRig.await(() -> db.dsl().fetchCount(CALLS) == 1, Duration.ofSeconds(20)), "stored");
            Thread.sleep(1000); // the capture's own pricing of the call has been tried and has failed
            assertEquals(0, db.dsl().fetchCount(CALL_CHARGES));

            NightAudit audit = daemon.rig.daemon.folios().audit();
            AuditReport report = audit.report(DAY);
            assertEquals(1, report.unpricedCalls());
            assertFalse(report.reconciles());
            assertTrue(AuditTable.of(report).reconciliation().contains("1 outbound call(s) not priced"),
                    AuditTable.of(report).reconciliation());
            clock.setNow(Instant.parse("2026-11-24T06:00:00Z")); // the date has ended: it may be closed
            Refusal refused = assertThrows(Refusal.class, () -> audit.close(DAY, "night auditor"));
            assertTrue(refused.getMessage().startsWith("1 outbound call(s) of the date have no charge yet"),
                    refused.getMessage());

            daemon.allowInserts("call_charges");
            assertTrue(WakeupRig.await(() -> db.dsl().fetchCount(CALL_CHARGES) == 1, Duration.ofSeconds(40)),
                    "priced by the running daemon");
            assertEquals("RATED", db.dsl().select(CALL_CHARGES.STATUS).from(CALL_CHARGES).fetchOne().value1());
            assertTrue(WakeupRig.await(() -> audit.report(DAY).reconciles(), Duration.ofSeconds(20)),
                    () -> AuditTable.of(audit.report(DAY)).reconciliation());
            assertEquals(0, audit.report(DAY).unpricedCalls());
            assertTrue(audit.close(DAY, "night auditor").closed());
        }
    }
}
