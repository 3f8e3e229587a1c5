package org.switchboard.core.support;

import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.daemon.Daemon;
import org.switchboard.core.directory.Department;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.directory.Trunk;
import org.switchboard.core.metrics.application.LiveBoard;
import org.switchboard.core.storage.Database;
import org.switchboard.core.storage.jooq.Tables;
import org.switchboard.core.wakeup.application.WakeupDesk;
import org.switchboard.core.wakeup.infrastructure.WakeupRepository;
import org.switchboard.core.wakeup.model.WakeupSettings;
import org.switchboard.pbx.ami.AmiSettings;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * The daemon as {@code run} wires it (capture, live board, wake-up caller on Quartz timers in MariaDB),
 * pointed at a test AMI peer, with a clock the test sets. Collects the live stream's events.
 */
public final class WakeupRig implements AutoCloseable {

    public final Daemon daemon;
    public final WakeupDesk desk;
    public final WakeupRepository repository;
    public final SwitchboardConfig config;
    public final List<LiveBoard.LiveEvent> stream = new CopyOnWriteArrayList<>();
    private final AutoCloseable subscription;

    public WakeupRig(Database db, int amiPort, ZoneId zone, Directory directory, WakeupSettings settings,
                     ShiftedClock clock) {
        this(db, amiPort, zone, directory, settings, clock, null);
    }

    /** {@code masterCsv}: Asterisk's CDR store the daemon reads ({@code cdr-store: csv-file:}), or null. */
    public WakeupRig(Database db, int amiPort, ZoneId zone, Directory directory, WakeupSettings settings,
                     ShiftedClock clock, java.nio.file.Path masterCsv) {
        AmiSettings ami = new AmiSettings("127.0.0.1", amiPort, "cti", "cti-secret", zone, Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofMillis(100), Duration.ofMillis(500), 100_000);
        SwitchboardConfig base = new SwitchboardConfig("Wake-up Hotel", zone, ami, null, Duration.ofMillis(300),
                "5550100", directory, CaptureRig.exampleTariffs(), SwitchboardConfig.HttpSettings.defaults(),
                org.switchboard.core.metrics.model.MetricsSettings.defaults(), settings);
        config = masterCsv == null ? base : base.withCdrCsvFile(masterCsv);
        daemon = Daemon.assemble(config, ami, db, clock);
        subscription = daemon.liveBoard().subscribe(stream::add);
        daemon.start();
        desk = daemon.wakeupDesk();
        repository = new WakeupRepository(db.dsl());
    }

    /** Rooms {@code first}… (extension = room number) and the operator 9000. */
    public static Directory hotel(int first, int count) {
        Map<String, Extension> ext = new LinkedHashMap<>();
        for (int n = first; n < first + count; n++) {
            ext.put(String.valueOf(n), new Extension(String.valueOf(n), String.valueOf(n), null, "Room " + n));
        }
        ext.put("9000", new Extension("9000", null, "operator", "Operator"));
        return new Directory(ext, Map.of("operator", new Department("operator", "Operator", 3)),
                List.of(new Trunk("pstn", "SIP/trunk")));
    }

    /** Fast settings for tests: rings {@code ring}, {@code retries} retries {@code retryInterval} apart. */
    public static WakeupSettings settings(Duration ring, int retries, Duration retryInterval, int channels) {
        return WakeupSettings.defaults().withTiming(ring, retryInterval, retries).withMaxChannels(channels);
    }

    public long alarms() {
        return stream.stream().filter(e -> e.type().equals("wakeup-alarm")).count();
    }

    /** Waits until {@code done}; false on timeout. */
    public static boolean await(BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Calls no longer SCHEDULED. */
    public static int finishedCalls(Database db) {
        return db.dsl().fetchCount(Tables.WAKEUP_CALLS, Tables.WAKEUP_CALLS.STATUS.ne("SCHEDULED"));
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            // nothing to release
        }
        daemon.close();
    }
}
