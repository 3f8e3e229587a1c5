package org.switchboard.core.rating.application;

import org.switchboard.billing.rating.CallToRate;
import org.switchboard.billing.rating.Rater;
import org.switchboard.billing.rating.RatingResult;
import org.switchboard.core.config.ConfigError;
import org.switchboard.core.config.ConfigException;
import org.switchboard.core.csv.Csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rates a CSV of calls without a database (auditors' what-if checks, verification). Input header
 * {@code extension,dialled,start,talk_seconds}; output is each input row followed by
 * {@code area,category,amount,service_fee,surcharge,total,explanation}. Every bad row is reported
 * with its line; if there is any, no output is written (never half a file).
 */
public final class CsvRatingJob {

    public static final List<String> INPUT_HEADER = List.of("extension", "dialled", "start", "talk_seconds");
    public static final List<String> OUTPUT_COLUMNS = List.of("area", "category", "amount", "service_fee",
            "surcharge", "total", "explanation");

    /** What a run did: rows rated, rows not rated (unknown or blocked destination, no tariff), totals per currency. */
    public record Summary(int rows, int notRated, Map<String, java.math.BigDecimal> totals) {
    }

    private final Rater rater;

    public CsvRatingJob(Rater rater) {
        this.rater = rater;
    }

    public Summary run(Path in, Path out) throws IOException {
        List<String> lines = Files.readAllLines(in, StandardCharsets.UTF_8);
        String file = in.toString();
        List<ConfigError> errors = new ArrayList<>();
        if (lines.isEmpty() || !header(lines.get(0)).equals(INPUT_HEADER)) {
            throw new ConfigException(List.of(new ConfigError(file, 1, "(header)",
                    "expected the header " + String.join(",", INPUT_HEADER))));
        }
        List<List<String>> output = new ArrayList<>();
        int notRated = 0;
        Map<String, java.math.BigDecimal> totals = new TreeMap<>();
        for (int i = 1; i < lines.size(); i++) {
            int lineNo = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> f;
            try {
                f = Csv.parseLine(lines.get(i));
            } catch (IllegalArgumentException e) {
                errors.add(new ConfigError(file, lineNo, "(row)", e.getMessage()));
                continue;
            }
            if (f.size() != INPUT_HEADER.size()) {
                errors.add(new ConfigError(file, lineNo, "(row)", "expected " + INPUT_HEADER.size() + " fields, found " + f.size()));
                continue;
            }
            CallToRate call = call(f, file, lineNo, errors);
            if (call == null) {
                continue;
            }
            RatingResult result = rater.rate(call);
            notRated += result instanceof RatingResult.NotRated ? 1 : 0;
            output.add(rated(f, result, totals));
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        writeAtomically(out, output);
        return new Summary(output.size(), notRated, totals);
    }

    /** The input row with the rating's columns; a charge adds to its currency's total. */
    private static List<String> rated(List<String> f, RatingResult result, Map<String, java.math.BigDecimal> totals) {
        List<String> row = new ArrayList<>(f);
        if (result instanceof RatingResult.Rated r) {
            row.addAll(List.of(r.area(), name(r.category().name()), plain(r.amount()), plain(r.serviceFee()),
                    plain(r.surcharge()), plain(r.total()), r.explanation()));
            totals.merge(r.total().currency().getCurrencyCode(), r.total().amount(), java.math.BigDecimal::add);
        } else {
            RatingResult.NotRated n = (RatingResult.NotRated) result;
            row.addAll(List.of("", name(n.reason().name()), "", "", "", "", n.detail()));
        }
        return row;
    }

    /** Writes beside {@code out} and moves it into place: a reader never sees half a file. */
    private static void writeAtomically(Path out, List<List<String>> output) throws IOException {
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".rating-", ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>(INPUT_HEADER);
            header.addAll(OUTPUT_COLUMNS);
            w.write(Csv.line(header));
            w.write('\n');
            for (List<String> row : output) {
                w.write(Csv.line(row));
                w.write('\n');
            }
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static CallToRate call(List<String> f, String file, int line, List<ConfigError> errors) {
        String dialled = f.get(1).trim();
        LocalDateTime start = null;
        long talk = -1;
        if (!dialled.matches("[0-9*#]+")) {
            errors.add(new ConfigError(file, line, "dialled", "'" + dialled + "' is not a dialled number (digits, * or #)"));
        }
        try {
            start = LocalDateTime.parse(f.get(2).trim());
        } catch (DateTimeParseException e) {
            errors.add(new ConfigError(file, line, "start",
                    "'" + f.get(2) + "' is not an ISO local date-time like 2026-11-23T15:52:07"));
        }
        try {
            talk = Long.parseLong(f.get(3).trim());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (talk < 0) {
            errors.add(new ConfigError(file, line, "talk_seconds", "'" + f.get(3) + "' is not a whole number of seconds"));
        }
        if (start == null || talk < 0 || !dialled.matches("[0-9*#]+")) {
            return null;
        }
        return new CallToRate(f.get(0).trim(), dialled, start, talk);
    }

    private static List<String> header(String line) {
        return Csv.parseLine(line.replace("\uFEFF", "")).stream().map(String::trim).toList();
    }

    private static String plain(org.switchboard.billing.money.Money m) {
        return m.amount().toPlainString();
    }

    private static String name(String enumName) {
        return enumName.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
