package org.switchboard.demo;

import org.switchboard.core.refusal.Refusal;

import org.switchboard.core.cli.ConfigOptions;
import org.switchboard.core.cli.RunningServices;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.daemon.Daemon;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.storage.Database;
import org.switchboard.pbx.ami.AmiSettings;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.TrafficGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "demo", description = "Embedded MariaDB + a simulated Asterisk making hotel traffic + the daemon.")
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;
    @Option(names = "--fresh", description = "delete the demo's data and start over")
    boolean fresh;
    @Option(names = "--duration", paramLabel = "SECONDS", description = "stop after this long (default: until Ctrl-C)")
    long durationSeconds;
    @Option(names = "--call-every", paramLabel = "MS", defaultValue = "1500",
            description = "mean time between new calls, ms (default: ${DEFAULT-VALUE})")
    long callEveryMs;
    @Option(names = "--link-outage-every", paramLabel = "SECONDS",
            description = "cut the simulated PBX's AMI link this often, to watch the CDR store fill the gap (default: never)")
    long outageEverySeconds;
    @Option(names = "--link-outage-for", paramLabel = "SECONDS", defaultValue = "20",
            description = "how long each cut lasts (default: ${DEFAULT-VALUE})")
    long outageForSeconds;
    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP API port (default: http.port of the configuration; 0 = any free port)")
    Integer httpPort;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SwitchboardConfig config = options.load();
        Path home = ConfigOptions.home();
        Path dataDir = home.resolve("var/demo");
        org.switchboard.core.storage.RuntimeDatabase.requireNoneRunning(home);
        Path pbxDir = home.resolve("var/demo-pbx");
        if (fresh) {
            deleteTree(dataDir);
            deleteTree(pbxDir);
        }
        DemoLinkCuts cuts = new DemoLinkCuts(outageEverySeconds, outageForSeconds);
        RunningServices services = new RunningServices();
        services.closeOnShutdown();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Starting the Switchboard demo (embedded MariaDB, simulated Asterisk) …");
        out.flush();
        Database db = services.database(new SwitchboardConfig.DatabaseSettings(true, "", "", "", dataDir, 0),
                dataDir, home, "demo", RunningServices.printing(out));

        Clock clock = Clock.systemUTC();
        AmiServer pbx = services.add(new AmiServer(config.ami().username(), config.ami().secret(), clock));
        int port = pbx.start(0);
        config = keepCdrCsv(pbx, pbxDir, config);
        TrafficGenerator traffic = services.add(new TrafficGenerator(pbx, simulatedHotel(config), clock,
                System.nanoTime()));
        AmiSettings ami = new AmiSettings("127.0.0.1", port, config.ami().username(), config.ami().secret(),
                config.ami().pbxZone(), config.ami().pingInterval(), config.ami().readTimeout(),
                config.ami().actionTimeout(), config.ami().backoffInitial(), config.ami().backoffMax(),
                config.ami().queueCapacity());
        // The simulated rooms answer, ignore or reject wake-ups; demo timing so every outcome shows within minutes.
        org.switchboard.pbx.sim.WakeupResponder rooms = services.add(new org.switchboard.pbx.sim.WakeupResponder(pbx,
                clock, config.ami().pbxZone(), DemoCommand::demoBehaviour));
        pbx.setOriginateHandler(rooms);
        config = config.withWakeup(config.wakeup().withTiming(Duration.ofSeconds(15), Duration.ofSeconds(30), 1)
                .withMinimumAnswer(Duration.ofSeconds(2)));
        Daemon daemon = services.add(Daemon.assemble(config, ami, db, clock));
        daemon.start();
        TrafficGenerator.Hotel hotel = simulatedHotel(config);
        DemoFrontOffice frontOffice = new DemoFrontOffice(daemon.stayDesk(), pbx, config, hotel.rooms(), out);
        int checkedIn = frontOffice.fillHotel();
        daemon.classOfServiceChanged();
        traffic.start(Duration.ofMillis(callEveryMs));
        List<String> booked = bookDemoWakeups(config, daemon, db, clock);
        String demoPassword = demoUser(db, clock);
        int apiPort = daemon.serveApi(httpPort != null ? httpPort : config.http().port());

        printBanner(out, config, home, dataDir, clock, new Started(port, apiPort, demoPassword, checkedIn, booked));
        cuts.start(pbx, out);
        keepRunning(out, frontOffice, daemon, traffic);
        services.close(); // capture stores what it still holds before the count is said
        out.printf("Demo stopped: %d calls stored.%n", daemon.capture().storedCalls());
        out.flush();
        return 0;
    }

    /** What the demo started, for its banner. */
    private record Started(int pbxPort, int apiPort, String password, int checkedIn, List<String> booked) {
    }

    /** Where everything is and what to try: the newcomer's first minute. */
    private void printBanner(PrintWriter out, SwitchboardConfig config, Path home, Path dataDir, Clock clock, Started started) {
        out.printf("Demo running: simulated Asterisk on 127.0.0.1:%d, a new call every ~%.1f s.%n", started.pbxPort(),
                callEveryMs / 1000.0);
        out.printf("  data: %s (kept between runs; --fresh starts over)%n", dataDir);
        out.printf("  the PBX's CDR store: %s (read back for calls the daemon did not see)%n", masterCsvOf(config));
        if (outageEverySeconds > 0) {
            out.printf("  the PBX's link is cut for %d s every %d s: watch \"gap\" in the log and FROM_CDR in calls --today%n",
                    outageForSeconds, outageEverySeconds);
        }
        out.printf("  logs: %s%n", home.resolve(System.getenv().getOrDefault("SWITCHBOARD_LOG_DIR", "var/log"))
                .resolve("switchboard.log"));
        out.println("  in another terminal: scripts/switchboard calls --today");
        out.println("                       scripts/switchboard metrics --today --by extension");
        out.printf("  Console: http://%s:%d/  (operators, auditors: live board, wake-ups, call records, night audit)%n",
                config.http().host(), started.apiPort());
        out.printf("  log in (API): user demo, password %s  (new each run; your own: scripts/switchboard user add NAME --role operator)%n",
                started.password());
        out.printf("    curl -c /tmp/sb.jar -d '{\"username\":\"demo\",\"password\":\"%s\"}' http://%s:%d/api/login%n",
                started.password(), config.http().host(), started.apiPort());
        out.printf("  HTTP API (curl -b /tmp/sb.jar …): http://%s:%d/api/calls?date=%s%n", config.http().host(), started.apiPort(),
                java.time.LocalDate.now(clock.withZone(config.hotelZone())));
        out.printf("            http://%s:%d/api/metrics/live (ringing now, today's service level, missed calls)%n",
                config.http().host(), started.apiPort());
        out.printf("            http://%s:%d/api/live/stream (server-sent events as they happen)%n",
                config.http().host(), started.apiPort());
        out.printf("  guests: %s; some check out during the run (one on an outside call: a late charge)%n",
                started.checkedIn() > 0 ? started.checkedIn() + " checked in, every seventh room left vacant" : "kept from the last run");
        out.println("                       scripts/switchboard guests | folio ROOM | audit [--csv FILE] [--html FILE]");
        out.println("                       scripts/switchboard credit bars      (alarms: event credit-limit on the stream)");
        out.printf("            http://%s:%d/api/audit?format=html (tonight's audit, printable)%n", config.http().host(), started.apiPort());
        out.println("  wake-ups booked for the next minute (rooms answer, ignore, are busy or hang up at once):");
        started.booked().forEach(b -> out.println("    " + b));
        out.println("                       scripts/switchboard wakeup list      (alarms: event wakeup-alarm on the stream)");
        out.println("Ctrl-C to stop.");
        out.flush();
    }

    /**
     * Like Asterisk's cdr_csv, the simulated PBX writes every call's CDR, heard on AMI or not; the daemon reads it
     * back for what it missed (cdr-store: csv-file:).
     */
    private static SwitchboardConfig keepCdrCsv(AmiServer pbx, Path pbxDir, SwitchboardConfig config) {
        Path masterCsv = pbxDir.resolve("cdr-csv/Master.csv");
        pbx.keepCdrCsv(masterCsv);
        return config.withCdrCsvFile(masterCsv);
    }

    private static Object masterCsvOf(SwitchboardConfig config) {
        return config.cdrStore() instanceof org.switchboard.core.calls.config.CdrStoreSettings.CsvFile csv ? csv.file()
                : config.cdrStore();
    }

    /** Turns rooms over every 40 s and reports progress every 10 s, until {@code --duration} is over (or for ever). */
    private void keepRunning(PrintWriter out, DemoFrontOffice frontOffice, Daemon daemon, TrafficGenerator traffic)
            throws InterruptedException {
        long until = durationSeconds > 0 ? System.nanoTime() + Duration.ofSeconds(durationSeconds).toNanos()
                : Long.MAX_VALUE;
        long lastReport = System.nanoTime();
        long nextTurnOver = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            Thread.sleep(250);
            if (System.nanoTime() > nextTurnOver) {
                nextTurnOver = System.nanoTime() + Duration.ofSeconds(40).toNanos();
                try {
                    frontOffice.turnOver();
                    daemon.classOfServiceChanged();
                } catch (RuntimeException e) {
                    // e.g. the database is being restarted: the demo goes on, the next turn-over tries again
                    org.slf4j.LoggerFactory.getLogger(DemoCommand.class).warn("demo check-out/check-in skipped: {}",
                            e.getMessage());
                }
            }
            if (System.nanoTime() - lastReport > Duration.ofSeconds(10).toNanos()) {
                lastReport = System.nanoTime();
                out.printf("  %d calls started, %d stored%n", traffic.callsStarted(), daemon.capture().storedCalls());
                out.flush();
            }
        }
    }

    /**
     * The demo's admin login: user {@code demo} with a fresh random password each run (printed), so a newcomer can
     * log in at once; there is no default password.
     */
    private static String demoPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String demoUser(Database db, Clock clock) {
        String password = demoPassword();
        var stored = new org.switchboard.core.auth.infrastructure.UserRepository(db.dsl());
        var users = new org.switchboard.core.auth.application.UserDesk(stored, clock);
        var demo = stored.find("demo");
        if (demo.isPresent()) {
            users.setPassword("demo", password.toCharArray());
            if (!demo.get().enabled()) {
                users.enable("demo"); // the demo's own login works on every run
            }
            if (demo.get().role() != org.switchboard.core.auth.model.Role.ADMIN) {
                users.setRole("demo", org.switchboard.core.auth.model.Role.ADMIN);
            }
        } else {
            users.add("demo", password.toCharArray(), org.switchboard.core.auth.model.Role.ADMIN, "demo");
        }
        return password;
    }

    /** What a simulated room does when a wake-up rings: by its number, so each outcome is seen. */
    static org.switchboard.pbx.sim.WakeupResponder.Behaviour demoBehaviour(String extension) {
        char last = extension.isEmpty() ? '0' : extension.charAt(extension.length() - 1);
        return switch (last) {
            case '3', '8' -> org.switchboard.pbx.sim.WakeupResponder.Behaviour.NO_ANSWER;
            case '4', '9' -> org.switchboard.pbx.sim.WakeupResponder.Behaviour.BUSY;
            case '5' -> org.switchboard.pbx.sim.WakeupResponder.Behaviour.HANG_UP_AT_ONCE;
            default -> org.switchboard.pbx.sim.WakeupResponder.Behaviour.ANSWER;
        };
    }

    /** Books six rooms at the next whole minute at least 20 s away: one each of the outcomes, one with a second call. */
    private static List<String> bookDemoWakeups(SwitchboardConfig config, Daemon daemon, Database db, Clock clock) {
        java.time.ZonedDateTime at = clock.instant().atZone(config.hotelZone()).plusSeconds(20)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusMinutes(1);
        var stays = new org.switchboard.core.stays.infrastructure.StayRepository(db.dsl());
        List<String> rooms = config.directory().extensions().values().stream().filter(Extension::isRoom)
                .map(Extension::room).sorted(Comparator.reverseOrder()).limit(20).sorted()
                .filter(stays::isOccupied).limit(6).toList(); // only guests in house can be woken
        List<String> out = new java.util.ArrayList<>();
        var desk = daemon.wakeupDesk();
        for (int i = 0; i < rooms.size(); i++) {
            String room = rooms.get(i);
            try {
                desk.book(new org.switchboard.core.wakeup.application.WakeupDesk.Request(List.of(room),
                        at.toLocalDateTime().toString(), i == 0 ? Duration.ofMinutes(1) : null, false, "demo", null))
                        .forEach(b -> out.add(b.readBack() + "  [" + demoBehaviour(room).name().toLowerCase() + "]"));
            } catch (Refusal e) {
                out.add("room " + room + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static TrafficGenerator.Hotel simulatedHotel(SwitchboardConfig config) {
        List<Extension> all = config.directory().extensions().values().stream()
                .sorted(Comparator.comparing(Extension::number)).toList();
        List<String> rooms = all.stream().filter(Extension::isRoom).map(Extension::number).limit(60).toList();
        List<String> staff = all.stream().filter(e -> !e.isRoom()).map(Extension::number).toList();
        Map<String, String> names = new HashMap<>();
        all.forEach(e -> names.put(e.number(), e.name()));
        String device = config.directory().trunks().get(0).device();
        String peer = device.substring(device.indexOf('/') + 1);
        // Departments with several phones ring them all at once (a ring group).
        Map<String, List<String>> byDepartment = new java.util.TreeMap<>();
        all.stream().filter(e -> !e.isRoom())
                .forEach(e -> byDepartment.computeIfAbsent(e.department(), k -> new java.util.ArrayList<>()).add(e.number()));
        List<List<String>> ringGroups = byDepartment.values().stream().filter(g -> g.size() > 1).toList();
        return new TrafficGenerator.Hotel(rooms, staff, names, peer, config.did().isEmpty() ? "5550100" : config.did(),
                config.ami().pbxZone(), ringGroups);
    }

    /** Deletes the demo's data; the unpacked database binaries ({@code mariadb-base}) are kept: they are no data. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Path binaries = dir.resolve("mariadb-base");
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> !p.startsWith(binaries)).sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }
}
