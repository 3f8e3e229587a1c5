package org.switchboard.core.rating;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.cli.Main;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateCommandTest {

    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void ratesEveryRowAndKeepsTheInputColumns() throws Exception {
        Path in = dir.resolve("calls.csv");
        Files.writeString(in, """
                extension,dialled,start,talk_seconds
                101,00441234567890,2026-11-23T15:50:50,65
                102,0612345678,2026-11-23T15:52:07,20
                101,008821234,2026-11-23T16:00:00,40
                """);
        Path out = dir.resolve("rated.csv");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int exit = run(o, e, "rate", "--tariff", "../config/tariff-cn.yaml", "--in", in.toString(), "--out", out.toString());
        assertEquals(0, exit, e.toString());
        List<String> rows = Files.readAllLines(out);
        assertEquals("extension,dialled,start,talk_seconds,area,category,amount,service_fee,surcharge,total,explanation",
                rows.get(0));
        assertTrue(rows.get(1).startsWith("101,00441234567890,2026-11-23T15:50:50,65,United Kingdom,international,"
                + "16.00,2.40,1.00,19.40,\"0044… United Kingdom"), rows.get(1));
        assertTrue(rows.get(2).contains(",national,1.00,0.15,1.00,2.15,"), rows.get(2));
        assertTrue(rows.get(3).startsWith("101,008821234,2026-11-23T16:00:00,40,,blocked,,,,,"), rows.get(3));
        assertTrue(o.toString().contains("rated 3 call(s), 1 not rated"), o.toString());
        assertTrue(o.toString().contains("CNY 21.55"), o.toString());
    }

    @Test
    void badRowsAreReportedWithTheirLinesAndNothingIsWritten() throws Exception {
        Path in = dir.resolve("calls.csv");
        Files.writeString(in, """
                extension,dialled,start,talk_seconds
                101,00441234567890,2026-11-23T15:50:50,65
                102,06-1234,2026-11-23T15:52:07,20
                103,0612345678,23/11/2026 15:52,20
                104,0612345678,2026-11-23T15:52:07,-3
                """);
        Path out = dir.resolve("rated.csv");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int exit = run(o, e, "rate", "--tariff", "../config/tariff-cn.yaml", "--in", in.toString(), "--out", out.toString());
        assertEquals(2, exit);
        String err = e.toString();
        assertTrue(err.contains(in + ":3: dialled: '06-1234' is not a dialled number"), err);
        assertTrue(err.contains(in + ":4: start: '23/11/2026 15:52' is not an ISO local date-time"), err);
        assertTrue(err.contains(in + ":5: talk_seconds: '-3' is not a whole number of seconds"), err);
        assertTrue(err.contains("3 error(s); nothing written"), err);
        assertFalse(Files.exists(out));
    }
}
