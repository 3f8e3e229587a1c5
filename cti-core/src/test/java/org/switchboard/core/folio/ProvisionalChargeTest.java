package org.switchboard.core.folio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.billing.audit.AuditFormats;
import org.switchboard.billing.audit.AuditReport;
import org.switchboard.billing.audit.AuditTable;
import org.switchboard.core.folio.application.FolioServices;
import org.switchboard.core.folio.model.FolioSettings;
import org.switchboard.core.support.FolioRig;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void theWaitIsSetInTheFolioSection() throws Exception {
        java.nio.file.Files.createDirectories(home.resolve("config"));
        for (String f : List.of("switchboard.yaml", "extensions.yaml", "tariff-cn.yaml")) {
            java.nio.file.Files.copy(Path.of("..", "config", f), home.resolve("config").resolve(f));
        }
        Path yaml = home.resolve("config/switchboard.yaml");
        String text = java.nio.file.Files.readString(yaml);
        java.nio.file.Files.writeString(yaml, text.replaceFirst("(?m)^  cos-family: cos.*$",
                "  cos-family: cos\n  provisional-wait-minutes: 15"));
        assertEquals(Duration.ofMinutes(15), org.switchboard.core.config.ConfigLoader.load(home.resolve("config"), home)
                .folio().provisionalWait());
        java.nio.file.Files.writeString(yaml, text.replaceFirst("(?m)^  cos-family: cos.*$",
                "  cos-family: cos\n  provisional-wait-minutes: -1"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.switchboard.core.config.ConfigException.class,
                () -> org.switchboard.core.config.ConfigLoader.load(home.resolve("config"), home));
        assertTrue(e.errors().toString().contains("folio.provisional-wait-minutes: '-1' is not a whole number from 0 to 10080"),
                e.errors().toString());
    }
}
