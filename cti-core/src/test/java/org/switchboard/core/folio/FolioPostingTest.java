package org.switchboard.core.folio;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Check-in → calls → check-out → late call; a room move mid-stay; sharers; vacant rooms; unrated calls. */
class FolioPostingTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @TempDir
    Path home;

    @Test
    void eachRatedCallLandsOnTheRightFolioOnceAndTheDayReconciles() throws Exception {
        try (FolioRig rig = new FolioRig(home)) {
            rig.checkIn("A801", "张三", "801", "500", null, rig.at(DAY, "09:00"));
            rig.checkIn("B802", "李四", "802", "500", null, rig.at(DAY, "09:00"));
            rig.checkIn("C804", "王五", "804", "500", null, rig.at(DAY, "09:00"));
            rig.checkIn("D804", "赵六", "804", "0", "C804", rig.at(DAY, "09:05"));

            long inHouse = rig.call("801", DAY, "10:00:00", "10:02:30", "02112345678");
            rig.stays.move("B802", "803", rig.at(DAY, "11:00"));
            long beforeMove = rig.call("802", DAY, "10:30:00", "10:31:00", "02112345678");
            long afterMove = rig.call("803", DAY, "11:30:00", "11:31:00", "00441234567890");
            long oldRoomAfterMove = rig.call("802", DAY, "11:40:00", "11:41:00", "02112345678");
            long sharer = rig.call("804", DAY, "12:00:00", "12:03:00", "02112345678");
            long stillUp = rig.call("801", DAY, "11:59:00", "12:05:00", "00441234567890");
            rig.stays.checkOut("A801", rig.at(DAY, "12:00"));
            long vacant = rig.call("801", DAY, "13:00:00", "13:01:00", "02112345678");
            long unrated = rig.call("803", DAY, "14:00:00", "14:01:00", "008821234567");
            long afterMidnight = rig.call("803", DAY.plusDays(1), "02:00:00", "02:01:00", "02112345678");

            FolioServices folios = rig.folios();
            assertEquals(9, folios.poster().postPending());
            assertEquals(0, folios.poster().postPending(), "nothing is posted twice");

            assertEquals(Outcome.POSTED, outcome(folios, inHouse, "A801"));
            assertEquals(Outcome.POSTED, outcome(folios, beforeMove, "B802"));
            assertEquals(Outcome.POSTED, outcome(folios, afterMove, "B802"), "the guest's calls follow the move");
            assertEquals(Outcome.POSTED, outcome(folios, sharer, "C804"), "a sharer's calls go to the main account");
            assertEquals(Outcome.LATE_CHARGE, outcome(folios, stillUp, "A801"), "still up at check-out: a late charge");
            assertEquals(Outcome.POSTED, outcome(folios, afterMidnight, "B802"));

            AuditReport report = folios.audit().report(DAY);
            assertEquals(List.of(oldRoomAfterMove, vacant), ids(report.exceptions(Outcome.VACANT_ROOM)),
                    "802 after its guest moved out, 801 after check-out: nobody's charge");
            assertEquals(List.of(unrated), ids(report.exceptions(Outcome.UNRATED)));
            assertEquals(List.of(stillUp), ids(report.exceptions(Outcome.LATE_CHARGE)));
            assertTrue(ids(report.lines()).contains(afterMidnight),
                    "02:00 the next morning belongs to the business date before (it closes at 04:00)");
            assertEquals(9, report.lines().size());
            assertTrue(report.reconciles(), AuditFormats.text(AuditTable.of(report)));
            assertEquals(0, report.rated().compareTo(report.posted().add(report.exceptionsTotal())));
            assertTrue(report.exceptionsTotal().signum() > 0 && report.posted().signum() > 0);
            String text = AuditFormats.text(AuditTable.of(report));
            assertTrue(text.contains("Reconciliation 对账: rated " + report.rated().setScale(2) + " = posted "), text);
            assertTrue(text.contains("— reconciled"), text);
            assertTrue(text.contains("张三") && text.contains("李四") && text.contains("王五") && !text.contains("赵六"), text);

            FolioDesk.Folio a = folios.desk().forAccount("A801");
            assertEquals(List.of(inHouse, stillUp), ids(a.entries()));
            assertEquals(a.charged().amount(), a.entries().stream().map(AuditLine::total).reduce(BigDecimal.ZERO, BigDecimal::add));
            assertTrue(!a.inHouse());
            FolioDesk.Folio c = folios.desk().forRoom("804");
            assertEquals("C804", c.accountId());
            assertEquals(List.of(sharer), ids(c.entries()));
        }
    }

    private static List<Long> ids(List<AuditLine> lines) {
        return lines.stream().map(AuditLine::callId).toList();
    }

    private static Outcome outcome(FolioServices folios, long callId, String account) {
        return folios.desk().forAccount(account).entries().stream().filter(l -> l.callId() == callId)
                .map(AuditLine::outcome).findFirst().orElse(null);
    }
}
