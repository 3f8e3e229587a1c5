package org.switchboard.core.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.time.LocalDate;

/** {@code --today | --date D | --from D --to D}, checked and resolved against a given "today". */
public final class DateRangeOptions {

    public static final class Day {
        @Option(names = "--today", description = "today in the hotel's time zone")
        boolean today;
        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "a given date")
        LocalDate date;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "first date of a range (with --to)")
        LocalDate from;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Day day;
    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "last date of a range, inclusive (with --from)")
    LocalDate to;

    /** First and last date, inclusive. */
    public LocalDate[] resolve(LocalDate today) {
        LocalDate first = day.today ? today : day.date != null ? day.date : day.from;
        LocalDate last = day.from == null ? first : to;
        if (day.from != null && to == null) {
            throw new IllegalArgumentException("--from needs --to");
        }
        if (day.from == null && to != null) {
            throw new IllegalArgumentException("--to goes with --from, not with --date or --today");
        }
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("--to " + last + " is before --from " + first);
        }
        return new LocalDate[] {first, last};
    }
}
