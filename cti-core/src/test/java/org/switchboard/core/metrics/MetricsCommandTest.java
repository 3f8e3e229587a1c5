package org.switchboard.core.metrics;

import org.switchboard.core.support.ClockSensitive;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.calls.model.CallDirection;
import org.switchboard.core.cli.CliTest;
import org.switchboard.core.config.ConfigLoader;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.metrics.application.LiveBoard;
import org.switchboard.core.metrics.application.MetricsRecorder;
import org.switchboard.core.metrics.infrastructure.MeasurementRepository;
import org.switchboard.core.metrics.model.AnswerMeasurer;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.StaffCalls;
import org.switchboard.core.support.TestConfigDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code scripts/switchboard metrics}: the front-office manager's answer-speed report, by shift, extension, hour; CSV. */
@ClockSensitive
class MetricsCommandTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path home;
    Path config;
    SwitchboardConfig loaded;

    @BeforeEach
    void hotelWithFourStaffCallsOnTheTwentyThird() throws Exception {
        config = TestConfigDir.create(home, "101-110");
        Files.writeString(config.resolve("switchboard.yaml"), Files.readString(config.resolve("switchboard.yaml")) + """
                metrics:
                  ring-cadence: cn
                  shifts: [ { name: morning, start: "07:00" }, { name: evening, start: "15:00" }, { name: night, start: "23:00" } ]
                  talk-targets-seconds: { inquiry: 180 }
                """);
        Files.writeString(config.resolve("extensions.yaml"), """
                departments:
                  - { id: front-desk, name: Front Desk, answer-threshold-seconds: 3, call-type: inquiry }
                  - { id: operator, name: Operator, answer-threshold-seconds: 3 }
                staff:
                  - { extension: "8000", department: front-desk }
                  - { extension: "8001", department: front-desk }
                  - { extension: "9000", department: operator }
                rooms: [ { range: 101-110 } ]
                """);
        Files.copy(Path.of("..", "config", "tariff-cn.yaml"), config.resolve("tariff-cn.yaml"));
        loaded = ConfigLoader.load(config, home);
        SwitchboardConfig.DatabaseSettings d = loaded.database();
        try (Database db = Database.connectAndMigrate(d.url(), d.user(), d.password())) {
            CallRepository calls = new CallRepository(db.dsl());
            Instant now = Instant.now();
            // A ring group at 09:00: 8001 answers after 2 s, then talks 200 s (over the 180 s inquiry target).
            calls.store(StaffCalls.call("a", "2026-11-23T09:00:00", CallDirection.INBOUND, 200_000,
                    StaffCalls.phone("8000", 0, null, 2_050), StaffCalls.phone("8001", 0, 2_000L, 202_000)), now);
            // 16:00: nobody answers 8000 for 12 s.
            calls.store(StaffCalls.call("b", "2026-11-23T16:00:00", CallDirection.INBOUND, 0, StaffCalls.phone("8000", 0, null, 12_000)), now);
            // 23:30, a room calls the operator: answered after 4 s (late).
            calls.store(StaffCalls.call("c", "2026-11-23T23:30:00", CallDirection.INTERNAL, 30_000, StaffCalls.phone("9000", 0, 4_000L, 34_000)), now);
            // 02:00 the next morning: still the night shift of the 23rd.
            calls.store(StaffCalls.call("d", "2026-11-24T02:00:00", CallDirection.INBOUND, 30_000, StaffCalls.phone("9000", 0, 1_000L, 31_000)), now);
            // 08:00 on the 24th: the next business day.
            calls.store(StaffCalls.call("e", "2026-11-24T08:00:00", CallDirection.INBOUND, 30_000, StaffCalls.phone("9000", 0, 1_000L, 31_000)), now);
            // Measured as the daemon does at start for calls stored while it was not measuring.
            try (MetricsRecorder recorder = new MetricsRecorder(new AnswerMeasurer(loaded.directory(), loaded.metrics(), SHANGHAI),
                    new MeasurementRepository(db.dsl()), new LiveBoard(loaded.directory()))) {
                assertEquals(5, recorder.measureMissing());
            }
        }
    }

    private CliTest.Result run(String... args) {
        return CliTest.runWith(config, args);
    }

    private static String line(String out, String startsWith) {
        return out.lines().filter(l -> l.startsWith(startsWith)).findFirst().orElse("(no line " + startsWith + ")");
    }

    @Test
    void theDaysReportCoversItsShiftsIncludingTheNightAfterMidnight() {
        CliTest.Result r = run("metrics", "--date", "2026-11-23");
        assertEquals(0, r.exit(), r.err());
        assertAll(r.out(),
                () -> assertTrue(r.out().startsWith("Answer speed, business day 2026-11-23, all departments "
                        + "(answer within: front-desk 3 s, operator 3 s)"), r.out()),
                () -> assertTrue(line(r.out(), "front-desk").matches(
                        "front-desk\\s+2\\s+1\\s+1\\s+50.0%\\s+1\\s+0\\s+2.0s\\s+2.0s\\s+12.0s\\s+3\\s+1"), line(r.out(), "front-desk")),
                () -> assertTrue(line(r.out(), "operator").matches("operator\\s+2\\s+2\\s+1\\s+50.0%\\s+0\\s+0\\s+2.5s\\s+4.0s\\s+4.0s\\s+1\\s+0"),
                        line(r.out(), "operator")),
                () -> assertTrue(line(r.out(), "all").matches("all\\s+4\\s+3\\s+2\\s+50.0%\\s+1\\s+0\\s+.*"), line(r.out(), "all")));
    }

    @Test
    void byShiftExtensionAndHour() {
        String shifts = run("metrics", "--date", "2026-11-23", "--by", "shift").out();
        assertTrue(shifts.contains("by shift"), shifts);
        assertTrue(line(shifts, "front-desk     morning").matches(".*\\s1\\s+1\\s+1\\s+100.0%.*"), shifts);
        assertTrue(line(shifts, "front-desk     evening").matches(".*\\s1\\s+0\\s+0\\s+0.0%\\s+1\\s.*"), shifts);
        assertTrue(line(shifts, "operator       night").matches("operator\\s+night\\s+2\\s+2\\s+1\\s+50.0%.*"),
                "23:30 and 02:00 are both the night shift of the 23rd:\n" + shifts);
        String phones = run("metrics", "--date", "2026-11-23", "--department", "front-desk", "--by", "extension").out();
        assertTrue(phones.contains("NO-ANS"), phones);
        assertTrue(line(phones, "front-desk     8000").matches("front-desk\\s+8000\\s+2\\s+0\\s+0\\s+0.0%\\s+2\\s.*"), phones);
        assertTrue(line(phones, "front-desk     8001").matches("front-desk\\s+8001\\s+1\\s+1\\s+1\\s+100.0%\\s+0\\s.*\\s1$"), phones);
        String hours = run("metrics", "--date", "2026-11-23", "--by", "hour").out();
        List<String> operatorHours = hours.lines().filter(l -> l.startsWith("operator")).map(l -> l.split("\\s+")[1]).toList();
        assertEquals(List.of("23:00", "02:00", "(all)"), operatorHours, "hours in business-day order: " + hours);
    }

    @Test
    void csvAndAPastDayReportIsTheSameAfterTheThresholdChanged() throws Exception {
        CliTest.Result csv = run("metrics", "--date", "2026-11-23", "--csv");
        assertTrue(csv.out().startsWith("department,group,offered,answered,answered_within_threshold,service_level_percent,"
                + "missed,busy,avg_ring_seconds,p90_ring_seconds,longest_ring_seconds,most_rings,over_talk_target\r\n"), csv.out());
        assertTrue(csv.out().contains("\r\nfront-desk,all,2,1,1,50.0,1,0,2.000,2.000,12.000,3,1\r\n"), csv.out());
        String before = run("metrics", "--date", "2026-11-23", "--by", "shift").out();
        Files.writeString(config.resolve("extensions.yaml"), Files.readString(config.resolve("extensions.yaml"))
                .replace("{ id: operator, name: Operator, answer-threshold-seconds: 3 }",
                        "{ id: operator, name: Operator, answer-threshold-seconds: 5 }"));
        assertEquals(before, run("metrics", "--date", "2026-11-23", "--by", "shift").out(),
                "stored measurements keep the threshold they were measured with");
        String twoDays = run("metrics", "--from", "2026-11-23", "--to", "2026-11-24").out();
        assertTrue(twoDays.contains("business days 2026-11-23 to 2026-11-24") && line(twoDays, "all").matches("all\\s+5\\s.*"),
                twoDays);
    }

    @Test
    void badInputIsNamed() {
        CliTest.Result dept = run("metrics", "--date", "2026-11-23", "--department", "frontdesk");
        assertEquals(2, dept.exit(), "a refusal, like every command's");
        assertTrue(dept.err().contains("switchboard metrics: department 'frontdesk' is not configured (known: front-desk, operator)"), dept.err());
        CliTest.Result by = run("metrics", "--date", "2026-11-23", "--by", "day");
        assertEquals(2, by.exit());
        assertTrue(by.err().contains("--by") && by.err().contains("day"), by.err());
        CliTest.Result range = run("metrics", "--from", "2026-11-24", "--to", "2026-11-23");
        assertTrue(range.err().contains("--to 2026-11-23 is before --from 2026-11-24"), range.err());
    }

    @Test
    void aCallStoredWhileNothingMeasuredIsMeasuredByTheReport() {
        SwitchboardConfig.DatabaseSettings d = loaded.database();
        try (Database db = Database.connectAndMigrate(d.url(), d.user(), d.password())) {
            new CallRepository(db.dsl()).store(StaffCalls.call("f", "2026-11-23T10:00:00", CallDirection.INBOUND, 5_000,
                    StaffCalls.phone("8000", 0, 1_000L, 6_000)), Instant.now());
        }
        CliTest.Result r = run("metrics", "--date", "2026-11-23");
        assertTrue(r.err().contains("(measured 1 stored call(s) not measured yet)"), r.err());
        assertTrue(line(r.out(), "front-desk").matches("front-desk\\s+3\\s+2\\s+2\\s+66.7%.*"), r.out());
        assertTrue(run("metrics", "--date", "2026-11-23").err().isEmpty(), "measured once");
    }
}
