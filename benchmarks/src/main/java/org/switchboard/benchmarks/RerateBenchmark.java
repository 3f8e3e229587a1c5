package org.switchboard.benchmarks;

import org.switchboard.billing.rating.Rater;
import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.calls.model.CallDirection;
import org.switchboard.core.calls.model.CdrCheck;
import org.switchboard.core.calls.model.CompletedCall;
import org.switchboard.core.calls.model.Completeness;
import org.switchboard.core.calls.model.Disposition;
import org.switchboard.core.calls.model.TimeSource;
import org.switchboard.core.rating.config.TariffLoader;
import org.switchboard.core.rating.application.ChargeService;
import org.switchboard.core.rating.infrastructure.ChargeRepository;
import org.switchboard.core.storage.Database;
import org.switchboard.embedded.EmbeddedMariaDb;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Re-rating benchmark (scripts/bench-rerate): N stored outbound calls over November in an embedded
 * MariaDB, priced with config/tariff-cn.yaml by {@code rerate} end to end — read, rate, write in
 * chunks — first when no call has a charge yet, then again when nothing changes.
 */
public final class RerateBenchmark {

    private RerateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        Path configDir = Path.of(args.length > 1 ? args[1] : "config");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Clock clock = Clock.systemUTC();
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(null, 0);
             Database db = Database.connectAndMigrate(server)) {
            CallRepository calls = new CallRepository(db.dsl());
            Random r = new Random(11);
            String[] patterns = {"0%d1234567", "013%d1234567", "06%d23456", "0044%d123456", "00120%d5555", "02%d987654"};
            Instant month = LocalDate.of(2026, 11, 1).atStartOfDay(zone).toInstant();
            long t0 = System.nanoTime();
            List<CompletedCall> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Instant start = month.plusSeconds(r.nextInt(30 * 86_400));
                Duration talk = Duration.ofSeconds(r.nextInt(900));
                String dialled = String.format(patterns[r.nextInt(patterns.length)], 10 + r.nextInt(90));
                batch.add(new CompletedCall("bench." + i, CallDirection.OUTBOUND, "101", "Room 101", dialled, null,
                        "pstn", "101", null, "101", null, start, start, start.plusSeconds(3), start.plus(talk).plusSeconds(3),
                        Duration.ofSeconds(3), talk, Disposition.ANSWERED, 16, "Normal Clearing", TimeSource.ARRIVAL,
                        1, (int) talk.toSeconds(), "ANSWERED", CdrCheck.MATCH, Completeness.COMPLETE,
                        start.atZone(zone).toLocalDate(), List.of()));
                if (batch.size() == 5000) {
                    calls.storeAllWithoutLegs(batch, clock.instant());
                    batch.clear();
                }
            }
            calls.storeAllWithoutLegs(batch, clock.instant());
            System.out.printf("stored %d calls in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);

            ChargeService service = new ChargeService(new Rater(TariffLoader.loadAll(configDir)),
                    new ChargeRepository(db.dsl()), zone, clock);
            for (String pass : List.of("first rating (no charges yet)", "re-rating (nothing changes)")) {
                long t = System.nanoTime();
                ChargeService.Summary s = service.rerate(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), x -> { });
                double secs = (System.nanoTime() - t) / 1e9;
                System.out.printf("RESULT %-30s %d calls, %d changed, total %s CNY, %.1f s, %.0f calls/s%n", pass,
                        s.calls(), s.changed(), s.totalAfter().toPlainString(), secs, s.calls() / secs);
            }
        }
    }
}
