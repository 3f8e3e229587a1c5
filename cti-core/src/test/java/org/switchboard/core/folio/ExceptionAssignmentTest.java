package org.switchboard.core.folio;

import org.switchboard.core.refusal.Refusal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.billing.audit.AuditFormats;
import org.switchboard.billing.audit.AuditLine;
import org.switchboard.billing.audit.AuditReport;
import org.switchboard.billing.audit.AuditTable;
import org.switchboard.billing.folio.Attribution.Outcome;
import org.switchboard.core.folio.application.FolioDesk;
import org.switchboard.core.folio.application.FolioServices;
import org.switchboard.core.support.FolioRig;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The night auditor clears an exception by hand: a vacant-room call that was really the guest's (their check-in
 * reached the system late) is charged to their folio — reversed from the exceptions, once, with who and why.
 */
class ExceptionAssignmentTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @TempDir
    Path home;

    @Test
    void aVacantRoomCallAssignedToAGuestMovesToTheirFolioOnce() throws Exception {
        try (FolioRig rig = new FolioRig(home)) {
            rig.checkIn("A801", "张三", "801", "500", null, rig.at(DAY, "09:00"));
            long posted = rig.call("801", DAY, "10:00:00", "10:02:30", "02112345678");
            long vacant = rig.call("802", DAY, "10:30:00", "10:33:00", "02112345678"); // the guest was there already
            rig.checkIn("B802", "李四", "802", "500", null, rig.at(DAY, "11:00"));
            FolioServices folios = rig.folios();
            assertEquals(2, folios.poster().postPending());
            BigDecimal total = line(folios.audit().report(DAY).exceptions(Outcome.VACANT_ROOM), vacant).total();

            FolioDesk desk = folios.desk();
            assertTrue(assertThrows(Refusal.class, () -> desk.assign(vacant, "B802", "night auditor", " "))
                    .getMessage().contains("say why"));
            assertTrue(assertThrows(Refusal.class, () -> desk.assign(vacant, "B802", null, "late check-in"))
                    .getMessage().contains("say who"));
            assertTrue(assertThrows(Refusal.class, () -> desk.assign(vacant, "NOPE", "night auditor", "x"))
                    .getMessage().contains("no account NOPE"));
            assertTrue(assertThrows(Refusal.class, () -> desk.assign(99999, "B802", "night auditor", "x"))
                    .getMessage().contains("no call #99999"));
            assertTrue(assertThrows(Refusal.class, () -> desk.assign(posted, "B802", "night auditor", "x"))
                    .getMessage().contains("is on account A801's folio by the stay records"), "not an exception");

            String done = desk.assign(vacant, "B802", "night auditor", "checked in at 10:15, PMS entry late");
            assertTrue(done.contains("call #" + vacant) && done.contains("assigned to account B802"), done);
            assertEquals(1, folios.poster().postPending());
            assertEquals(0, folios.poster().postPending(), "booked once");

            List<AuditLine> onFolio = desk.forAccount("B802").entries();
            assertEquals(1, onFolio.size());
            AuditLine charge = onFolio.get(0);
            assertEquals(vacant, charge.callId());
            assertEquals(Outcome.POSTED, charge.outcome());
            assertEquals(AuditLine.Cause.ASSIGNED, charge.cause());
            assertEquals(0, total.compareTo(charge.total()));
            assertEquals("assigned by night auditor: checked in at 10:15, PMS entry late", charge.detail());
            assertEquals(0, total.compareTo(desk.forAccount("B802").charged().amount()));

            AuditReport report = folios.audit().report(DAY);
            assertTrue(report.reconciles(), AuditFormats.text(AuditTable.of(report)));
            assertEquals(0, report.exceptionsTotal().signum(), "the exception and its reversal cancel out");
            List<AuditLine> vacantLines = report.exceptions(Outcome.VACANT_ROOM);
            assertEquals(2, vacantLines.size(), "the original exception and its reversal stay visible");
            assertEquals(0, total.negate().compareTo(vacantLines.get(1).total()));
            String text = AuditFormats.text(AuditTable.of(report));
            assertTrue(text.contains("#" + vacant) && text.contains("assigned by hand, posted"), text);

            // A mistake is mended the same way: assigned again, the charge moves from B802 to A801.
            desk.assign(vacant, "A801", "night auditor", "it was 张三 visiting, not 李四");
            assertEquals(1, folios.poster().postPending());
            assertEquals(0, desk.forAccount("B802").charged().amount().signum());
            assertEquals(2, desk.forAccount("B802").entries().size(), "B802 keeps the charge and its reversal");
            List<AuditLine> moved = desk.forAccount("A801").entries().stream().filter(l -> l.callId() == vacant).toList();
            assertEquals(1, moved.size());
            assertEquals(0, total.compareTo(moved.get(0).total()));
            assertEquals(0, line(desk.forAccount("A801").entries(), posted).total().add(total)
                    .compareTo(desk.forAccount("A801").charged().amount()));
            assertTrue(folios.audit().report(DAY).reconciles());
        }
    }

    private static AuditLine line(List<AuditLine> lines, long callId) {
        return lines.stream().filter(l -> l.callId() == callId).findFirst().orElseThrow();
    }
}
