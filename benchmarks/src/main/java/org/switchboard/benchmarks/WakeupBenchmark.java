package org.switchboard.benchmarks;

import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.daemon.Daemon;
import org.switchboard.core.directory.Department;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.directory.Trunk;
import org.switchboard.core.storage.Database;
import org.switchboard.embedded.EmbeddedMariaDb;
import org.switchboard.core.wakeup.application.WakeupDesk;
import org.switchboard.core.wakeup.infrastructure.WakeupRepository;
import org.switchboard.core.wakeup.model.CallStatus;
import org.switchboard.core.wakeup.model.WakeupAttempt;
import org.switchboard.core.wakeup.model.WakeupCall;
import org.switchboard.core.wakeup.model.WakeupSettings;
import org.switchboard.pbx.ami.AmiSettings;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.WakeupResponder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wake-up benchmark (scripts/bench-wakeup): N rooms (default 300) booked for 06:30, C channels
 * (default 30), the simulator answering each like the recording (rings 3 s, message 3.4 s). The
 * daemon's clock starts at 06:29:50. Prints how late the first calls were placed and when the last
 * one finished; Quartz, MariaDB, AMI over TCP and the simulator are all real.
 */
public final class WakeupBenchmark {

    private WakeupBenchmark() {
    }

    /** The system clock moved by an offset set once everything has started. */
    private static final class SetClock extends Clock {
        volatile Duration offset = Duration.ZERO;

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    public static void main(String[] args) throws Exception {
        int rooms = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int channels = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate day = LocalDate.now(zone).plusDays(1);
        Instant due = day.atTime(6, 30).atZone(zone).toInstant();
        SetClock clock = new SetClock();

        Map<String, Extension> ext = new LinkedHashMap<>();
        List<String> booked = new ArrayList<>();
        for (int n = 1000; n < 1000 + rooms; n++) {
            ext.put(String.valueOf(n), new Extension(String.valueOf(n), String.valueOf(n), null, "Room " + n));
            booked.add(String.valueOf(n));
        }
        ext.put("9000", new Extension("9000", null, "operator", "Operator"));
        Directory directory = new Directory(ext, Map.of("operator", new Department("operator", "Operator", 3)),
                List.of(new Trunk("pstn", "SIP/trunk")));
        WakeupSettings settings = WakeupSettings.defaults().withMaxChannels(channels);

        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(null, 0);
             Database db = Database.connectAndMigrate(server);
             AmiServer pbx = new AmiServer("bench", "bench-secret", clock);
             WakeupResponder phones = new WakeupResponder(pbx, clock, zone, e -> WakeupResponder.Behaviour.ANSWER)) {
            pbx.setOriginateHandler(phones);
            phones.stampEvents(true);
            int port = pbx.start(0);
            AmiSettings ami = new AmiSettings("127.0.0.1", port, "bench", "bench-secret", zone, Duration.ofSeconds(10),
                    Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofSeconds(1), 200_000);
            SwitchboardConfig config = new SwitchboardConfig("Bench Hotel", zone, ami, null, Duration.ofMillis(500),
                    "5550100", directory, new org.switchboard.billing.rating.TariffBook(List.of()),
                    SwitchboardConfig.HttpSettings.defaults(), org.switchboard.core.metrics.model.MetricsSettings.defaults(),
                    settings);
            try (Daemon daemon = Daemon.assemble(config, ami, db, clock)) {
                daemon.start();
                if (!pbx.awaitLogins(1, Duration.ofSeconds(20))) {
                    throw new IllegalStateException("daemon did not log in");
                }
                clock.offset = Duration.between(Instant.now(), due.minusSeconds(10)); // it is 06:29:50
                long b0 = System.nanoTime();
                daemon.wakeupDesk().book(new WakeupDesk.Request(booked, day + "T06:30", null, false, "bench", "bench"));
                System.out.printf("booked %d rooms for %s 06:30 in %d ms; %d channels%n", rooms, day,
                        (System.nanoTime() - b0) / 1_000_000, channels);
                WakeupRepository repo = new WakeupRepository(db.dsl());
                while (repo.callsOn(day).stream().anyMatch(c -> c.status() == CallStatus.SCHEDULED)) {
                    if (clock.instant().isAfter(due.plus(Duration.ofMinutes(15)))) {
                        throw new IllegalStateException("not finished 15 minutes after 06:30");
                    }
                    Thread.sleep(200);
                }
                printResults(repo, day, due, phones, channels);
            }
        }
    }

    private static void printResults(WakeupRepository repo, LocalDate day, Instant due, WakeupResponder phones, int channels) {
        List<WakeupCall> calls = repo.callsOn(day);
        List<WakeupAttempt> attempts = repo.attemptsOn(day);
        long[] late = attempts.stream().filter(a -> a.attemptNo() == 1)
                .mapToLong(a -> a.lateness().toMillis()).sorted().toArray();
        Instant lastEnd = attempts.stream().map(WakeupAttempt::endedAt).max(Instant::compareTo).orElseThrow();
        System.out.printf("woken                 %d of %d (%d attempts)%n",
                calls.stream().filter(c -> c.status() == CallStatus.WOKEN).count(), calls.size(), attempts.size());
        System.out.printf("first-call lateness   min %d ms, median %d ms, p95 %d ms, max %d ms%n", late[0],
                late[late.length / 2], late[(int) Math.ceil(late.length * 0.95) - 1], late[late.length - 1]);
        System.out.printf("most ringing at once  %d (limit %d)%n", phones.maxConcurrent(), channels);
        System.out.printf("last call finished    %.1f s after 06:30%n", Duration.between(due, lastEnd).toMillis() / 1000.0);
    }
}
