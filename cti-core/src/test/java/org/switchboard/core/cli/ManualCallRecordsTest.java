package org.switchboard.core.cli;

import org.switchboard.core.support.ClockSensitive;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.support.TestConfigDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 录入话单 and corrections, as an operator or auditor does them from the command line. */
@ClockSensitive
class ManualCallRecordsTest {

    @TempDir
    Path home;
    Path config;

    @BeforeEach
    void configuration() throws Exception {
        config = TestConfigDir.create(home, "101-110");
        Files.copy(Path.of("..", "config", "tariff-cn.yaml"), config.resolve("tariff-cn.yaml"));
    }

    private CliTest.Result run(String... args) {
        return CliTest.runWith(config, args);
    }

    @Test
    void aHandEnteredCallIsStoredPricedCorrectableAndAudited() {
        CliTest.Result entered = run("enter-call", "--extension", "105", "--date", "2026-11-23", "--dialled", "0612345678",
                "--start", "15:00:00", "--end", "15:01:30", "--entered-by", "alice");
        assertEquals(0, entered.exit(), entered.err());
        assertTrue(entered.out().contains("(90 s) by alice; charge CNY 3.30"), entered.out()); // 2 blocks + 15% + 1.00
        Matcher id = Pattern.compile("entered call #(\\d+)").matcher(entered.out());
        assertTrue(id.find());

        CliTest.Result listed = run("calls", "--date", "2026-11-23", "--room", "105");
        assertTrue(listed.out().contains("(entered by alice)") && listed.out().contains("CNY 3.30"), listed.out());
        CliTest.Result range = run("calls", "--from", "2026-11-01", "--to", "2026-11-30", "--extension", "105");
        assertTrue(range.out().contains("1 call(s) from 2026-11-01 to 2026-11-30"), range.out());
        assertTrue(run("calls", "--from", "2026-11-24", "--to", "2026-11-30").out().contains("0 call(s)"));

        CliTest.Result edited = run("edit-call", id.group(1), "--end", "15:00:50", "--by", "bob",
                "--reason", "guest disputed the duration");
        assertEquals(0, edited.exit(), edited.err());
        assertTrue(edited.out().contains("charge CNY 2.15"), edited.out()); // 50 s: one block

        CliTest.Result history = run("call-history", id.group(1));
        assertTrue(history.out().contains("talk 50 s"), history.out());
        assertTrue(history.out().contains("bob changed end from 2026-11-23T07:01:30Z to 2026-11-23T07:00:50Z: "
                + "guest disputed the duration"), history.out());
        assertTrue(history.out().contains("(entered by alice)"), history.out());
    }

    @Test
    void aCallPastMidnightEndsTheNextDay() {
        CliTest.Result entered = run("enter-call", "--extension", "101", "--date", "2026-11-23", "--dialled", "00441234567890",
                "--start", "23:59:30", "--end", "00:00:40", "--entered-by", "night-auditor");
        assertEquals(0, entered.exit(), entered.err());
        assertTrue(entered.out().contains("(70 s)"), entered.out());
        assertTrue(entered.out().contains("charge CNY 19.40"), entered.out());
    }

    @Test
    void aCallToABlockedDestinationIsRecordedAndReportedNotPriced() {
        CliTest.Result entered = run("enter-call", "--extension", "107", "--date", "2026-11-23", "--dialled", "008821234567",
                "--start", "10:00:00", "--end", "10:02:00", "--entered-by", "alice");
        assertEquals(0, entered.exit(), entered.err());
        assertTrue(entered.out().contains("not rated: 008821234567 is International networks (blocked"), entered.out());
        assertTrue(run("calls", "--date", "2026-11-23", "--room", "107").out().contains("unrated: blocked"));
    }

    @Test
    void aBadEntryIsRefusedNamingTheField() {
        CliTest.Result r = run("enter-call", "--extension", "999", "--date", "2026-11-23", "--dialled", "0612345678",
                "--start", "15:00:00", "--end", "15:01:30", "--entered-by", "alice");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("extension: '999' is not a configured extension"), r.err());
        CliTest.Result same = run("enter-call", "--extension", "101", "--date", "2026-11-23", "--dialled", "0612345678",
                "--start", "15:00:00", "--end", "15:00:00", "--entered-by", "alice");
        assertTrue(same.err().contains("end: equals the start"), same.err());
    }
}
