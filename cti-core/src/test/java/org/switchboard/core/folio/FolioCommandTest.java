package org.switchboard.core.folio;

import org.switchboard.core.support.ClockSensitive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.cli.CliTest;
import org.switchboard.core.support.FolioRig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code folio}, {@code audit}, {@code assign-call} and {@code credit} as the night auditor and the front office run them. */
@ClockSensitive
class FolioCommandTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @TempDir
    Path home;

    @Test
    void folioAuditCsvHtmlCloseAndRefusals() throws Exception {
        try (FolioRig rig = new FolioRig(home)) {
            rig.checkIn("A808", "王五", "808", "800", null, rig.at(DAY, "09:00"));
            rig.call("808", DAY, "10:00:00", "10:01:05", "00441234567890");
            rig.call("809", DAY, "10:05:00", "10:06:00", "02112345678");

            CliTest.Result folio = CliTest.runWith(rig.config, "folio", "808");
            assertEquals(0, folio.exit(), folio.err());
            assertTrue(folio.out().contains("Folio of A808 (王五), room 808, in house"), folio.out());
            assertTrue(folio.out().contains("1 call(s), total CNY 19.40; deposit CNY 800.00, credit limit CNY 640.00"), folio.out());
            CliTest.Result vacant = CliTest.runWith(rig.config, "folio", "809");
            assertEquals(2, vacant.exit());
            assertTrue(vacant.err().contains("room 809 has no guest in house (use --account for a past guest)"), vacant.err());
            assertEquals(2, CliTest.runWith(rig.config, "folio", "808", "--account", "A808").exit());

            Path csv = home.resolve("audit.csv");
            Path html = home.resolve("audit.html");
            CliTest.Result audit = CliTest.runWith(rig.config, "audit", "--date", "2026-11-20", "--csv", csv.toString(),
                    "--html", html.toString());
            assertEquals(0, audit.exit(), audit.err());
            assertTrue(audit.out().contains("Reconciliation 对账: rated 21.55 = posted 19.40 + exceptions 2.15 — reconciled"),
                    audit.out());
            assertTrue(audit.out().contains("OPEN — figures change until the date is closed"), audit.out());
            byte[] bytes = Files.readAllBytes(csv);
            assertEquals((byte) 0xEF, bytes[0]);
            assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("王五"));
            assertTrue(Files.readString(html).contains("<table>"));

            CliTest.Result noBy = CliTest.runWith(rig.config, "audit", "--date", "2026-11-20", "--close");
            assertEquals(2, noBy.exit());
            assertTrue(noBy.err().contains("say who closes the date (--by)"), noBy.err());
            CliTest.Result closed = CliTest.runWith(rig.config, "audit", "--date", "2026-11-20", "--close", "--by", "night auditor",
                    "--csv", csv.toString());
            assertEquals(0, closed.exit(), closed.err());
            assertTrue(closed.out().contains("business date 2026-11-20 closed by night auditor"), closed.out());
            byte[] atClose = Files.readAllBytes(csv);
            assertEquals(0, CliTest.runWith(rig.config, "audit", "--date", "2026-11-20", "--csv", csv.toString()).exit());
            assertArrayEquals(atClose, Files.readAllBytes(csv), "re-running a closed date's report gives the same bytes");
            assertTrue(new String(atClose, StandardCharsets.UTF_8).contains("CLOSED "));
            assertEquals(2, CliTest.runWith(rig.config, "audit", "--date", "2026-11-20", "--close", "--by", "x").exit());

            CliTest.Result lift = CliTest.runWith(rig.config, "credit", "lift", "--account", "A808", "--by", "m", "--reason", "r");
            assertEquals(2, lift.exit());
            assertTrue(lift.err().contains("account A808 is not barred"), lift.err());
            assertEquals(2, CliTest.runWith(rig.config, "credit", "lift", "--account", "NOPE", "--by", "m", "--reason", "r").exit());
            assertEquals(0, CliTest.runWith(rig.config, "credit", "bars", "--all").exit());
        }
    }

    @Test
    void assignCallMovesAnExceptionToAGuestsFolio() throws Exception {
        try (FolioRig rig = new FolioRig(home)) {
            rig.checkIn("A808", "王五", "808", "800", null, rig.at(DAY, "09:00"));
            long vacant = rig.call("809", DAY, "10:05:00", "10:06:00", "02112345678");

            CliTest.Result noReason = CliTest.runWith(rig.config, "assign-call", "#" + vacant, "--account", "A808", "--by", "ana");
            assertEquals(2, noReason.exit());
            assertTrue(noReason.err().contains("--reason"), noReason.err());
            CliTest.Result badId = CliTest.runWith(rig.config, "assign-call", "twelve", "--account", "A808", "--by", "ana",
                    "--reason", "r");
            assertEquals(2, badId.exit());
            assertTrue(badId.err().contains("CALL_ID: 'twelve' is not a call id"), badId.err());
            CliTest.Result noAccount = CliTest.runWith(rig.config, "assign-call", String.valueOf(vacant), "--account", "Z9",
                    "--by", "ana", "--reason", "r");
            assertEquals(2, noAccount.exit());
            assertTrue(noAccount.err().contains("switchboard assign-call: no account Z9"), noAccount.err());

            CliTest.Result assigned = CliTest.runWith(rig.config, "assign-call", "#" + vacant, "--account", "A808", "--by",
                    "night auditor", "--reason", "王五 used the phone in 809 while it was being cleaned");
            assertEquals(0, assigned.exit(), assigned.err());
            assertTrue(assigned.out().contains("call #" + vacant + " (room 809, 02112345678, 2.15 CNY) assigned to account A808"),
                    assigned.out());
            assertTrue(assigned.out().contains("folio of A808 (王五): total CNY 2.15"), assigned.out());
            CliTest.Result again = CliTest.runWith(rig.config, "assign-call", "#" + vacant, "--account", "A808", "--by",
                    "ana", "--reason", "twice");
            assertEquals(2, again.exit());
            assertTrue(again.err().contains("is already assigned to account A808 (by night auditor"), again.err());
            CliTest.Result folio = CliTest.runWith(rig.config, "folio", "808");
            assertTrue(folio.out().contains("1 call(s), total CNY 2.15"), folio.out());
            CliTest.Result audit = CliTest.runWith(rig.config, "audit", "--date", "2026-11-20");
            assertTrue(audit.out().contains("Reconciliation 对账: rated 2.15 = posted 2.15 + exceptions 0.00 — reconciled"),
                    audit.out());
            assertTrue(audit.out().contains("assigned by hand, posted"), audit.out());
        }
    }
}
