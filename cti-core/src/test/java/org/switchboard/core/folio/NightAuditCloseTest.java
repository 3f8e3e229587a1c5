package org.switchboard.core.folio;

import org.switchboard.core.refusal.Refusal;

import org.switchboard.core.support.ClockSensitive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.billing.audit.AuditFormats;
import org.switchboard.billing.audit.AuditLine;
import org.switchboard.billing.audit.AuditReport;
import org.switchboard.billing.audit.AuditTable;
import org.switchboard.core.folio.application.FolioServices;
import org.switchboard.core.folio.application.NightAudit;
import org.switchboard.core.records.CallRecordDesk;
import org.switchboard.core.support.FolioRig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Closing a business date locks it: later corrections go to the next open date; the closed report never changes. */
@ClockSensitive
class NightAuditCloseTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @TempDir
    Path home;

    @Test
    void aClosedDateReportsTheSameBytesAndLaterCorrectionsBecomeAdjustmentsOfTheNextDate() throws Exception {
        try (FolioRig rig = new FolioRig(home)) {
            rig.checkIn("A801", "张三", "801", "1000", null, rig.at(DAY, "09:00"));
            long call = rig.call("801", DAY, "10:00:00", "10:02:30", "02112345678");
            rig.call("802", DAY, "10:05:00", "10:06:00", "02112345678"); // vacant
            FolioServices folios = rig.folios();
            NightAudit audit = folios.audit();

            rig.clock.setNow(rig.at(DAY.plusDays(1), "03:59"));
            Refusal early = assertThrows(Refusal.class, () -> audit.close(DAY, "night auditor"));
            assertTrue(early.getMessage().contains("runs until 2026-11-21 04:00"), early.getMessage());
            assertThrows(Refusal.class, () -> audit.close(DAY, " "));

            rig.clock.setNow(rig.at(DAY.plusDays(1), "04:30"));
            AuditReport closed = audit.close(DAY, "night auditor");
            assertTrue(closed.closed() && closed.reconciles());
            byte[] csv = AuditFormats.csv(AuditTable.of(closed));
            String html = AuditFormats.html(AuditTable.of(closed));
            assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3), "UTF-8 BOM");
            assertTrue(new String(csv, StandardCharsets.UTF_8).contains("张三"));
            assertTrue(html.contains("@media print") && html.contains("张三"));

            Refusal again = assertThrows(Refusal.class, () -> audit.close(DAY, "x"));
            assertTrue(again.getMessage().contains("already closed"), again.getMessage());
            rig.clock.setNow(rig.at(DAY.plusDays(3), "05:00"));
            Refusal skip = assertThrows(Refusal.class, () -> audit.close(DAY.plusDays(2), "x"));
            assertTrue(skip.getMessage().contains("close 2026-11-21 first"), skip.getMessage());

            // After the close: the record of the 20th is corrected and a late record of the 20th is entered.
            new CallRecordDesk(rig.settings, rig.db, rig.clock).correct(call, null, null, LocalTime.parse("10:10:00"),
                    "auditor", "guest complaint");
            long late = rig.call("801", DAY, "11:00:00", "11:01:00", "02112345678");
            folios.poster().postPending();

            AuditReport reread = audit.report(DAY);
            assertArrayEquals(csv, AuditFormats.csv(AuditTable.of(reread)), "the closed date's CSV is byte-identical");
            assertEquals(html, AuditFormats.html(AuditTable.of(reread)));
            assertEquals(AuditFormats.text(AuditTable.of(closed)), AuditFormats.text(AuditTable.of(reread)));

            AuditReport next = audit.report(DAY.plusDays(1));
            assertEquals(2, next.carriedIn().size(), "the correction and the late record, booked on the next open date");
            assertTrue(next.carriedIn().stream().allMatch(l -> l.callDate().equals(DAY)));
            assertTrue(next.carriedIn().stream().anyMatch(l -> l.callId() == call && l.kind() == AuditLine.Kind.ADJUSTMENT
                    && l.cause() == AuditLine.Cause.CORRECTED));
            assertTrue(next.carriedIn().stream().anyMatch(l -> l.callId() == late && l.kind() == AuditLine.Kind.CHARGE));
            assertTrue(next.reconciles(), AuditFormats.text(AuditTable.of(next)));
            String text = AuditFormats.text(AuditTable.of(next));
            assertTrue(text.contains("Carried in from closed dates") && text.contains("call of 2026-11-20"), text);
            assertTrue(text.contains("record corrected"), text);
            String nextCsv = new String(AuditFormats.csv(AuditTable.of(next)), StandardCharsets.UTF_8);
            assertTrue(nextCsv.contains("call of 2026-11-20"), "the adjustment is in the CSV too");

            AuditReport closedNext = audit.close(DAY.plusDays(1), "night auditor");
            assertTrue(closedNext.closed() && closedNext.reconciles());
        }
    }
}
