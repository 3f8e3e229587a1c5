package org.switchboard.core.metrics.cli;

import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.metrics.application.MetricsDesk;
import org.switchboard.core.metrics.model.AnswerReport;
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

@Command(name = "metrics", description = {
        "Answer-speed report (were staff phones answered within the threshold?) for a business day or a range:",
        "offered, answered, answered within threshold, service level, missed, busy, ring times, over talk target.",
        "A business day is the shifts that start on that date (see metrics.shifts). Column definitions: README."})
public final class MetricsCommand implements Callable<Integer> {

    public enum Grouping { shift, extension, hour }

    @Mixin
    ConfigOptions options;
    @Mixin
    DateRangeOptions days;
    @Option(names = "--department", paramLabel = "ID", description = "only this department (an id from extensions.yaml)")
    String department;
    @Option(names = "--by", paramLabel = "shift|extension|hour", description = "split each department by shift, extension or hour")
    Grouping by;
    @Option(names = "--csv", description = "write CSV (for a spreadsheet) instead of the text table")
    boolean csv;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SwitchboardConfig c = options.load();
        MetricsDesk.Report report;
        try (Database db = RuntimeDatabase.connect(ConfigOptions.home(), c)) {
            MetricsDesk desk = new MetricsDesk(c, db, Clock.systemUTC());
            int measured = desk.measureMissing(); // calls stored while nothing measured them
            if (measured > 0) {
                spec.commandLine().getErr().printf("(measured %d stored call(s) not measured yet)%n", measured);
            }
            LocalDate[] range = days.resolve(desk.today());
            AnswerReport.By grouping = by == null ? AnswerReport.By.DEPARTMENT : AnswerReport.By.valueOf(by.name().toUpperCase());
            report = desk.report(range[0], range[1], department, grouping);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(csv ? report.csv() : report.text());
        out.flush();
        return 0;
    }
}
