package org.switchboard.core.metrics;

import org.switchboard.core.support.ClockSensitive;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.directory.Department;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.directory.Trunk;
import org.switchboard.core.metrics.application.LiveBoard;
import org.switchboard.core.metrics.application.MetricsDesk;
import org.switchboard.core.metrics.model.AnswerReport;
import org.switchboard.core.metrics.model.AnswerReport.Row;
import org.switchboard.core.metrics.model.MetricsSettings;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.CaptureRig;
import org.switchboard.core.support.TestDatabase;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.RecordedCalls;
import org.switchboard.pbx.sim.TrafficGenerator;
import org.switchboard.pbx.sim.TrafficGenerator.CallPlan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PBX simulator rings a front-desk ring group (8000, 8001, 8002) over AMI with known ring times,
 * its events stamped as Asterisk does with {@code timestampevents = yes}; the daemon captures and
 * measures them, and the department and per-extension figures must be exactly the planned ones.
 */
@ClockSensitive
class RingGroupMetricsTest {

    static final List<String> GROUP = List.of("8000", "8001", "8002");

    static Directory hotel() {
        return new Directory(Map.of(
                "101", new Extension("101", "101", null, "Room 101"),
                "102", new Extension("102", "102", null, "Room 102"),
                "8000", new Extension("8000", null, "front-desk", "Desk 1"),
                "8001", new Extension("8001", null, "front-desk", "Desk 2"),
                "8002", new Extension("8002", null, "front-desk", "Desk 3"),
                "9000", new Extension("9000", null, "operator", "Operator")),
                Map.of("front-desk", new Department("front-desk", "Front Desk", 3),
                        "operator", new Department("operator", "Operator", 3)),
                List.of(new Trunk("pstn", "SIP/trunk")));
    }

    /** An outside call to the group; {@code first} is the phone that answers (if anyone does). */
    private static CallPlan groupCall(String first, long ringMs, boolean answered) {
        List<String> others = new ArrayList<>(GROUP);
        others.remove(first);
        return answered
                ? new CallPlan(RecordedCalls.INBOUND_TO_STAFF, Map.of("caller", "4911112222", "callerName", "Guest",
                "did", "5550100", "callee", first, "calleeName", "Desk", "trunkPeer", "trunk"),
                Duration.ofMillis(ringMs), Duration.ofSeconds(2), others)
                : new CallPlan(RecordedCalls.INTERNAL_NO_ANSWER, Map.of("caller", "4933334444", "callerName", "4933334444",
                "callee", first, "device:SIP/101", "SIP/trunk"), Duration.ofMillis(ringMs), Duration.ZERO, others);
    }

