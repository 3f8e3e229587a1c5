package org.switchboard.core.folio.cli;

import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import org.switchboard.billing.audit.AuditFormats;
import org.switchboard.billing.audit.AuditLine;
import org.switchboard.billing.audit.AuditReport;
import org.switchboard.billing.audit.AuditTable;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.refusal.Refusal;
import org.switchboard.core.folio.application.FolioDesk;
import org.switchboard.core.folio.application.FolioServices;
import org.switchboard.core.folio.application.NightAudit;
import org.switchboard.core.folio.infrastructure.CreditBook;
import org.switchboard.core.storage.Database;
import org.switchboard.core.storage.RuntimeDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.function.Function;

/** The guest folio, the night audit and credit bars on the command line. */
public final class FolioCommands {

    private FolioCommands() {
    }

    private record Context(SwitchboardConfig config, FolioServices folios, PrintWriter out) {
    }

    /**
     * Runs an action with the folio services after posting whatever is still in the outbox (so the figures
     * are current even while no daemon runs): exit 0 when done, 2 when refused, with the reason on stderr.
     */
    private static int with(ConfigOptions options, CommandSpec spec, Function<Context, Integer> action) {
        SwitchboardConfig c = options.load();
        try (Database db = RuntimeDatabase.connect(ConfigOptions.home(), c)) {
            FolioServices folios = FolioServices.on(db, c, Clock.systemUTC());
            folios.poster().postPending();
            PrintWriter out = spec.commandLine().getOut();
            try {
                return action.apply(new Context(c, folios, out));
            } finally {
                out.flush();
            }
        }
    }

