package org.switchboard.benchmarks;

import org.switchboard.core.rating.model.ChargeableCall;
import org.switchboard.billing.audit.AuditFormats;
import org.switchboard.billing.audit.AuditLine.Cause;
import org.switchboard.billing.audit.AuditReport;
import org.switchboard.billing.audit.AuditTable;
import org.switchboard.billing.money.Money;
import org.switchboard.billing.rating.CallToRate;
import org.switchboard.billing.rating.Rater;
import org.switchboard.billing.rating.RatingResult;
import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.calls.model.CallDirection;
import org.switchboard.core.calls.model.CdrCheck;
import org.switchboard.core.calls.model.CompletedCall;
import org.switchboard.core.calls.model.Completeness;
import org.switchboard.core.calls.model.Disposition;
import org.switchboard.core.calls.model.TimeSource;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.rating.config.TariffLoader;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.folio.application.FolioServices;
import org.switchboard.core.metrics.model.MetricsSettings;
import org.switchboard.core.rating.infrastructure.ChargeRepository;
import org.switchboard.core.stays.infrastructure.StayRepository;
import org.switchboard.core.storage.Database;
import org.switchboard.embedded.EmbeddedMariaDb;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Night-audit benchmark (scripts/bench-audit): a hotel of R rooms (default 2,000; 90% occupied, 100 guests
 * leaving at noon) makes N outbound calls (default 50,000) in one business day in an embedded MariaDB. The
 * calls are rated (charge + posting outbox, as the daemon does), posted to the folios, then the day's audit
 * report is built and rendered as text, CSV and HTML, the date closed, and the closed report read again.
 */