    @Test
    @DisplayName("Ring group: counted once per call for the department, each phone's ring-no-answer counted, figures exact")
    void ringGroupFiguresAreExact() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Database db = TestDatabase.freshDatabase();
             AmiServer pbx = new AmiServer("cti", "cti-secret", clock)) {
            int port = pbx.start(0);
            TrafficGenerator gen = new TrafficGenerator(pbx, new TrafficGenerator.Hotel(List.of("101", "102"),
                    List.of("8000", "9000"), Map.of(), "trunk", "5550100", ZoneOffset.UTC), clock, 1);
            gen.stampEvents(true);
            try (CaptureRig rig = new CaptureRig(db, port, Duration.ofMillis(100), hotel())) {
                assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(10)));
                Thread.sleep(500);
                Instant t0 = clock.instant().plusMillis(300).truncatedTo(ChronoUnit.MILLIS);
                List<CallPlan> plans = List.of(
                        groupCall("8000", 2000, true),       // in time, 8000 answers
                        groupCall("8001", 4500, true),       // late, 8001 answers
                        groupCall("8002", 8000, false),      // missed: the caller gives up after 8 s
                        new CallPlan(RecordedCalls.INTERNAL_ANSWERED_CALLEE_HANGUP, Map.of("caller", "101",
                                "callerName", "Room 101", "callee", "9000"), Duration.ofMillis(1200), Duration.ofSeconds(3)));
                for (int i = 0; i < plans.size(); i++) {
                    gen.schedule(gen.render(plans.get(i), t0.plusMillis(400L * i)));
                }
                LiveBoard board = rig.daemon().liveBoard();
                int mostRinging = 0;
                while (gen.pendingBursts() > 0) {
                    gen.sendDue(clock.instant());
                    mostRinging = Math.max(mostRinging, board.ringingNow().size());
                    Thread.sleep(1);
                }
                assertTrue(rig.awaitStored(4, Duration.ofSeconds(10)), "stored " + rig.capture.storedCalls());
                assertTrue(rig.awaitMeasured(4, Duration.ofSeconds(10)), "all four calls measured");
                assertTrue(mostRinging >= 6, "the live board saw the ring groups' phones ringing together: " + mostRinging);
                assertTrue(board.ringingNow().isEmpty(), "nothing rings any more: " + board.ringingNow());
                assertEquals(1, board.recentMissed().size(), "the missed call is on the live board");

                SwitchboardConfig config = new SwitchboardConfig("Test", ZoneOffset.UTC, null, null, Duration.ZERO, "",
                        hotel(), CaptureRig.exampleTariffs(), SwitchboardConfig.HttpSettings.defaults(),
                        MetricsSettings.defaults());
                MetricsDesk desk = new MetricsDesk(config, db, clock);
                LocalDate day = LocalDate.ofInstant(t0, ZoneOffset.UTC);
                List<Row> departments = desk.report(day, day, null, AnswerReport.By.DEPARTMENT).rows();
                Row desk1 = departments.get(0);
                assertAll("front desk",
                        () -> assertEquals("front-desk", desk1.department()), () -> assertEquals(3, desk1.offered()),
                        () -> assertEquals(2, desk1.answered()), () -> assertEquals(1, desk1.withinThreshold()),
                        () -> assertEquals(1, desk1.missed()), () -> assertEquals(new BigDecimal("33.3"), desk1.serviceLevelPercent()),
                        () -> assertEquals(3250, desk1.avgRingMs()), () -> assertEquals(4500, desk1.p90RingMs()),
                        () -> assertEquals(8000, desk1.longestRingMs()), () -> assertEquals(2, desk1.mostRings()));
                Row operator = departments.get(1);
                assertAll("operator",
                        () -> assertEquals("operator", operator.department()), () -> assertEquals(1, operator.offered()),
                        () -> assertEquals(1, operator.withinThreshold()), () -> assertEquals(1200, operator.avgRingMs()));
                Map<String, Row> phones = new java.util.HashMap<>();
                desk.report(day, day, "front-desk", AnswerReport.By.EXTENSION).rows().stream()
                        .filter(r -> !r.group().equals("all")).forEach(r -> phones.put(r.group(), r));
                assertAll("per extension",
                        () -> assertEquals(List.of(3L, 1L, 1L, 2L), figures(phones.get("8000"))),
                        () -> assertEquals(List.of(3L, 1L, 0L, 2L), figures(phones.get("8001"))),
                        () -> assertEquals(List.of(3L, 0L, 0L, 3L), figures(phones.get("8002"))),
                        () -> assertEquals(2000, phones.get("8000").avgRingMs()),
                        () -> assertEquals(4500, phones.get("8001").avgRingMs()),
                        () -> assertEquals(8000, phones.get("8002").longestRingMs()),
                        () -> assertEquals(2, phones.get("8002").mostRings(), "8 s of 1 s on / 4 s off: 2 rings"));
            }
        }
    }

    /** offered, answered, within threshold, ring-no-answer */
    private static List<Long> figures(Row r) {
        return List.of(r.offered(), r.answered(), r.withinThreshold(), r.missed());
    }
}
