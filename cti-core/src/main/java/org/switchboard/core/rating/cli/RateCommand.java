package org.switchboard.core.rating.cli;

import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import org.switchboard.billing.rating.Rater;
import org.switchboard.billing.rating.TariffBook;
import org.switchboard.core.config.ConfigException;
import org.switchboard.core.rating.config.TariffLoader;
import org.switchboard.core.rating.application.CsvRatingJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "rate", description = "Rate a CSV of calls with a tariff file, without a database (what-if checks).")
public final class RateCommand implements Callable<Integer> {

    @Option(names = "--tariff", required = true, paramLabel = "FILE", description = "tariff file, e.g. config/tariff-cn.yaml")
    Path tariff;
    @Option(names = "--in", required = true, paramLabel = "CSV", description = "calls: extension,dialled,start,talk_seconds")
    Path in;
    @Option(names = "--out", required = true, paramLabel = "CSV", description = "where to write the rated calls")
    Path out;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Rater rater = new Rater(new TariffBook(List.of(TariffLoader.loadFile(tariff))));
            CsvRatingJob.Summary s = new CsvRatingJob(rater).run(in, out);
            spec.commandLine().getOut().printf("rated %d call(s), %d not rated → %s; total %s%n", s.rows(),
                    s.notRated(), out, s.totals().isEmpty() ? "0" : s.totals().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue().toPlainString()).toList());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (ConfigException e) {
            e.errors().forEach(err::println);
            err.println(e.errors().size() + " error(s); nothing written");
            err.flush();
            return 2;
        }
    }
}