public final class AuditBenchmark {

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rooms = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        Path configDir = Path.of(args.length > 2 ? args[2] : "config");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate day = LocalDate.of(2026, 11, 20);
        Clock clock = Clock.systemUTC();
        Map<String, Extension> ext = new LinkedHashMap<>();
        for (int i = 0; i < rooms; i++) {
            String room = String.valueOf(10_000 + i);
            ext.put(room, new Extension(room, room, null, "Room " + room));
        }
        SwitchboardConfig config = new SwitchboardConfig("Benchmark Hotel", zone, null, null, Duration.ZERO, "",
                new Directory(ext, Map.of(), List.of()), TariffLoader.loadAll(configDir),
                SwitchboardConfig.HttpSettings.defaults(), MetricsSettings.defaults());
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(null, 0);
             Database db = Database.connectAndMigrate(server)) {
            Instant start = config.businessDay().startOf(day);
            long t;
            List<String> roomList = checkIn(db, ext, rooms, start);
            storeCalls(db, roomList, n, start, zone, clock);
            rateAll(db, config, zone, clock, n);

            FolioServices folios = FolioServices.on(db, config, clock);
            t = System.nanoTime();
            int posted = folios.poster().postPending();
            report("posted to folios", t, posted);

            AuditReport open = null;
            for (int pass = 1; pass <= 3; pass++) {
                t = System.nanoTime();
                open = folios.audit().report(day);
                AuditTable table = AuditTable.of(open);
                String text = AuditFormats.text(table);
                byte[] csv = AuditFormats.csv(table);
                String html = AuditFormats.html(table);
                double secs = (System.nanoTime() - t) / 1e9;
                System.out.printf("RESULT audit report (open date), pass %d: %.2f s — %d entries, %d rows, text %d KB, "
                                + "CSV %d KB, HTML %d KB%n", pass, secs, open.lines().size(), open.rows().size(),
                        text.length() / 1024, csv.length / 1024, html.length() / 1024);
            }
            System.out.println("RESULT " + AuditTable.of(open).reconciliation());

            t = System.nanoTime();
            AuditReport closed = folios.audit().close(day, "benchmark");
            report("close (post pending, check, lock)", t, closed.lines().size());
            byte[] first = AuditFormats.csv(AuditTable.of(closed));
            t = System.nanoTime();
            byte[] again = AuditFormats.csv(AuditTable.of(folios.audit().report(day)));
            report("closed report re-read + CSV", t, closed.lines().size());
            System.out.println("RESULT closed report byte-identical on re-run: " + Arrays.equals(first, again));
        }
    }

    /** Nine rooms in ten let; some guests have already left. */
    private static List<String> checkIn(Database db, Map<String, Extension> ext, int rooms, Instant start) {
        long t = System.nanoTime();
        StayRepository stays = new StayRepository(db.dsl());
        List<String> roomList = new ArrayList<>(ext.keySet());
        for (int i = 0; i < rooms; i++) {
            if (i % 10 != 9) {
                stays.checkIn("G" + i, "客人" + i, roomList.get(i), Money.of(i % 50 == 7 ? "50" : "2000", "CNY"), null,
                        start.minus(Duration.ofHours(20)));
            }
        }
        for (int i = 0; i < rooms && i < 1000; i += 10) {
            stays.checkOut("G" + i, start.plus(Duration.ofHours(8)));
        }
        report("check-ins", t, rooms);
        return roomList;
    }

    /** {@code n} outbound calls from random rooms over the business day. */
    private static void storeCalls(Database db, List<String> roomList, int n, Instant start, ZoneId zone, Clock clock) {
        int rooms = roomList.size();
        long t = System.nanoTime();
        CallRepository calls = new CallRepository(db.dsl());
        Random r = new Random(11);
        String[] patterns = {"0%d1234567", "013%d1234567", "06%d23456", "0044%d123456", "00120%d5555", "02%d987654"};
        List<CompletedCall> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String room = roomList.get(r.nextInt(rooms));
            Instant at = start.plusSeconds(r.nextInt(86_400 - 1000));
            Duration talk = Duration.ofSeconds(r.nextInt(600));
            String dialled = String.format(patterns[r.nextInt(patterns.length)], 10 + r.nextInt(90));
            batch.add(new CompletedCall("audit." + i, CallDirection.OUTBOUND, room, "Room " + room, dialled, null,
                    "pstn", room, null, room, null, at, at, at.plusSeconds(3), at.plus(talk).plusSeconds(3),
                    Duration.ofSeconds(3), talk, Disposition.ANSWERED, 16, "Normal Clearing", TimeSource.ARRIVAL,
                    1, (int) talk.toSeconds(), "ANSWERED", CdrCheck.MATCH, Completeness.COMPLETE,
                    at.atZone(zone).toLocalDate(), List.of()));
            if (batch.size() == 5000) {
                calls.storeAllWithoutLegs(batch, clock.instant());
                batch.clear();
            }
        }
        calls.storeAllWithoutLegs(batch, clock.instant());
        report("calls stored", t, n);
    }

    /** Every call rated in chunks, each chunk's charges and outbox rows in one transaction. */
    private static void rateAll(Database db, SwitchboardConfig config, ZoneId zone, Clock clock, int n) {
        long t = System.nanoTime();
        ChargeRepository charges = new ChargeRepository(db.dsl());
        Rater rater = new Rater(config.tariffs());
        List<ChargeableCall> toRate = charges.unratedOutboundCalls(clock.instant().plusSeconds(1));
        for (int from = 0; from < toRate.size(); from += 2000) {
            Map<Long, RatingResult> results = new LinkedHashMap<>();
            for (ChargeableCall c : toRate.subList(from, Math.min(toRate.size(), from + 2000))) {
                results.put(c.callId(), rater.rate(new CallToRate(c.extension(), c.dialled(),
                        c.startedAt().atZone(zone).toLocalDateTime(), c.talk().toSeconds(), c.trunk())));
            }
            charges.saveAll(results, clock.instant(), Cause.CAPTURED);
        }
        report("rated (charge + outbox)", t, n);
    }

    private static void report(String what, long t0, int count) {
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("RESULT %-36s %,d in %.2f s (%,.0f/s)%n", what, count, secs, count / secs);
    }
}
