package org.switchboard.core.wakeup.cli;

import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.refusal.Refusal;
import org.switchboard.core.csv.Csv;
import org.switchboard.core.storage.Database;
import org.switchboard.core.storage.RuntimeDatabase;
import org.switchboard.core.wakeup.Wakeups;
import org.switchboard.core.wakeup.application.WakeupDesk;
import org.switchboard.core.wakeup.infrastructure.QuartzWakeupTimers;
import org.switchboard.core.wakeup.model.ReadBack;
import org.switchboard.core.wakeup.model.WakeupCall;
import org.switchboard.core.wakeup.model.WakeupReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code wakeup book|change|cancel|list|report}: the operator's wake-up calls, by room, in the hotel's
 * time. Bookings go into the database and Quartz's timers there; the running daemon places them.
 */
@Command(name = "wakeup", description = "Wake-up calls: book, change, cancel, list, report.",
        subcommands = {WakeupCommand.Book.class, WakeupCommand.Change.class, WakeupCommand.Cancel.class,
                WakeupCommand.ListCalls.class, WakeupCommand.Report.class})
public final class WakeupCommand {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** Runs an action on the desk: exit 0 when done, 2 when refused (with the reason on stderr). */
    private static int withDesk(ConfigOptions options, CommandSpec spec, Function<Context, Integer> action) {
        SwitchboardConfig c = options.load();
        try (Database db = RuntimeDatabase.connect(ConfigOptions.home(), c);
             QuartzWakeupTimers timers = QuartzWakeupTimers.open(db.dataSource(), Clock.systemUTC())) {
            PrintWriter out = spec.commandLine().getOut();
            try {
                return action.apply(new Context(c, Wakeups.desk(c, db, timers, Clock.systemUTC()), out));
            } finally {
                out.flush();
            }
        }
    }

    private record Context(SwitchboardConfig config, WakeupDesk desk, PrintWriter out) {
    }

    /** How often to wake the guest: an optional second call, daily. Shared by book and change. */
    public static final class When {
        @Option(names = "--second", paramLabel = "INTERVAL", description = "a second call this long after the first, e.g. 4m")
        String second;
        @Option(names = "--daily", description = "every day until check-out (or until cancelled)")
        boolean daily;

        Duration secondAfter(CommandSpec spec) {
            if (second == null) {
                return null;
            }
            try {
                return ReadBack.parseInterval(second);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--second: " + e.getMessage());
            }
        }
    }