    @Command(name = "folio", description = "A guest's phone folio: the posted calls and totals, deposit and credit limit. "
            + "ROOM = the guest in house there now; --account for any guest, past ones too.")
    public static final class Folio implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(index = "0", paramLabel = "ROOM", arity = "0..1")
        String room;
        @Option(names = "--account", paramLabel = "ACCOUNT")
        String account;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if ((room == null) == (account == null)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give a ROOM or --account, not both");
            }
            return with(options, spec, ctx -> {
                FolioDesk.Folio f = room != null ? ctx.folios().desk().forRoom(room) : ctx.folios().desk().forAccount(account);
                print(ctx, f);
                return 0;
            });
        }

        private static void print(Context ctx, FolioDesk.Folio f) {
            DateTimeFormatter at = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");
            PrintWriter out = ctx.out();
            out.printf("Folio of %s (%s), %s%n", f.accountId(), f.name(),
                    f.inHouse() ? "room " + f.room() + ", in house" : "checked out");
            out.printf("%-14s %-6s %-7s %-16s %7s %-13s %-18s %9s %9s %9s %9s  %s%n", "Start", "Room", "Ext", "Dialled",
                    "Seconds", "Category", "Area", "Amount", "Service", "Surcharge", "Total", "");
            for (AuditLine l : f.entries()) {
                String flag = (l.kind() == AuditLine.Kind.ADJUSTMENT ? "adjustment " : "")
                        + (l.outcome() == org.switchboard.billing.folio.Attribution.Outcome.LATE_CHARGE ? "LATE CHARGE " : "")
                        + (l.byHand() ? "by hand " : "") + (l.carriedIn() ? "booked " + l.bookedOn() : "");
                out.printf("%-14s %-6s %-7s %-16s %7d %-13s %-18s %9s %9s %9s %9s  %s%n", at.format(l.start()), l.room(),
                        l.extension(), l.dialled(), l.seconds(), l.category(), trim(l.area(), 18),
                        l.amounts().amount().toPlainString(), l.amounts().serviceFee().toPlainString(),
                        l.amounts().surcharge().toPlainString(), l.total().toPlainString(), flag.trim());
            }
            // Calls on this folio now: a call moved here shows as an adjustment, one moved away nets to zero.
            Map<Long, List<AuditLine>> byCall = f.entries().stream().collect(Collectors.groupingBy(AuditLine::callId));
            long calls = byCall.values().stream().filter(ls -> ls.stream().allMatch(l -> l.kind() == AuditLine.Kind.CHARGE)
                    || ls.stream().map(AuditLine::total).reduce(BigDecimal.ZERO, BigDecimal::add).signum() != 0).count();
            out.printf("%d call(s), total %s; deposit %s, credit limit %s%s%n", calls, f.charged(), f.deposit(),
                    f.deposit().isZero() ? "none (no deposit)" : f.limit().toString(),
                    f.barred() ? " — BARRED from outside calls" : f.override() ? " — limit overridden" : "");
        }

        private static String trim(String s, int n) {
            return s == null ? "" : s.length() <= n ? s : s.substring(0, n);
        }
    }

    @Command(name = "audit", description = "Night audit (夜审) of a business date: call charges per room and guest by category, "
            + "exceptions and the reconciliation. --close locks the date.")
    public static final class Audit implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Option(names = "--date", paramLabel = "DATE", description = "the business date (default: the current one)")
        LocalDate date;
        @Option(names = "--csv", paramLabel = "FILE", arity = "0..1", fallbackValue = "-",
                description = "write CSV (UTF-8 with BOM) to FILE, or to standard output")
        String csv;
        @Option(names = "--html", paramLabel = "FILE", description = "write the printable report (HTML) to FILE")
        Path html;
        @Option(names = "--close", description = "close the date: post what is pending, check it reconciles, lock it")
        boolean close;
        @Option(names = "--by", paramLabel = "NAME", description = "who closes the date (with --close)")
        String by;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return with(options, spec, ctx -> {
                NightAudit audit = ctx.folios().audit();
                LocalDate d = date != null ? date : audit.today();
                AuditReport report = close ? audit.close(d, by) : audit.report(d);
                AuditTable table = AuditTable.of(report);
                try {
                    if (html != null) {
                        Files.writeString(html, AuditFormats.html(table), StandardCharsets.UTF_8);
                    }
                    if ("-".equals(csv)) {
                        spec.commandLine().getOut().flush();
                        System.out.write(AuditFormats.csv(table));
                        System.out.flush();
                    } else if (csv != null) {
                        Files.write(Path.of(csv), AuditFormats.csv(table));
                    }
                } catch (IOException e) {
                    spec.commandLine().getErr().println("switchboard audit: cannot write: " + e.getMessage());
                    return 1;
                }
                if (!"-".equals(csv)) {
                    ctx.out().print(AuditFormats.text(table));
                }
                audit.heldNote().ifPresent(note -> spec.commandLine().getErr().println("NOT POSTED: " + note));
                if (close) {
                    ctx.out().println("business date " + d + " closed by " + by.trim()
                            + "; later corrections go to the next open date as adjustments");
                }
                return report.reconciles() ? 0 : 3;
            });
        }
    }

    @Command(name = "credit", description = "Credit bars (控制消费在预付款内): list them, lift one.",
            subcommands = {Bars.class, Lift.class})
    public static final class Credit {
    }

    @Command(name = "bars", description = "Rooms barred from outside calls by the credit limit (--all: lifted ones too).")
    public static final class Bars implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Option(names = "--all")
        boolean all;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return with(options, spec, ctx -> {
                DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ctx.config().hotelZone());
                for (CreditBook.Bar b : ctx.folios().desk().bars(!all)) {
                    ctx.out().printf("room %-6s %-12s %-16s barred %s at %s of deposit %s (limit %s)%s%n",
                            b.room() == null ? "-" : b.room(), b.accountId(), b.name(), fmt.format(b.barredAt()),
                            plain(b.charged()), plain(b.deposit()), plain(b.limit()),
                            b.liftedAt() == null ? "" : "; lifted " + fmt.format(b.liftedAt()) + " by " + b.liftedBy()
                                    + " (" + b.liftReason() + ")"
                                    + (b.newDeposit() == null ? ", override" : ", new deposit " + plain(b.newDeposit())));
                }
                return 0;
            });
        }

        private static String plain(BigDecimal v) {
            return v.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
        }
    }

    @Command(name = "lift", description = "Lift a credit bar: with --deposit (the guest paid more) or as an override for the stay.")
    public static final class Lift implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Option(names = "--account", required = true)
        String account;
        @Option(names = "--by", required = true, description = "who lifts it")
        String by;
        @Option(names = "--reason", required = true, description = "why (kept in the audit trail)")
        String reason;
        @Option(names = "--deposit", paramLabel = "AMOUNT", description = "the guest's new deposit")
        BigDecimal deposit;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return with(options, spec, ctx -> {
                try {
                    ctx.out().println(ctx.folios().desk().lift(account, by, reason, deposit));
                } catch (IllegalArgumentException e) {
                    throw new Refusal("--deposit " + deposit + ": " + e.getMessage());
                }
                return 0;
            });
        }
    }

    @Command(name = "assign-call", description = "Charge an exception call (vacant room, house call, failed posting) to a "
            + "guest's account after all, e.g. when the guest's check-in reached the system late. The call id is in "
            + "the night audit's exception lists and in `calls`.")
    public static final class AssignCall implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(index = "0", paramLabel = "CALL_ID", description = "the call's id (#123 or 123)")
        String callId;
        @Option(names = "--account", required = true)
        String account;
        @Option(names = "--by", required = true, description = "who assigns it")
        String by;
        @Option(names = "--reason", required = true, description = "why (kept in the audit trail)")
        String reason;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            long id;
            try {
                id = Long.parseLong(callId.startsWith("#") ? callId.substring(1) : callId);
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "CALL_ID: '" + callId
                        + "' is not a call id (a number, e.g. 123)");
            }
            return with(options, spec, ctx -> {
                ctx.out().println(ctx.folios().desk().assign(id, account, by, reason));
                ctx.folios().poster().postPending();
                FolioDesk.Folio f = ctx.folios().desk().forAccount(account);
                ctx.out().println("folio of " + f.accountId() + " (" + f.name() + "): total " + f.charged()
                        + (f.barred() ? " — BARRED from outside calls (credit limit)" : ""));
                return 0;
            });
        }
    }
}
