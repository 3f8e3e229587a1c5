package org.switchboard.core.wakeup;

import org.switchboard.core.support.ClockSensitive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.cli.CliTest;
import org.switchboard.core.support.TestConfigDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code wakeup book|change|cancel|list|report} as the operator and the night auditor run them. */
@ClockSensitive
class WakeupCommandTest {

    @TempDir
    Path home;

    @Test
    void bookReadBackListChangeCancelAndReport() throws Exception {
        String dir = TestConfigDir.create(home, "801-810").toString();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate tomorrow = LocalDate.now(zone).plusDays(1);
        String at = tomorrow + "T08:00";
        String spoken = ZonedDateTime.of(tomorrow, LocalTime.of(8, 0), zone)
                .format(DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH));

        CliTest.Result booked = CliTest.run("wakeup", "book", "808", at, "--second", "4m", "--config-dir", dir);
        assertEquals(0, booked.exit(), booked.err());
        assertEquals("booking 1: Room 808: " + spoken + ", twice, 4 minutes apart", booked.out().trim());

        CliTest.Result group = CliTest.run("wakeup", "book", "801,802,803-805", at, "--group", "tour", "--config-dir", dir);
        assertEquals(0, group.exit(), group.err());
        assertTrue(group.out().contains("5 rooms booked"), group.out());

