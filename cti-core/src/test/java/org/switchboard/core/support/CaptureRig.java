package org.switchboard.core.support;

import org.switchboard.core.calls.application.CaptureService;
import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.calls.model.CallAssembler;
import org.switchboard.core.calls.model.CallSummarizer;
import org.switchboard.core.directory.Department;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.directory.Trunk;
import org.switchboard.core.storage.Database;
import org.switchboard.pbx.ami.AmiLink;
import org.switchboard.pbx.ami.AmiSettings;
import org.switchboard.pbx.ami.PbxEventQueue;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The capture path as the daemon wires it — AMI link over TCP, queue, assembler, MariaDB — pointed
 * at a test AMI peer. The directory is the recording hotel's: rooms 101, 102, 201, operator 9000,
 * trunk {@code SIP/trunk}; the recording PBX ran on UTC.
 */
public final class CaptureRig implements AutoCloseable {

    public static final ZoneId ZONE = ZoneOffset.UTC;
    public final CallRepository repository;
    public final CaptureService capture;
    public final AmiLink link;

    public CaptureRig(Database db, int amiPort) {
        this(db, amiPort, Duration.ofMillis(100));
    }

    /** {@code firstReconnectDelay}: the back-off ceiling of the first reconnect attempt. */
    public CaptureRig(Database db, int amiPort, Duration firstReconnectDelay) {
        this(db, amiPort, firstReconnectDelay, recordingHotel());
    }

    public CaptureRig(Database db, int amiPort, Duration firstReconnectDelay, Directory directory) {
        Clock clock = Clock.systemUTC();
        PbxEventQueue queue = new PbxEventQueue(100_000);
        AmiSettings settings = new AmiSettings("127.0.0.1", amiPort, "cti", "cti-secret", ZONE,
                Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(3),
                firstReconnectDelay, firstReconnectDelay.plusSeconds(1), 100_000);
        repository = new CallRepository(db.dsl());
        capture = new CaptureService(queue, new CallAssembler(new CallSummarizer(directory, ZONE),
                Duration.ofMillis(500)), repository, clock);
        link = new AmiLink(settings, queue, clock);
        capture.start();
        link.start();
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

    @Override
    public void close() {
        link.close();
        capture.close();
    }
}
