package org.switchboard.core.folio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.billing.audit.AuditFormats;
import org.switchboard.billing.audit.AuditReport;
import org.switchboard.billing.audit.AuditTable;
import org.switchboard.core.calls.application.CdrRecords;
import org.switchboard.core.calls.model.CdrRow;
import org.switchboard.core.folio.application.FolioServices;
import org.switchboard.core.records.CdrConfirmation;
import org.switchboard.core.folio.model.FolioSettings;
import org.switchboard.core.support.FolioRig;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.core.storage.jooq.Tables.CALLS;
import static org.switchboard.core.storage.jooq.Tables.CALL_CHARGES;

/**
 * No final charge on a guess: a call closed at the re-sync after a link outage, with no CDR to confirm its end, is
 * charged but held back from the folio for the provisional wait; after it, it is posted and the night audit lists
 * it as posted unconfirmed. A call seen whole beside it posts at once.
 */
class ProvisionalChargeTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @TempDir
    Path home;

    @Test
    void aChargeOnAGuessedDurationWaitsForItsCdrThenPostsUnconfirmed() throws Exception {
        try (FolioRig rig = new FolioRig(home)) {
            rig.checkIn("A801", "张三", "801", "500", null, rig.at(DAY, "09:00"));
            rig.clock.setNow(rig.at(DAY, "10:05"));
            long seen = rig.call("801", DAY, "10:00:00", "10:02:30", "02112345678");
            long guessed = rig.guessedCall("801", DAY, "10:01:00", "10:04:00", "02112345678");

            FolioServices folios = rig.folios();
            assertEquals(1, folios.poster().postPending(), "only the call seen whole is posted now");
            AuditReport held = folios.audit().report(DAY);
            assertEquals(List.of(guessed), held.guessed().held());
            assertFalse(held.reconciles(), "a charge held back is not yet on a folio");
            String text = AuditFormats.text(AuditTable.of(held));
            assertTrue(text.contains("Charges on a guessed duration") && text.contains("#" + guessed)
                    && text.contains("waiting for its CDR"), text);

            rig.clock.setNow(rig.at(DAY, "10:05").plus(FolioSettings.DEFAULT_PROVISIONAL_WAIT).minusSeconds(5));
            assertEquals(0, folios.poster().postPending(), "still within the wait");
            // The rig's clock runs on from each setting: the charge was written a little after 10:05.
            rig.clock.setNow(rig.at(DAY, "10:05").plus(FolioSettings.DEFAULT_PROVISIONAL_WAIT).plusSeconds(5));
            assertEquals(1, folios.poster().postPending(), "the wait is over: posted");
            assertEquals(0, folios.poster().postPending(), "once");
            AuditReport after = folios.audit().report(DAY);
            assertEquals(List.of(), after.guessed().held());
            assertEquals(List.of(guessed), after.guessed().unconfirmed());
            assertTrue(after.reconciles(), AuditFormats.text(AuditTable.of(after)));
            assertTrue(AuditFormats.text(AuditTable.of(after)).contains("posted unconfirmed: no CDR came"));
            assertEquals(2, folios.desk().forAccount("A801").entries().size(), "both calls on the guest's folio, once each");
            assertTrue(folios.desk().forAccount("A801").entries().stream().anyMatch(e -> e.callId() == seen));
        }
    }

    @Test
    void aGuessConfirmedByTheCdrStoreIsPricedOnItsBillsecAndPostedAtOnceOnce() throws Exception {
        try (FolioRig rig = new FolioRig(home)) {
            rig.checkIn("A801", "张三", "801", "500", null, rig.at(DAY, "09:00"));
            rig.clock.setNow(rig.at(DAY, "10:05"));
            long guessed = rig.guessedCall("801", DAY, "10:01:00", "10:04:00", "02112345678"); // 180 s, a guess
            FolioServices folios = rig.folios();
            assertEquals(0, folios.poster().postPending(), "held for its CDR");
            java.math.BigDecimal guessedCharge = charge(rig, guessed);

            String linkedId = rig.db.dsl().select(CALLS.LINKEDID).from(CALLS).where(CALLS.ID.eq(guessed)).fetchOne().value1();
            Instant start = rig.at(DAY, "10:01");
            CdrRow row = new CdrRow("801", "02112345678", "hotel", "SIP/801-0001", "SIP/trunk-0002", "Dial",
                    "SIP/trunk/2112345678,60", start, start.plusSeconds(4), start.plusSeconds(44), 40, "ANSWERED",
                    linkedId, "Master.csv at byte 0");
            CdrRecords store = new CdrRecords() {
                @Override
                public List<CdrRow> endedBetween(Instant from, Instant to) {
                    return row.end().isBefore(from) || row.end().isAfter(to) ? List.of() : List.of(row);
                }

                @Override
                public String describe() {
                    return "Master.csv";
                }
            };
            CdrConfirmation confirmation = new CdrConfirmation(rig.db, store,
                    org.switchboard.core.rating.Rating.assemble(rig.settings, rig.db, rig.clock).charges(),
                    rig.settings.hotelZone(), rig.clock);
            assertEquals(1, confirmation.confirmPending());
            assertEquals(0, confirmation.confirmPending(), "confirmed once");

            var call = rig.db.dsl().selectFrom(CALLS).where(CALLS.ID.eq(guessed)).fetchOne();
            assertEquals(40_000L, call.getTalkMs(), "billsec, not the guessed 180 s");
            assertEquals("CDR", call.getTimeSource());
            assertTrue(charge(rig, guessed).compareTo(guessedCharge) < 0, "priced again on 40 s");
            assertTrue(folios.poster().postPending() >= 1, "posted at once, not after the wait");
            AuditReport report = folios.audit().report(DAY);
            assertEquals(List.of(), report.guessed().held());
            assertEquals(List.of(), report.guessed().unconfirmed());
            assertTrue(report.reconciles(), AuditFormats.text(AuditTable.of(report)));
            var entries = folios.desk().forAccount("A801").entries();
            assertEquals(0, charge(rig, guessed).compareTo(entries.stream().filter(e -> e.callId() == guessed)
                    .map(org.switchboard.billing.audit.AuditLine::total).reduce(java.math.BigDecimal.ZERO,
                            java.math.BigDecimal::add)), "the folio holds the confirmed charge: " + entries);
            assertEquals(3, rig.db.dsl().fetchCount(org.switchboard.core.storage.jooq.Tables.CALL_EDITS,
                    org.switchboard.core.storage.jooq.Tables.CALL_EDITS.CALL_ID.eq(guessed)), "start, end, talk on the trail");
        }
    }

    private static java.math.BigDecimal charge(FolioRig rig, long callId) {
        return rig.db.dsl().select(CALL_CHARGES.TOTAL).from(CALL_CHARGES).where(CALL_CHARGES.CALL_ID.eq(callId))
                .fetchOne().value1();
    }

    @Test
    void theWaitIsSetInTheFolioSection() throws Exception {
        java.nio.file.Files.createDirectories(home.resolve("config"));
        for (String f : List.of("switchboard.yaml", "extensions.yaml", "tariff-cn.yaml")) {
            java.nio.file.Files.copy(Path.of("..", "config", f), home.resolve("config").resolve(f));
        }
        Path yaml = home.resolve("config/switchboard.yaml");
        String text = java.nio.file.Files.readString(yaml);
        assertTrue(text.contains("  provisional-wait-minutes: 60"), "the shipped configuration shows the key");
        java.nio.file.Files.writeString(yaml, text.replace("  provisional-wait-minutes: 60", "  provisional-wait-minutes: 15"));
        assertEquals(Duration.ofMinutes(15), org.switchboard.core.config.ConfigLoader.load(home.resolve("config"), home)
                .folio().provisionalWait());
        java.nio.file.Files.writeString(yaml, text.replace("  provisional-wait-minutes: 60", "  provisional-wait-minutes: -1"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.switchboard.core.config.ConfigException.class,
                () -> org.switchboard.core.config.ConfigLoader.load(home.resolve("config"), home));
        assertTrue(e.errors().toString().contains("folio.provisional-wait-minutes: '-1' is not a whole number from 0 to 10080"),
                e.errors().toString());
    }
}
