package org.switchboard.core.calls;

import org.switchboard.core.calls.model.StoredCall;
import org.switchboard.core.support.ClockSensitive;

import org.junit.jupiter.api.Test;
import org.switchboard.core.calls.model.CallDirection;
import org.switchboard.core.calls.model.Disposition;
import org.switchboard.core.directory.Department;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.directory.Trunk;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.CaptureRig;
import org.switchboard.core.support.TestDatabase;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.RecordedCalls;
import org.switchboard.pbx.sim.TrafficGenerator;
import org.switchboard.pbx.sim.TrafficGenerator.CallPlan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's PBX simulator renders calls from the recordings; the daemon must capture them exactly
 * as planned (ring and talk within ±100 ms, numbers, disposition) and Asterisk's CDR rows the
 * simulator writes must agree with the events.
 */
@ClockSensitive
class SimulatedTrafficCaptureTest {

    static Directory hotel() {
        return new Directory(Map.of(
                "301", new Extension("301", "301", null, "Room 301"),
                "302", new Extension("302", "302", null, "Room 302"),
                "8000", new Extension("8000", null, "front-desk", "Front Desk")),
                Map.of("front-desk", new Department("front-desk", "Front Desk", 3)),
                List.of(new Trunk("pstn", "SIP/trunk")));
    }

    @Test
    void plannedCallsAreCapturedAsPlanned() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Database db = TestDatabase.freshDatabase();
             AmiServer pbx = new AmiServer("cti", "cti-secret", clock)) {
            int port = pbx.start(0);
            TrafficGenerator gen = new TrafficGenerator(pbx, new TrafficGenerator.Hotel(List.of("301", "302"),
                    List.of("8000"), Map.of("8000", "Front Desk"), "trunk", "5550100", ZoneOffset.UTC), clock, 1);
            try (CaptureRig rig = new CaptureRig(db, port, Duration.ofMillis(100), hotel())) {
                assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(10)));
                Thread.sleep(500);
                Instant t0 = clock.instant().plusMillis(200);
                List<CallPlan> plans = List.of(
                        new CallPlan(RecordedCalls.INBOUND_TO_STAFF, Map.of("caller", "4911112222", "callerName", "Guest",
                                "did", "5550100", "callee", "8000", "calleeName", "Front Desk", "trunkPeer", "trunk"),
                                Duration.ofMillis(2500), Duration.ofSeconds(4)),
                        new CallPlan(RecordedCalls.OUTBOUND_NATIONAL, Map.of("caller", "301", "callerName", "Room 301",
                                "dialled", "0298765432", "trunkDigits", "298765432", "trunkPeer", "trunk"),
                                Duration.ofMillis(1200), Duration.ofSeconds(3)),
                        new CallPlan(RecordedCalls.INTERNAL_NO_ANSWER, Map.of("caller", "302", "callerName", "Room 302",
                                "callee", "301"), Duration.ofSeconds(4), Duration.ZERO),
                        new CallPlan(RecordedCalls.INTERNAL_BUSY, Map.of("caller", "301", "callerName", "Room 301",
                                "callee", "302"), Duration.ofMillis(800), Duration.ZERO),
                        new CallPlan(RecordedCalls.INTERNAL_NO_ANSWER, Map.of("caller", "4933334444",
                                "callerName", "4933334444", "callee", "8000", "device:SIP/101", "SIP/trunk"),
                                Duration.ofSeconds(5), Duration.ZERO));
                for (int i = 0; i < plans.size(); i++) {
                    gen.schedule(gen.render(plans.get(i), t0.plusMillis(300L * i)));
                }
                while (gen.pendingBursts() > 0) {
                    gen.sendDue(clock.instant());
                    Thread.sleep(1);
                }
                assertTrue(rig.awaitStored(5, Duration.ofSeconds(10)), "stored " + rig.capture.storedCalls());
                List<StoredCall> calls = rig.repository.findByDate(LocalDate.ofInstant(t0, ZoneOffset.UTC), null, null)
                        .stream().sorted(Comparator.comparing(StoredCall::startedAt)).toList();
                assertEquals(5, calls.size());
                StoredCall inbound = calls.get(0);
                StoredCall outbound = calls.get(1);
                StoredCall noAnswer = calls.get(2);
                StoredCall busy = calls.get(3);
                StoredCall missed = calls.get(4);
                assertAll(
                        () -> assertEquals(CallDirection.INBOUND, inbound.direction()),
                        () -> assertEquals("8000", inbound.answeredBy()),
                        () -> assertEquals("front-desk", inbound.department()),
                        () -> assertNear(2500, inbound.ring()), () -> assertNear(4000, inbound.talk()),
                        () -> assertEquals(CallDirection.OUTBOUND, outbound.direction()),
                        () -> assertEquals("0298765432", outbound.calleeNumber()),
                        () -> assertEquals("298765432", outbound.trunkDigits()),
                        () -> assertNear(1200, outbound.ring()), () -> assertNear(3000, outbound.talk()),
                        () -> assertEquals(Disposition.NO_ANSWER, noAnswer.disposition()),
                        () -> assertNear(4000, noAnswer.ring()),
                        () -> assertEquals(Disposition.BUSY, busy.disposition()), () -> assertNear(800, busy.ring()),
                        () -> assertEquals(CallDirection.INBOUND, missed.direction()),
                        () -> assertEquals(Disposition.NO_ANSWER, missed.disposition()),
                        () -> assertEquals("8000", missed.extension()), () -> assertNear(5000, missed.ring()));
                calls.forEach(c -> assertEquals("MATCH", c.cdrCheck(), c.linkedId() + " CDR agrees with the events"));
            }
        }
    }

    private static void assertNear(long expectedMs, Duration actual) {
        assertTrue(actual != null && Math.abs(actual.toMillis() - expectedMs) <= 100,
                "expected " + expectedMs + " ms ±100, got " + (actual == null ? null : actual.toMillis()));
    }
}
