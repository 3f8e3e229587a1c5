package org.switchboard.core.metrics.application;

import org.switchboard.core.refusal.Refusal;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.metrics.infrastructure.MeasurementRepository;
import org.switchboard.core.metrics.model.AnswerReport;
import org.switchboard.core.metrics.model.Measurement;
import org.switchboard.core.storage.Database;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The answer-speed figures for the CLI and the API: reports over stored measurements, and today's business day. */
public final class MetricsDesk {

    private final SwitchboardConfig config;
    private final MeasurementRepository repository;
    private final Clock clock;

    public MetricsDesk(SwitchboardConfig config, Database db, Clock clock) {
        this.config = config;
        this.repository = new MeasurementRepository(db.dsl());
        this.clock = clock;
    }

    /**
     * Measures stored calls nothing has measured yet (the daemon stopped before it could), as the
     * daemon's next start would; returns how many. Safe while the daemon runs: measuring is idempotent.
     */
    public int measureMissing() {
        try (MetricsRecorder recorder = MetricsRecorder.forConfig(config, repository, new LiveBoard(config.directory()))) {
            return recorder.measureMissing();
        }
    }

    /** The business day now: the date its current shift started on. */
    public LocalDate today() {
        return config.metrics().shifts().businessDay(clock.instant(), config.hotelZone());
    }

    /** A report over business days {@code from}..{@code to}; {@code department} null for all. */
    public Report report(LocalDate from, LocalDate to, String department, AnswerReport.By by) {
        if (to.isBefore(from)) {
            throw new Refusal("to", "the last date " + to + " is before the first " + from);
        }
        if (department != null && !config.directory().departments().containsKey(department)) {
            throw new Refusal("department", "department '" + department + "' is not configured (known: "
                    + String.join(", ", new TreeSet<>(config.directory().departments().keySet())) + ")");
        }
        List<Measurement> ms = repository.find(from, to, department, by == AnswerReport.By.EXTENSION);
        List<AnswerReport.Row> rows = AnswerReport.build(ms, by, config.metrics().shifts());
        return new Report(title(from, to, department, by, ms), rows, by);
    }

    /** The service level per department of the given measurements (the live board's day so far). */
    public List<AnswerReport.Row> serviceLevel(List<Measurement> measurements) {
        return AnswerReport.build(measurements, AnswerReport.By.DEPARTMENT, config.metrics().shifts());
    }

    public record Report(String title, List<AnswerReport.Row> rows, AnswerReport.By by) {
        public String text() {
            return AnswerReportFormat.text(title, rows, by);
        }

        public String csv() {
            return AnswerReportFormat.csv(rows, by);
        }
    }

    /** Names the days and the thresholds that were in force (from the stored measurements). */
    private static String title(LocalDate from, LocalDate to, String department, AnswerReport.By by, List<Measurement> ms) {
        Map<String, TreeSet<Long>> thresholds = new TreeMap<>();
        ms.forEach(m -> thresholds.computeIfAbsent(m.department(), k -> new TreeSet<>()).add(m.thresholdMs() / 1000));
        String days = from.equals(to) ? "business day " + from : "business days " + from + " to " + to;
        String limits = thresholds.isEmpty() ? "no calls offered to staff"
                : "answer within: " + thresholds.entrySet().stream().map(e -> e.getKey() + " "
                + e.getValue().stream().map(String::valueOf).collect(Collectors.joining("/")) + " s")
                .collect(Collectors.joining(", "));
        return "Answer speed, " + days + ", " + (department == null ? "all departments" : department)
                + (by == AnswerReport.By.DEPARTMENT ? "" : ", by " + by.name().toLowerCase()) + " (" + limits + ")";
    }
}