    @Command(name = "book", description = "Book a wake-up: ROOMS (808, or a group: 801,802,810-830) at TIME "
            + "(HH:MM = the next such time, or YYYY-MM-DDTHH:MM), hotel time. Answers with the read-back sentence.")
    public static final class Book implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(index = "0", paramLabel = "ROOMS")
        String rooms;
        @Parameters(index = "1", paramLabel = "TIME", description = "HH:MM (the next such time) or YYYY-MM-DDTHH:MM, hotel time")
        String time;
        @Mixin
        When when;
        @Option(names = "--group", paramLabel = "NAME", description = "name a group booking (tour, team)")
        String group;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Duration secondAfter = when.secondAfter(spec);
            return withDesk(options, spec, ctx -> {
                List<WakeupDesk.Booked> booked = ctx.desk().book(new WakeupDesk.Request(WakeupDesk.parseRooms(rooms),
                        time, secondAfter, when.daily, "cli", group));
                booked.forEach(b -> ctx.out().println("booking " + b.bookingId() + ": " + b.readBack()));
                if (booked.size() > 1) {
                    ctx.out().println(booked.size() + " rooms booked");
                }
                return 0;
            });
        }
    }

    @Command(name = "change", description = "Change a booking's time or second call (BOOKING from wakeup list).")
    public static final class Change implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(index = "0", paramLabel = "BOOKING")
        long booking;
        @Parameters(index = "1", paramLabel = "TIME", description = "HH:MM (the next such time) or YYYY-MM-DDTHH:MM, hotel time")
        String time;
        @Mixin
        When when;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Duration secondAfter = when.secondAfter(spec);
            return withDesk(options, spec, ctx -> {
                WakeupDesk.Booked b = ctx.desk().change(booking, time, secondAfter, when.daily, "cli");
                ctx.out().println("booking " + b.bookingId() + " (replaces " + booking + "): " + b.readBack());
                return 0;
            });
        }
    }

    @Command(name = "cancel", description = "Cancel a booking (BOOKING from wakeup list), or every booking of --room.")
    public static final class Cancel implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(index = "0", paramLabel = "BOOKING", arity = "0..1")
        Long booking;
        @Option(names = "--room")
        String room;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if ((booking == null) == (room == null)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give BOOKING or --room ROOM");
            }
            return withDesk(options, spec, ctx -> {
                if (booking != null) {
                    ctx.out().println(ctx.desk().cancel(booking, "cancelled by the operator"));
                } else {
                    int n = ctx.desk().cancelRoom(room, "cancelled by the operator");
                    if (n == 0) {
                        throw new Refusal("room", "room " + room + " has no active wake-up booking");
                    }
                    ctx.out().println("cancelled " + n + " wake-up booking(s) of room " + room);
                }
                return 0;
            });
        }
    }

    @Command(name = "list", description = "Wake-up calls of a day (--date), or every call not yet finished.")
    public static final class ListCalls implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Option(names = "--date", paramLabel = "YYYY-MM-DD")
        LocalDate date;
        @Option(names = "--attempts", description = "with --date: each attempt under its call (placed, lateness, outcome, ring, talk, Asterisk ids)")
        boolean attempts;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (attempts && date == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--attempts needs --date");
            }
            return withDesk(options, spec, ctx -> {
                ZoneId zone = ctx.config().hotelZone();
                List<WakeupCall> calls = date == null ? ctx.desk().openCalls() : ctx.desk().callsOn(date);
                java.util.Map<Long, List<org.switchboard.core.wakeup.model.WakeupAttempt>> byCall = !attempts ? java.util.Map.of()
                        : ctx.desk().attemptsOn(date).stream().collect(java.util.stream.Collectors.groupingBy(
                                org.switchboard.core.wakeup.model.WakeupAttempt::callId));
                ctx.out().printf("%-8s %-6s %-4s %-10s %-5s %-6s %-10s %-8s %-8s %s%n", "BOOKING", "ROOM", "CALL",
                        "DATE", "TIME", "DUE", "STATUS", "ATTEMPTS", "NEXT", "NOTE");
                for (WakeupCall c : calls) {
                    ctx.out().printf("%-8d %-6s %-4s %-10s %-5s %-6s %-10s %-8d %-8s %s%n", c.bookingId(), c.room(),
                            c.callNo() == 1 ? "1st" : "2nd", c.wakeDate(), c.localTime(),
                            c.dueAt().atZone(zone).format(HH_MM), c.status(), c.attempts(),
                            c.nextAt() == null ? "-" : c.nextAt().atZone(zone).format(DateTimeFormatter.ofPattern("HH:mm:ss")),
                            (c.daily() ? "daily; " : "") + (c.groupName() == null ? "" : "group " + c.groupName() + "; ")
                                    + (c.note() == null ? "" : c.note()));
                    for (var a : byCall.getOrDefault(c.id(), List.of())) {
                        ctx.out().println("         " + attemptLine(a, zone));
                    }
                }
                ctx.out().println(calls.size() + " call(s)");
                return 0;
            });
        }
    }

    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** "attempt 1 placed 06:30:00 (0.1 s late) NO_ANSWER ring 15.0 s, talk -, reason 3, 1795420395.15 SIP/102-0000000f". */
    public static String attemptLine(org.switchboard.core.wakeup.model.WakeupAttempt a, ZoneId zone) {
        return "attempt " + a.attemptNo() + " " + (a.placedAt() == null ? "not placed" : "placed "
                + a.placedAt().atZone(zone).format(HH_MM_SS) + " (" + Report.seconds(a.lateness()) + " s late)")
                + " " + a.outcome() + (a.ringMillis() == null ? "" : " ring " + Report.seconds(Duration.ofMillis(a.ringMillis())) + " s")
                + (a.talkMillis() == null ? "" : ", talk " + Report.seconds(Duration.ofMillis(a.talkMillis())) + " s")
                + (a.reasonCode() == null ? "" : ", reason " + a.reasonCode())
                + (a.uniqueId() == null ? "" : ", " + a.uniqueId()) + (a.channel() == null ? "" : " " + a.channel())
                + (a.detail() == null ? "" : " — " + a.detail());
    }

    @Command(name = "report", description = "A day's wake-ups: booked, woken at the first attempt, after a retry, "
            + "escalated, cancelled, pending; lateness of the first attempts.")
    public static final class Report implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD")
        LocalDate date;
        @Option(names = "--csv", description = "CSV instead of a table")
        boolean csv;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return withDesk(options, spec, ctx -> {
                WakeupReport r = ctx.desk().report(date);
                String[] head = {"calls", "booked", "woken_first_attempt", "woken_after_retry", "escalated", "cancelled",
                        "pending", "avg_lateness_s", "max_lateness_s"};
                if (csv) {
                    ctx.out().println(Csv.line(List.of(head)));
                } else {
                    ctx.out().println("Wake-up calls on " + date);
                    ctx.out().printf("%-12s %7s %12s %12s %10s %10s %8s %14s %14s%n", "CALLS", "BOOKED", "WOKEN-1ST",
                            "AFTER-RETRY", "ESCALATED", "CANCELLED", "PENDING", "AVG-LATE(s)", "MAX-LATE(s)");
                }
                for (WakeupReport.Line l : r.lines()) {
                    String avg = seconds(l.avgLateness());
                    String max = seconds(l.maxLateness());
                    if (csv) {
                        ctx.out().println(Csv.line(List.of(l.calls(), "" + l.booked(), "" + l.wokenFirstAttempt(),
                                "" + l.wokenAfterRetry(), "" + l.escalated(), "" + l.cancelled(), "" + l.pending(), avg, max)));
                    } else {
                        ctx.out().printf("%-12s %7d %12d %12d %10d %10d %8d %14s %14s%n", l.calls(), l.booked(),
                                l.wokenFirstAttempt(), l.wokenAfterRetry(), l.escalated(), l.cancelled(), l.pending(),
                                avg, max);
                    }
                }
                return 0;
            });
        }

        static String seconds(Duration d) {
            return d == null ? "" : java.math.BigDecimal.valueOf(d.toMillis(), 3).setScale(1, java.math.RoundingMode.HALF_UP)
                    .toPlainString();
        }
    }
}
