package org.switchboard.benchmarks;

import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.calls.model.CallDirection;
import org.switchboard.core.calls.model.CdrCheck;
import org.switchboard.core.calls.model.CompletedCall;
import org.switchboard.core.calls.model.CompletedLeg;
import org.switchboard.core.calls.model.Completeness;
import org.switchboard.core.calls.model.Disposition;
import org.switchboard.core.calls.model.LegRole;
import org.switchboard.core.calls.model.TimeSource;
import org.switchboard.core.config.ConfigLoader;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.metrics.infrastructure.MeasurementRepository;
import org.switchboard.core.metrics.model.AnswerMeasurer;
import org.switchboard.core.metrics.model.AnswerReport;
import org.switchboard.core.metrics.model.Measurement;
import org.switchboard.core.metrics.model.OfferedCall;
import org.switchboard.core.storage.Database;
import org.switchboard.embedded.EmbeddedMariaDb;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;


/**
 * Answer-speed benchmark (scripts/bench-metrics): a month of N calls offered to the example
 * configuration's staff phones (ring groups, missed, busy), in an embedded MariaDB: store the calls,
 * measure them, store the measurements, then compute the month's report from the database by
 * department, by shift and by extension — each step timed.
 */
public final class MetricsBenchmark {

    private MetricsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_500_000;
        SwitchboardConfig config = ConfigLoader.load(Path.of(args.length > 1 ? args[1] : "config"), Path.of("."));
        ZoneId zone = config.hotelZone();
        AnswerMeasurer measurer = new AnswerMeasurer(config.directory(), config.metrics(), zone);
        Instant month = LocalDate.of(2026, 11, 1).atStartOfDay(zone).toInstant();
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(null, 0);
             Database db = Database.connectAndMigrate(server)) {
            CallRepository calls = new CallRepository(db.dsl());
            MeasurementRepository repository = new MeasurementRepository(db.dsl());
            List<OfferedCall> offered = storeMonth(calls, n, month, zone);
            Map<String, Long> ids = calls.idsByLinkedId();
            long t = System.nanoTime();
            List<List<Measurement>> measured = new ArrayList<>(n);
            for (OfferedCall c : offered) {
                measured.add(measurer.measure(new OfferedCall(ids.get("bench." + c.callId()), c.direction(), c.talk(), c.legs())));
            }
            report("measured (in memory)", n, t);
            offered = null;

            t = System.nanoTime();
            Map<Long, List<Measurement>> chunk = new LinkedHashMap<>();
            for (List<Measurement> ms : measured) {
                chunk.put(ms.get(0).callId(), ms);
                if (chunk.size() == 5000) {
                    repository.store(chunk);
                    chunk.clear();
                }
            }
            repository.store(chunk);
            report("stored the measurements", n, t);
            measured = null;

            reports(repository, config, n);
        }
    }

    /** A month of {@code n} inbound calls to the five staff groups, stored without legs; their offered views. */
    private static List<OfferedCall> storeMonth(CallRepository calls, int n, Instant month, ZoneId zone) {
        List<List<String>> groups = List.of(List.of("8000", "8001"), List.of("9000"), List.of("8100"), List.of("8200"),
                List.of("8300"));
        Random r = new Random(3);
        long t = System.nanoTime();
        List<OfferedCall> offered = new ArrayList<>(n);
        List<CompletedCall> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant start = month.plusMillis((long) r.nextInt(30 * 86_400) * 1000 + r.nextInt(1000));
            List<String> group = groups.get(r.nextInt(groups.size()));
            double p = r.nextDouble();
            long ring = p < 0.1 ? 20_000 : 300 + r.nextInt(p < 0.7 ? 3000 : 9000);
            boolean answered = p >= 0.1;
            boolean busy = p < 0.02;
            int answerer = r.nextInt(group.size());
            List<CompletedLeg> legs = new ArrayList<>();
            legs.add(new CompletedLeg("b" + i, "SIP/trunk-" + i, LegRole.CALLER, null, start, null, null,
                    start.plusSeconds(200), null, 16));
            for (int k = 0; k < group.size(); k++) {
                boolean answers = answered && k == answerer;
                legs.add(new CompletedLeg("b" + i + "." + k, "SIP/" + group.get(k) + "-" + i, LegRole.CALLEE,
                        group.get(k), start, busy ? null : start, answers ? start.plusMillis(ring) : null,
                        start.plusMillis(answers ? 200_000 : ring), busy ? "BUSY" : answers ? "ANSWER" : "CANCEL", 16));
            }
            Duration talk = Duration.ofSeconds(answered ? r.nextInt(400) : 0);
            offered.add(new OfferedCall(i, CallDirection.INBOUND, talk, legs));
            rows.add(new CompletedCall("bench." + i, CallDirection.INBOUND, "4912345678", null, "5550100", null, "pstn",
                    group.get(0), null, null, null, start, start, null, start.plusSeconds(200), null, talk,
                    answered ? Disposition.ANSWERED : Disposition.NO_ANSWER, 16, null, TimeSource.PBX_TIMESTAMP, 0, null,
                    null, CdrCheck.ABSENT, Completeness.COMPLETE, start.atZone(zone).toLocalDate(), List.of()));
            if (rows.size() == 5000) {
                calls.storeAllWithoutLegs(rows, Instant.now());
                rows.clear();
            }
        }
        calls.storeAllWithoutLegs(rows, Instant.now());
        rows.clear();
        report("stored the month's calls", n, t);
        return offered;
    }

    /** The month's reports by department, shift and extension from the database, and one day's from memory. */
    private static void reports(MeasurementRepository repository, SwitchboardConfig config, int n) {
        long t;
        for (AnswerReport.By by : List.of(AnswerReport.By.DEPARTMENT, AnswerReport.By.SHIFT, AnswerReport.By.EXTENSION)) {
            t = System.nanoTime();
            List<Measurement> month30 = repository.find(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 30), null,
                    by == AnswerReport.By.EXTENSION);
            List<AnswerReport.Row> report = AnswerReport.build(month30, by, config.metrics().shifts());
            AnswerReport.Row total = report.get(report.size() - 1);
            report("month report by " + by.name().toLowerCase() + " from the database (" + report.size() + " rows, "
                    + total.offered() + " offered, service level " + total.serviceLevelPercent() + "%)", n, t);
        }
        t = System.nanoTime();
        List<Measurement> oneDay = repository.find(LocalDate.of(2026, 11, 15), LocalDate.of(2026, 11, 15), null, false);
        AnswerReport.build(oneDay, AnswerReport.By.SHIFT, config.metrics().shifts());
        report("one day's report by shift from the database (" + oneDay.size() + " calls)", oneDay.size(), t);
        t = System.nanoTime();
        int repeats = 20;
        for (int i = 0; i < repeats; i++) {
            AnswerReport.build(oneDay, AnswerReport.By.DEPARTMENT, config.metrics().shifts());
        }
        report("the live board's service level of that day, from memory (per request, mean of " + repeats + ")",
                oneDay.size() * repeats, t);
    }

    private static void report(String what, int calls, long startNanos) {
        double secs = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("RESULT %-90s %.1f s (%.0f calls/s)%n", what, secs, calls / secs);
    }
}
