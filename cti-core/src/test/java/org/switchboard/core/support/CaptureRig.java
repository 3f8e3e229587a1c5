package org.switchboard.core.support;

import org.switchboard.billing.rating.TariffBook;
import org.switchboard.core.calls.application.CaptureService;
import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.rating.config.TariffLoader;
import org.switchboard.core.daemon.Daemon;
import org.switchboard.core.directory.Department;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.directory.Trunk;
import org.switchboard.core.storage.Database;
import org.switchboard.pbx.ami.AmiLink;
import org.switchboard.pbx.ami.AmiSettings;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The daemon's capture path exactly as {@code run} wires it ({@link Daemon}: AMI link over
 * TCP, queue, assembler, MariaDB, rating with the shipped example tariff), pointed at a test AMI
 * peer. The default directory is the recording hotel's: rooms 101, 102, 201, operator 9000, trunk
 * {@code SIP/trunk}; the recording PBX ran on UTC, and so does this hotel.
 */
public final class CaptureRig implements AutoCloseable {

    public static final ZoneId ZONE = ZoneOffset.UTC;
    public static final Path EXAMPLE_CONFIG = Path.of("..", "config");
    public final CallRepository repository;
    public final CaptureService capture;
    public final AmiLink link;
    public final SwitchboardConfig config;
    private final Daemon daemon;
    private final Database db;

    public CaptureRig(Database db, int amiPort) {
        this(db, amiPort, Duration.ofMillis(100));
    }

    /** {@code firstReconnectDelay}: the back-off ceiling of the first reconnect attempt. */
    public CaptureRig(Database db, int amiPort, Duration firstReconnectDelay) {
        this(db, amiPort, firstReconnectDelay, recordingHotel());
    }

    public CaptureRig(Database db, int amiPort, Duration firstReconnectDelay, Directory directory) {
        this(db, amiPort, firstReconnectDelay, directory, Clock.systemUTC());
    }

    /** With the daemon's clock given: a replay runs on a clock anchored at its recording. */
    public CaptureRig(Database db, int amiPort, Duration firstReconnectDelay, Directory directory, Clock clock) {
        this(db, amiPort, firstReconnectDelay, directory, clock, null, null);
    }

    /** {@code home}: the daemon's home, whose {@code var/spill/} keeps the calls it cannot store at a stop. */
    public CaptureRig(Database db, int amiPort, Directory directory, Clock clock, Path home) {
        this(db, amiPort, Duration.ofMillis(100), directory, clock, home, null);
    }

    /** {@code masterCsv}: Asterisk's Master.csv as the CDR store (the {@code cdr-store:} section). */
    public static CaptureRig withCdrStore(Database db, int amiPort, Clock clock, Path masterCsv) {
        return new CaptureRig(db, amiPort, Duration.ofMillis(100), recordingHotel(), clock, null, masterCsv);
    }

    /** {@code masterCsv} as the CDR store, for the hotel of {@code directory}. */
    public static CaptureRig withCdrStore(Database db, int amiPort, Clock clock, Path masterCsv, Directory directory) {
        return new CaptureRig(db, amiPort, Duration.ofMillis(100), directory, clock, null, masterCsv);
    }

    /** A rig for a real PBX: its hotel's {@code directory}, its {@code masterCsv}, the system clock. */
    public static CaptureRig forPbx(Database db, int amiPort, Directory directory, Path masterCsv) {
        return new CaptureRig(db, amiPort, Duration.ofMillis(100), directory, Clock.systemUTC(), null, masterCsv);
    }

    private CaptureRig(Database db, int amiPort, Duration firstReconnectDelay, Directory directory, Clock clock,
                       Path home, Path masterCsv) {
        AmiSettings settings = new AmiSettings("127.0.0.1", amiPort, "cti", "cti-secret", ZONE,
                Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(3),
                firstReconnectDelay, firstReconnectDelay.plusSeconds(1), 100_000);
        SwitchboardConfig.DatabaseSettings database = home == null ? null
                : new SwitchboardConfig.DatabaseSettings(false, "jdbc:mariadb://test", "test", "", home.resolve("var/data"), 0);
        config = new SwitchboardConfig("Recording Hotel", ZONE, settings, database,
                Duration.ofMillis(500), "5550100", directory, exampleTariffs(),
                SwitchboardConfig.HttpSettings.defaults(),
                org.switchboard.core.metrics.model.MetricsSettings.defaults()).withCdrCsvFile(masterCsv);
        this.db = db;
        repository = new CallRepository(db.dsl());
        daemon = Daemon.assemble(config, settings, db, clock);
        capture = daemon.capture();
        link = daemon.link();
        daemon.start();
    }

    public static TariffBook exampleTariffs() {
        return TariffLoader.loadAll(EXAMPLE_CONFIG);
    }

    public static Directory recordingHotel() {
        return new Directory(Map.of(
                "101", new Extension("101", "101", null, "Room 101"),
                "102", new Extension("102", "102", null, "Room 102"),
                "201", new Extension("201", "201", null, "Room 201"),
                "9000", new Extension("9000", null, "operator", "Operator")),
                Map.of("operator", new Department("operator", "Operator", 3)),
                List.of(new Trunk("pstn", "SIP/trunk")));
    }

    /** Waits until {@code count} calls are stored; false on timeout. */
    public boolean awaitStored(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (capture.storedCalls() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    public Daemon daemon() {
        return daemon;
    }

    /** Waits until {@code count} stored calls have been measured for answer speed; false on timeout. */
    public boolean awaitMeasured(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        var calls = org.switchboard.core.storage.jooq.Tables.CALLS;
        while (db.dsl().fetchCount(calls, calls.MEASURED.isTrue()) < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @Override
    public void close() {
        daemon.close();
    }
}
