package org.switchboard.core.records.cli;

import org.switchboard.core.calls.model.StoredCall;
import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import org.switchboard.core.calls.application.CallArchive;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.storage.Database;
import org.switchboard.core.storage.RuntimeDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "calls", description = "List stored calls of a day or a range of days (hotel time zone), one line each: ring and talk time, result, charge.")
public final class CallsCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;
    @Mixin
    DateRangeOptions days;
    @Option(names = "--room", paramLabel = "R", description = "only calls of this room")
    String room;
    @Option(names = "--extension", paramLabel = "E", description = "only calls on which this extension took part")
    String extension;
    @Option(names = "--account", paramLabel = "NAME", description = "only calls of a guest account (帐户名 or account id, or part of it)")
    String account;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SwitchboardConfig c = options.load();
        ZoneId zone = c.hotelZone();
        LocalDate[] range = days.resolve(LocalDate.now(Clock.system(zone)));
        LocalDate first = range[0];
        LocalDate last = range[1];
        List<StoredCall> calls;
        try (Database db = RuntimeDatabase.connect(ConfigOptions.home(), c)) {
            calls = new CallArchive(db).find(first, last, room, extension, account);
        }
        PrintWriter out = spec.commandLine().getOut();
        DateTimeFormatter hms = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
        out.printf("%-7s %-8s %-10s %-14s %-18s %-6s %-10s %7s %7s  %-10s %s%n", "#", "START", "DIRECTION", "FROM", "TO", "ROOM",
                "ANSWERED", "RING", "TALK", "RESULT", "CHARGE");
        for (StoredCall k : calls) {
            out.printf("%-7s %-8s %-10s %-14s %-18s %-6s %-10s %7s %7s  %-10s %s%s%n", "#" + k.id(), hms.format(k.startedAt()),
                    k.direction(), k.callerNumber(), k.calleeNumber(), k.room() == null ? "-" : k.room(),
                    k.answeredBy() == null ? "-" : k.answeredBy(), seconds(k.ring()), seconds(k.talk()),
                    k.disposition().cdrName(), k.chargeTotal() == null ? "-" : k.chargeTotal(),
                    ("COMPLETE".equals(k.completeness()) ? "" : " (" + k.completeness() + ")")
                            + ("MANUAL".equals(k.source()) ? " (entered by " + k.enteredBy() + ")" : ""));
        }
        out.printf("%d call(s) %s (%s)%n", calls.size(), first.equals(last) ? "on " + first : "from " + first + " to " + last,
                zone);
        out.flush();
        return 0;
    }

    private static String seconds(Duration d) {
        return d == null ? "-" : String.format("%.1fs", d.toMillis() / 1000.0);
    }
}
