package org.switchboard.benchmarks;

import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.daemon.Daemon;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.storage.Database;
import org.switchboard.embedded.EmbeddedMariaDb;
import org.switchboard.pbx.ami.AmiSettings;
import org.switchboard.pbx.sim.AmiMessage;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.CallTemplate;
import org.switchboard.pbx.sim.TrafficGenerator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.switchboard.core.storage.jooq.Tables.CALLS;
import static org.switchboard.core.storage.jooq.Tables.CALL_CHARGES;

/**
 * Gap recovery (scripts/bench-gap [CALLS]): the daemon was away for an hour while a busy hotel made CALLS calls
 * (default 3,000: a 2,000-room hotel's busiest hour). The simulator's PBX keeps Master.csv as cdr_csv does; one
 * call is seen live an hour ago, the daemon stops, the hour's calls end unseen, the daemon starts again. Measured:
 * from its login to every call of the hour stored (FROM_CDR) and every outbound one priced, with the real tariffs
 * of {@code config/}.
 */
public final class GapRecoveryBenchmark {

    private GapRecoveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        Clock clock = Clock.systemUTC();
        List<String> rooms = new ArrayList<>();
        Directory directory = hotel(rooms);
        Path dir = Files.createTempDirectory("bench-gap");
        Path masterCsv = dir.resolve("cdr-csv/Master.csv");
        Instant gapStart = clock.instant().minus(Duration.ofMinutes(65)).truncatedTo(ChronoUnit.SECONDS);
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(null, 0);
             Database db = Database.connectAndMigrate(server);
             AmiServer pbx = new AmiServer("bench", "bench-secret", clock)) {
            int port = pbx.start(0);
            pbx.keepCdrCsv(masterCsv);
            TrafficGenerator gen = new TrafficGenerator(pbx, new TrafficGenerator.Hotel(rooms, List.of("8000", "9000"),
                    Map.of(), "trunk", "5550100", ZoneOffset.UTC), clock, 42);
            SwitchboardConfig config = new SwitchboardConfig("Bench Hotel", ZoneOffset.UTC, null, null,
                    Duration.ZERO, "5550100", directory,
                    org.switchboard.core.rating.config.TariffLoader.loadAll(Path.of("config")),
                    SwitchboardConfig.HttpSettings.defaults(),
                    org.switchboard.core.metrics.model.MetricsSettings.defaults()).withCdrCsvFile(masterCsv);
            AmiSettings ami = new AmiSettings("127.0.0.1", port, "bench", "bench-secret", ZoneOffset.UTC,
                    Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofMillis(100),
                    Duration.ofSeconds(1), 200_000);

            try (Daemon before = Daemon.assemble(config, ami, db, clock)) { // sees one call, an hour ago, then stops
                before.start();
                await(() -> pbx.logins() == 1, "the first login");
                pbx.broadcast(stamped(gen.render(plan(gen), gapStart)));
                await(() -> db.dsl().fetchCount(CALLS) == 1, "the call seen live");
            }
            int written = writeTheHour(pbx, gen, calls, gapStart.plusSeconds(60), Duration.ofHours(1));
            System.out.printf("Master.csv: %d rows of %d calls ending in the hour the daemon was away (%.1f MB)%n",
                    written, calls, Files.size(masterCsv) / 1e6);

            try (Daemon after = Daemon.assemble(config, ami, db, clock)) {
                after.start();
                await(() -> pbx.logins() == 2, "the login after the gap");
                long t0 = System.nanoTime();
                await(() -> db.dsl().fetchCount(CALLS) == calls + 1, "every call of the hour stored");
                double stored = (System.nanoTime() - t0) / 1e9;
                int outbound = db.dsl().fetchCount(CALLS, CALLS.DIRECTION.eq("OUTBOUND"));
                await(() -> db.dsl().fetchCount(CALL_CHARGES) == outbound, "every outbound call priced");
                double priced = (System.nanoTime() - t0) / 1e9;
                System.out.printf("RESULT login → %d calls stored (FROM_CDR): %.2f s%n", calls,  stored);
                System.out.printf("RESULT login → %d outbound calls priced: %.2f s%n", outbound, priced);
                System.out.printf("RESULT total charged: CNY %s%n", db.dsl().select(org.jooq.impl.DSL.sum(CALL_CHARGES.TOTAL))
                        .from(CALL_CHARGES).fetchOne().value1());
            }
        }
    }

    /** The hour's calls, their starts spread evenly over it, each with its plan's ring and talk; their CDRs appended as they end. */
    private static int writeTheHour(AmiServer pbx, TrafficGenerator gen, int calls, Instant from, Duration length) {
        List<AmiMessage> cdrs = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            Instant start = from.plus(length.multipliedBy(i).dividedBy(calls + 60L)); // every call over before the hour is
            for (CallTemplate.ScheduledBurst b : gen.render(gen.nextPlan(), start)) {
                b.events().stream().filter(e -> e.isEvent("Cdr")).forEach(cdrs::add);
            }
        }
        cdrs.sort(Comparator.comparing(e -> e.get("EndTime")));
        pbx.broadcast(cdrs); // no client is logged in: only Master.csv hears them
        return cdrs.size();
    }

    /** Rooms 1001-3000 (2,000), the front desk 8000 and the operator 9000, one trunk. */
    static Directory hotel(List<String> rooms) {
        Map<String, org.switchboard.core.directory.Extension> extensions = new java.util.HashMap<>();
        for (int r = 1001; r <= 3000; r++) {
            rooms.add(String.valueOf(r));
            extensions.put(String.valueOf(r), new org.switchboard.core.directory.Extension(String.valueOf(r),
                    String.valueOf(r), null, "Room " + r));
        }
        Directory small = IngestBenchmark.hotel(new ArrayList<>());
        extensions.put("8000", small.extensions().get("8000"));
        extensions.put("9000", small.extensions().get("9000"));
        return new Directory(extensions, small.departments(), small.trunks());
    }

    /** A short call of the demo's mix. */
    private static TrafficGenerator.CallPlan plan(TrafficGenerator gen) {
        TrafficGenerator.CallPlan p = gen.nextPlan();
        return new TrafficGenerator.CallPlan(p.pattern(), p.roles(), Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    /** The bursts' events with the PBX's time on them, as {@code timestampevents = yes} sends them. */
    private static List<AmiMessage> stamped(List<CallTemplate.ScheduledBurst> bursts) {
        List<AmiMessage> out = new ArrayList<>();
        for (CallTemplate.ScheduledBurst b : bursts) {
            String ts = b.at().getEpochSecond() + "." + String.format("%06d", b.at().getNano() / 1000);
            b.events().forEach(e -> out.add(e.withSecondHeader("Timestamp", ts)));
        }
        return out;
    }

    private static void await(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }
}