        CliTest.Result dup = CliTest.run("wakeup", "book", "808", at, "--config-dir", dir);
        assertEquals(2, dup.exit());
        assertTrue(dup.err().contains("room 808 already has a wake-up at that time (booking 1)"), dup.err());
        CliTest.Result unknown = CliTest.run("wakeup", "book", "806,999", at, "--config-dir", dir);
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("room 999 is not a configured room (nothing booked)"), unknown.err());
        CliTest.Result past = CliTest.run("wakeup", "book", "806", "2020-01-01T08:00", "--config-dir", dir);
        assertTrue(past.exit() == 2 && past.err().contains("time 2020-01-01T08:00 is already past"), past.err());
        CliTest.Result badTime = CliTest.run("wakeup", "book", "806", "8 o'clock", "--config-dir", dir);
        assertTrue(badTime.exit() == 2 && badTime.err().contains("is not HH:MM or YYYY-MM-DDTHH:MM"), badTime.err());
        CliTest.Result badSecond = CliTest.run("wakeup", "book", "806", at, "--second", "soon", "--config-dir", dir);
        assertEquals(2, badSecond.exit());
        assertTrue(badSecond.err().contains("--second: second-call interval 'soon' is not like 4m or 90s"), badSecond.err());

        CliTest.Result list = CliTest.run("wakeup", "list", "--date", tomorrow.toString(), "--config-dir", dir);
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains("7 call(s)"), list.out()); // 808 twice, five rooms once
        assertTrue(list.out().contains("group tour"), list.out());
        CliTest.Result attemptsWithoutDate = CliTest.run("wakeup", "list", "--attempts", "--config-dir", dir);
        assertTrue(attemptsWithoutDate.exit() == 2 && attemptsWithoutDate.err().contains("--attempts needs --date"));

        CliTest.Result changed = CliTest.run("wakeup", "change", "1", tomorrow + "T07:15", "--config-dir", dir);
        assertEquals(0, changed.exit(), changed.err());
        assertTrue(changed.out().contains("(replaces 1): Room 808: ") && changed.out().contains("07:15, once"), changed.out());
        assertEquals(0, CliTest.run("wakeup", "cancel", "2", "--config-dir", dir).exit());
        CliTest.Result again = CliTest.run("wakeup", "cancel", "2", "--config-dir", dir);
        assertTrue(again.exit() == 2 && again.err().contains("wake-up booking 2 is cancelled, not active"), again.err());

        CliTest.Result report = CliTest.run("wakeup", "report", "--date", tomorrow.toString(), "--csv", "--config-dir", dir);
        assertEquals(0, report.exit(), report.err());
        assertTrue(report.out().startsWith("calls,booked,woken_first_attempt,woken_after_retry,escalated,cancelled,pending"),
                report.out());
        // first calls: 808 (old, cancelled by the change) + new 808 + 801..805 = 7 booked; cancelled: old 808 and 801.
        assertTrue(report.out().contains("first call,7,0,0,0,2,5,,"), report.out());
        assertTrue(report.out().contains("second call,1,0,0,0,1,0,,"), report.out());
    }

    @Test
    void checkConfigNamesTheLineOfEachWakeUpMistake() throws Exception {
        Path shipped = Path.of("..", "config").toAbsolutePath().normalize();
        Path dir = java.nio.file.Files.createDirectories(home.resolve("bad"));
        java.nio.file.Files.writeString(dir.resolve("switchboard.yaml"), java.nio.file.Files.readString(
                shipped.resolve("switchboard.yaml")).replace("channel: \"SIP/{extension}\"", "channel: \"SIP/101\"")
                .replace("max-channels: 10", "max-channels: 0").replace("operator-extension: \"9000\"", "operator-extension: \"9999\""));
        java.nio.file.Files.copy(shipped.resolve("extensions.yaml"), dir.resolve("extensions.yaml"));
        for (String tariff : new String[] {"tariff-cn.yaml"}) {
            java.nio.file.Files.copy(shipped.resolve(tariff), dir.resolve(tariff));
        }
        CliTest.Result r = CliTest.run("check-config", "--config-dir", dir.toString());
        assertEquals(2, r.exit(), r.out());
        String file = dir.resolve("switchboard.yaml").toString();
        // The lines of the edited keys in the shipped example, wherever comments put them.
        java.util.List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("switchboard.yaml"));
        java.util.function.Function<String, Integer> line = key -> {
            int wakeup = 0;
            while (!lines.get(wakeup).startsWith("wakeup:")) {
                wakeup++;
            }
            for (int i = wakeup; i < lines.size(); i++) {
                if (lines.get(i).trim().startsWith(key + ":")) {
                    return i + 1;
                }
            }
            throw new AssertionError("no " + key + " under wakeup:");
        };
        assertTrue(r.err().contains(file + ":" + line.apply("channel")
                + ": wakeup.channel: 'SIP/101' is not a dial string with {extension}"), r.err());
        assertTrue(r.err().contains(file + ":" + line.apply("max-channels")
                + ": wakeup.max-channels: '0' is not a whole number from 1 to 500"), r.err());
        assertTrue(r.err().contains(file + ":" + line.apply("operator-extension")
                + ": wakeup.operator-extension: '9999' is not an extension listed in extensions.yaml"), r.err());
    }

    @Test
    void checkOutCancelsTheRoomsWakeUpsAndVacantRoomsAreRefused() throws Exception {
        String dir = TestConfigDir.create(home, "801-810").toString();
        String at = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1) + "T06:30";
        assertEquals(0, CliTest.run("checkin", "--room", "808", "--account", "F808", "--name", "王五", "--config-dir", dir).exit());
        assertEquals(0, CliTest.run("wakeup", "book", "808", at, "--daily", "--config-dir", dir).exit());
        CliTest.Result vacant = CliTest.run("wakeup", "book", "807", at, "--config-dir", dir);
        assertTrue(vacant.exit() == 2 && vacant.err().contains("room 807 is vacant (no guest checked in)"), vacant.err());
        assertEquals(0, CliTest.run("checkin", "--room", "801", "--account", "F801", "--name", "李四", "--config-dir", dir).exit());
        assertEquals(0, CliTest.run("wakeup", "book", "801", at, "--second", "4m", "--config-dir", dir).exit());
        CliTest.Result moved = CliTest.run("move", "--account", "F801", "--to-room", "802", "--config-dir", dir);
        assertEquals(0, moved.exit(), moved.err());
        assertTrue(moved.out().contains("wake-up moved from room 801: Room 802: ") && moved.out().contains("06:30, twice, 4 minutes apart"),
                moved.out());
        assertEquals(0, CliTest.run("checkout", "--account", "F801", "--config-dir", dir).exit());
        CliTest.Result out = CliTest.run("checkout", "--account", "F808", "--config-dir", dir);
        assertEquals(0, out.exit(), out.err());
        assertTrue(out.out().contains("room 808 is vacant: cancelled 1 wake-up booking(s)"), out.out());
        CliTest.Result list = CliTest.run("wakeup", "list", "--config-dir", dir);
        assertTrue(list.out().contains("0 call(s)"), list.out());
    }
}
