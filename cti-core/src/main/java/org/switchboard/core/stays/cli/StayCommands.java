package org.switchboard.core.stays.cli;

import org.switchboard.core.stays.model.InHouse;
import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import org.switchboard.billing.money.Money;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.stays.application.StayDesk;
import org.switchboard.core.stays.infrastructure.StayRepository;
import org.switchboard.core.storage.Database;
import org.switchboard.core.storage.RuntimeDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** Front-office commands for guest stays; each is one short class, sharing how they reach the desk. */
public final class StayCommands {

    private StayCommands() {
    }

    /** Runs a front-office action and prints what it did (a refusal is said by {@code Main}, exit 2). */
    public static int act(ConfigOptions options, CommandSpec spec,
                   Function<SwitchboardConfig, Function<StayDesk, String>> action) {
        SwitchboardConfig c = options.load();
        try (Database db = RuntimeDatabase.connect(ConfigOptions.home(), c)) {
            StayDesk desk = CommandAssembly.stayDesk(c, db, Clock.systemUTC(), spec.commandLine().getOut()::println);
            spec.commandLine().getOut().println(action.apply(c).apply(desk));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "checkin", description = "Check a guest in: account (帐户名), room, deposit; --sharer-of for a second guest in the room.")
    public static final class CheckIn implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Option(names = "--room", required = true)
        String room;
        @Option(names = "--account", required = true, description = "the account id, e.g. the PMS folio number")
        String account;
        @Option(names = "--name", required = true, description = "the account name (帐户名)")
        String name;
        @Option(names = "--deposit", defaultValue = "0", description = "deposit / credit, in the tariff's currency")
        String deposit;
        @Option(names = "--sharer-of", paramLabel = "ACCOUNT", description = "the main account of the room")
        String sharerOf;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return act(options, spec, c -> desk -> desk.checkIn(account, name, room,
                    Money.of(deposit, c.currency()), sharerOf));
        }
    }

    @Command(name = "move", description = "Move a guest to another room.")
    public static final class Move implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Option(names = "--account", required = true)
        String account;
        @Option(names = "--to-room", required = true)
        String room;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return act(options, spec, c -> desk -> desk.move(account, room));
        }
    }

    @Command(name = "checkout", description = "Check a guest out.")
    public static final class CheckOut implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Option(names = "--account", required = true)
        String account;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return act(options, spec, c -> desk -> desk.checkOut(account));
        }
    }

    @Command(name = "guests", description = "Guests in house, by room.")
    public static final class Guests implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            SwitchboardConfig c = options.load();
            DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(c.hotelZone());
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = RuntimeDatabase.connect(ConfigOptions.home(), c)) {
                var guests = new StayRepository(db.dsl()).inHouse();
                guests.stream().sorted(java.util.Comparator.comparing(InHouse::room)).forEach(g ->
                        out.printf("room %-6s %-12s %-20s since %s  deposit %s%s%n", g.room(), g.accountId(), g.name(),
                                fmt.format(g.since()), g.deposit(),
                                g.paidBy().equals(g.accountId()) ? "" : "  (sharer of " + g.paidBy() + ")"));
                out.printf("%d guest(s) in house%n", guests.size());
            }
            out.flush();
            return 0;
        }
    }
}
