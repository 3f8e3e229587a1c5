package org.switchboard.core.rating.cli;

import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import org.switchboard.billing.rating.Rater;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.rating.application.ChargeService;
import org.switchboard.core.rating.infrastructure.ChargeRepository;
import org.switchboard.core.storage.Database;
import org.switchboard.core.storage.RuntimeDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "rerate", description = "Re-rate stored outbound calls of a period with the current tariff files.")
public final class RerateCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;
    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "first day (hotel time zone)")
    LocalDate from;
    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "last day, inclusive")
    LocalDate to;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        SwitchboardConfig c = options.load();
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = RuntimeDatabase.connect(ConfigOptions.home(), c)) {
            ChargeService service = new ChargeService(new Rater(c.tariffs()), new ChargeRepository(db.dsl()),
                    c.hotelZone(), Clock.systemUTC());
            ChargeService.Summary s = service.rerate(from, to, n -> {
                out.printf("  %d call(s) re-rated …%n", n);
                out.flush();
            });
            out.printf("re-rated %d outbound call(s) from %s to %s: %d changed; total before %s, after %s%n",
                    s.calls(), from, to, s.changed(), s.totalBefore().toPlainString(), s.totalAfter().toPlainString());
            out.flush();
        }
        return 0;
    }
}
