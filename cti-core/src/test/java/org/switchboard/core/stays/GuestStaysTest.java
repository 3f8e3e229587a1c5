package org.switchboard.core.stays;

import org.switchboard.core.calls.model.StoredCall;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.billing.money.Money;
import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.calls.model.CompletedCall;
import org.switchboard.core.calls.model.ManualCallEntry;
import org.switchboard.core.cli.CliTest;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.stays.infrastructure.StayRepository;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.TestConfigDir;
import org.switchboard.core.support.TestDatabase;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuestStaysTest {

    @TempDir
    Path home;

    private static CompletedCall callFrom(String room, String utcTime) {
        Directory d = new Directory(Map.of(room, new Extension(room, room, null, "Room " + room)), Map.of(), List.of());
        LocalTime start = LocalTime.parse(utcTime);
        return new ManualCallEntry(d, ZoneOffset.UTC).check(new ManualCallEntry.Form(room,
                LocalDate.of(2026, 11, 23), "0612345678", start, start.plusMinutes(1), "test"));
    }

    @Test
    void callsAreFoundByAccountNameAcrossARoomMoveAndNotAfterCheckOut() {
        try (Database db = TestDatabase.freshDatabase()) {
            StayRepository stays = new StayRepository(db.dsl());
            CallRepository calls = new CallRepository(db.dsl());
            Instant day = Instant.parse("2026-11-23T00:00:00Z");
            stays.checkIn("A1", "张三", "105", Money.of("500", "CNY"), null, day.plusSeconds(3600));
            stays.move("A1", "106", day.plusSeconds(3 * 3600));
            stays.checkOut("A1", day.plusSeconds(5 * 3600));
            calls.storeManual(callFrom("105", "02:00:00"), "t", day);   // in 105: his
            calls.storeManual(callFrom("105", "04:00:00"), "t", day);   // he had moved out of 105
            calls.storeManual(callFrom("106", "04:00:00"), "t", day);   // in 106: his
            calls.storeManual(callFrom("106", "06:00:00"), "t", day);   // after check-out
            LocalDate d = LocalDate.of(2026, 11, 23);
            List<StoredCall> his = calls.findBetween(d, d, null, null, "张");
            assertEquals(2, his.size());
            assertEquals(List.of("105", "106"), his.stream().map(StoredCall::room).toList());
            assertEquals(2, calls.findBetween(d, d, null, null, "A1").size(), "by account id too");
            assertEquals(4, calls.findBetween(d, d, null, null, null).size());
            // The desk refuses a second check-out (GuestStaysTest below, via the CLI); the repository only writes.
            assertThrows(IllegalStateException.class, () -> stays.checkOut("A1", day.plusSeconds(6 * 3600)));
        }
    }

    @Test
    void theFrontOfficeChecksInSharersAndRefusesADoubleBooking() throws Exception {
        Path config = TestConfigDir.create(home, "801-810");
        String dir = config.toString();
        assertEquals(0, CliTest.run("checkin", "--room", "808", "--account", "F808", "--name", "王五", "--deposit", "800",
                "--config-dir", dir).exit());
        CliTest.Result taken = CliTest.run("checkin", "--room", "808", "--account", "F809", "--name", "赵六",
                "--config-dir", dir);
        assertEquals(2, taken.exit());
        assertTrue(taken.err().contains("room 808 is occupied by account F808 (王五)"), taken.err());
        assertEquals(0, CliTest.run("checkin", "--room", "808", "--account", "F809", "--name", "赵六",
                "--sharer-of", "F808", "--config-dir", dir).exit());
        assertEquals(2, CliTest.run("checkin", "--room", "999", "--account", "X", "--name", "x", "--config-dir", dir).exit());
        CliTest.Result guests = CliTest.run("guests", "--config-dir", dir);
        assertTrue(guests.out().contains("F808         王五") && guests.out().contains("deposit CNY 800.00"), guests.out());
        assertTrue(guests.out().contains("(sharer of F808)") && guests.out().contains("2 guest(s) in house"), guests.out());
        assertEquals(0, CliTest.run("move", "--account", "F809", "--to-room", "809", "--config-dir", dir).exit());
        assertEquals(0, CliTest.run("checkout", "--account", "F808", "--config-dir", dir).exit());
        CliTest.Result again = CliTest.run("checkout", "--account", "F808", "--config-dir", dir);
        assertTrue(again.err().contains("account F808 is not in house"), again.err());
        assertTrue(CliTest.run("guests", "--config-dir", dir).out().contains("1 guest(s) in house"));
    }
}
