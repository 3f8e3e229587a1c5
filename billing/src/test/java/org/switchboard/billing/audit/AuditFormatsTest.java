package org.switchboard.billing.audit;

import org.junit.jupiter.api.Test;
import org.switchboard.billing.folio.Amounts;
import org.switchboard.billing.folio.Attribution.Outcome;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditFormatsTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    static AuditLine line(long id, Outcome outcome, String account, String name, String total) {
        BigDecimal t = new BigDecimal(total);
        return new AuditLine(id, id, DAY, DAY, AuditLine.Kind.CHARGE, AuditLine.Cause.CAPTURED, outcome, account, name,
                "801", "801", "=0044123", DAY.atTime(LocalTime.of(10, 0)).atZone(ZoneId.of("Asia/Shanghai")), 65,
                "INTERNATIONAL", "United Kingdom, \"UK\"", new Amounts(t, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, t), "");
    }

    @Test
    void theReportReconcilesToTheCentAndSaysSoInEveryFormat() {
        AuditReport r = new AuditReport("Test Hotel", DAY, LocalTime.of(4, 0), "Asia/Shanghai", "CNY", null,
                List.of(line(1, Outcome.POSTED, "A", "张三", "10.20"), line(2, Outcome.VACANT_ROOM, null, null, "1.69")),
                new BigDecimal("11.89"), 0, 0);
        assertTrue(r.reconciles());
        AuditTable t = AuditTable.of(r);
        assertEquals("Reconciliation 对账: rated 11.89 = posted 10.20 + exceptions 1.69 — reconciled", t.reconciliation());
        byte[] csv = AuditFormats.csv(t);
        String s = new String(csv, StandardCharsets.UTF_8);
        assertTrue(s.startsWith("\uFEFF"), "BOM for spreadsheets");
        assertTrue(s.contains("\"United Kingdom, \"\"UK\"\"\""), "quotes doubled, field quoted");
        assertTrue(s.contains(",'=0044123,"), "a leading = is not taken for a formula");
        assertTrue(s.contains("\r\n"));
        String html = AuditFormats.html(t);
        assertTrue(html.contains("&quot;UK&quot;") && html.contains("@media print"));
        String text = AuditFormats.text(t);
        assertTrue(text.contains("张三"));

        AuditReport off = new AuditReport("Test Hotel", DAY, LocalTime.of(4, 0), "Asia/Shanghai", "CNY", null,
                r.lines(), new BigDecimal("12.89"), 1, 0);
        assertFalse(off.reconciles());
        assertTrue(AuditTable.of(off).reconciliation().endsWith("DOES NOT RECONCILE: difference 1.00, 1 call(s) not yet posted"));

        // Every charge that exists reached the ledger, but two outbound calls have none: that is not reconciled.
        AuditReport unpriced = new AuditReport("Test Hotel", DAY, LocalTime.of(4, 0), "Asia/Shanghai", "CNY", null,
                r.lines(), new BigDecimal("11.89"), 0, 2);
        assertFalse(unpriced.reconciles());
        assertTrue(AuditTable.of(unpriced).reconciliation().endsWith(
                "DOES NOT RECONCILE: difference 0.00, 2 outbound call(s) not priced"), AuditTable.of(unpriced).reconciliation());
    }
}
