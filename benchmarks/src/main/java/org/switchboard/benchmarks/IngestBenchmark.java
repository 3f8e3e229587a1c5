package org.switchboard.benchmarks;

import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.daemon.Daemon;
import org.switchboard.core.directory.Department;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.directory.Trunk;
import org.switchboard.core.storage.Database;
import org.switchboard.embedded.EmbeddedMariaDb;
import org.switchboard.pbx.ami.AmiSettings;
import org.switchboard.pbx.sim.AmiMessage;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.CallTemplate;
import org.switchboard.pbx.sim.TrafficGenerator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingest benchmark (scripts/bench-ingest): AMI events per second from the socket to stored calls.
 * The simulator pre-renders N realistic calls (the demo's traffic mix, zero ring and talk time so
 * they arrive back to back), sends them over loopback TCP as fast as the daemon's socket takes them,
 * and the clock stops when the last call is committed to MariaDB.
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        Clock clock = Clock.systemUTC();
        List<String> rooms = new ArrayList<>();
        Directory directory = hotel(rooms);

        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(null, 0);
             Database db = Database.connectAndMigrate(server);
             AmiServer pbx = new AmiServer("bench", "bench-secret", clock)) {
            int port = pbx.start(0);
            TrafficGenerator gen = new TrafficGenerator(pbx, new TrafficGenerator.Hotel(rooms, List.of("8000", "9000"),
                    Map.of(), "trunk", "5550100", ZoneOffset.UTC), clock, 42);
            System.out.printf("rendering %d calls …%n", calls);
            List<List<AmiMessage>> rendered = render(gen, calls, clock.instant());
            long events = rendered.stream().mapToLong(List::size).sum();
            List<byte[]> wire = rendered.stream().map(IngestBenchmark::wire).toList();
            SwitchboardConfig config = new SwitchboardConfig("Bench Hotel", ZoneOffset.UTC, null, null,
                    Duration.ZERO, "5550100", directory, new org.switchboard.billing.rating.TariffBook(List.of()),
                    SwitchboardConfig.HttpSettings.defaults(),
                    org.switchboard.core.metrics.model.MetricsSettings.defaults());
            AmiSettings ami = new AmiSettings("127.0.0.1", port, "bench", "bench-secret", ZoneOffset.UTC,
                    Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofMillis(100),
                    Duration.ofSeconds(1), 200_000);
            try (Daemon daemon = Daemon.assemble(config, ami, db, clock)) {
                daemon.start();
                if (!pbx.awaitLogins(1, Duration.ofSeconds(20))) {
                    throw new IllegalStateException("daemon did not log in");
                }
                Thread.sleep(500);
                long t0 = System.nanoTime();
                for (byte[] call : wire) {
                    pbx.awaitWritable();
                    pbx.broadcastRaw(call);
                }
                long sentNanos = System.nanoTime() - t0;
                report(daemon, db, calls, events, t0, sentNanos);
            }
        }
    }

    /** Waits until every call is stored and every outbound call charged; prints the figures. */
    private static void report(Daemon daemon, Database db, int calls, long events, long t0, long sentNanos)
            throws InterruptedException {
        while (daemon.capture().storedCalls() + daemon.capture().duplicateCalls() < calls) {
            if (System.nanoTime() - t0 > Duration.ofMinutes(10).toNanos()) {
                throw new IllegalStateException("timed out with " + daemon.capture().storedCalls() + " stored");
            }
            Thread.sleep(5);
        }
        long totalNanos = System.nanoTime() - t0;
        double secs = totalNanos / 1e9;
        // The outbound calls' charges are written right after their calls' commit, on the same thread.
        int outbound = db.dsl().fetchCount(org.switchboard.core.storage.jooq.Tables.CALLS,
                org.switchboard.core.storage.jooq.Tables.CALLS.DIRECTION.eq("OUTBOUND"));
        while (db.dsl().fetchCount(org.switchboard.core.storage.jooq.Tables.CALL_CHARGES) < outbound) {
            Thread.sleep(5);
        }
        double chargedSecs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("calls stored          %d%n", daemon.capture().storedCalls());
        System.out.printf("AMI events sent       %d (%.1f per call)%n", events, (double) events / calls);
        System.out.printf("events received       %d, dropped %d%n", daemon.link().counters().received(),
                daemon.link().counters().dropped());
        System.out.printf("send phase            %.2f s%n", sentNanos / 1e9);
        System.out.printf("socket → stored       %.2f s%n", secs);
        System.out.printf("socket → charged      %.2f s (%d outbound calls)%n", chargedSecs, outbound);
        System.out.printf("RESULT events/s       %.0f%n", events / secs);
        System.out.printf("RESULT calls/s        %.0f%n", calls / secs);
    }

    /** Rooms 101-400, the front desk 8000 and the operator 9000, one trunk; {@code rooms} gets the room numbers. */
    static Directory hotel(List<String> rooms) {
        Map<String, Extension> extensions = new HashMap<>();
        for (int r = 101; r <= 400; r++) {
            rooms.add(String.valueOf(r));
            extensions.put(String.valueOf(r), new Extension(String.valueOf(r), String.valueOf(r), null, "Room " + r));
        }
        extensions.put("8000", new Extension("8000", null, "front-desk", "Front Desk"));
        extensions.put("9000", new Extension("9000", null, "operator", "Operator"));
        return new Directory(extensions, Map.of(
                "front-desk", new Department("front-desk", "Front Desk", 3),
                "operator", new Department("operator", "Operator", 3)), List.of(new Trunk("pstn", "SIP/trunk")));
    }

    /**
     * A call's events as the bytes on the wire, encoded before the clock starts: the peer shares the two cores, and
     * its encoding is not the daemon's ingest.
     */
    static byte[] wire(List<AmiMessage> call) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        call.forEach(e -> out.writeBytes(e.toBytes()));
        return out.toByteArray();
    }

    /** Each call's AMI events, rendered before the clock starts so that only ingest is measured. */
    static List<List<AmiMessage>> render(TrafficGenerator gen, int calls, Instant start) {
        List<List<AmiMessage>> rendered = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            TrafficGenerator.CallPlan p = gen.nextPlan();
            List<AmiMessage> all = new ArrayList<>();
            for (CallTemplate.ScheduledBurst b : gen.render(new TrafficGenerator.CallPlan(p.pattern(), p.roles(),
                    Duration.ZERO, Duration.ZERO), start)) {
                all.addAll(b.events());
            }
            rendered.add(all);
        }
        return rendered;
    }
}
