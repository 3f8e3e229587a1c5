package org.switchboard.core.metrics;

import org.switchboard.core.support.ClockSensitive;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.directory.Department;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.directory.Trunk;
import org.switchboard.core.metrics.application.MetricsDesk;
import org.switchboard.core.metrics.model.AnswerOutcome;
import org.switchboard.core.metrics.model.AnswerReport;
import org.switchboard.core.metrics.model.Measurement;
import org.switchboard.core.metrics.model.MetricsSettings;
import org.switchboard.core.metrics.model.RingResult;
import org.switchboard.core.metrics.infrastructure.MeasurementRepository;
import org.switchboard.core.support.CaptureRig;
import org.switchboard.core.support.TranscriptReplay;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recorded calls to phones, replayed in real time by an AMI peer on a loopback socket, with the
 * recording's phones taken as staff (101 front desk, 102 housekeeping, 201 reservations, 9000 the
 * operator; 3 s threshold each): each call's classification and ring time (±100 ms) as measured.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ClockSensitive
class RecordedTranscriptMetricsTest {

    static final List<String> SCENARIOS = List.of("internal_answered_callee_hangup", "internal_answered_caller_hangup",
            "internal_no_answer", "internal_busy", "inbound_trunk_to_operator");

    static Directory staffHotel() {
        return new Directory(Map.of(
                "101", new Extension("101", null, "front-desk", "Front Desk"),
                "102", new Extension("102", null, "housekeeping", "Housekeeping"),
                "201", new Extension("201", null, "reservations", "Reservations"),
                "9000", new Extension("9000", null, "operator", "Operator")),
                Map.of("front-desk", new Department("front-desk", "Front Desk", 3),
                        "housekeeping", new Department("housekeeping", "Housekeeping", 3),
                        "reservations", new Department("reservations", "Reservations", 3),
                        "operator", new Department("operator", "Operator", 3)),
                List.of(new Trunk("pstn", "SIP/trunk")));
    }

    private TranscriptReplay replay;
    private CaptureRig rig;
    private MeasurementRepository measurements;

    @BeforeAll
    void replay() throws Exception {
        replay = TranscriptReplay.play(staffHotel(), SCENARIOS);
        rig = replay.rig;
        assertTrue(rig.awaitStored(5, Duration.ofSeconds(15)), "five calls stored, got " + rig.capture.storedCalls());
        assertTrue(rig.awaitMeasured(5, Duration.ofSeconds(10)), "five calls measured");
        measurements = new MeasurementRepository(replay.db.dsl());
    }

    @AfterAll
    void stop() {
        if (replay != null) {
            replay.close();
        }
    }

    private Measurement of(String linkedId) {
        long id = rig.repository.findByLinkedId(linkedId).get(0).id();
        List<Measurement> ms = measurements.find(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 23), null)
                .stream().filter(m -> m.callId() == id).toList();
        assertEquals(1, ms.size(), "one measurement for " + linkedId);
        return ms.get(0);
    }

    private static void assertRing(long expectedMs, Measurement m) {
        assertTrue(m.ringMs() != null && Math.abs(m.ringMs() - expectedMs) <= 100,
                "ring " + m.ringMs() + " ms, expected " + expectedMs + " ±100");
    }

    @Test
    @DisplayName("102 rings 5 s before answering: housekeeping answered late")
    void answeredLate() {
        Measurement m = of("1795420178.0");
        assertAll(() -> assertEquals("housekeeping", m.department()), () -> assertEquals(AnswerOutcome.ANSWERED_LATE, m.outcome()),
                () -> assertRing(5005, m), () -> assertEquals("102", m.answeredBy()), () -> assertEquals(org.switchboard.core.metrics.model.RingCadence.china().rings(m.ringMs()), m.rings(),
                        "about 5 s is the end of the first ring or the start of the second (1 s on, 4 s off)"),
                // Timed by arrival: the recorded 10 s talk is 9.99x or 10.00x s; truncating to seconds flickered.
                () -> assertTrue(Math.abs(m.talkMs() - 10_000) <= 100, "talk " + m.talkMs() + " ms, expected 10,000 ±100"));
    }

    @Test
    @DisplayName("101 rings 2 s: front desk answered within three seconds")
    void answeredInTime() {
        Measurement m = of("1795420202.2");
        assertAll(() -> assertEquals("front-desk", m.department()), () -> assertEquals(AnswerOutcome.ANSWERED_IN_TIME, m.outcome()),
                () -> assertRing(2005, m), () -> assertEquals(1, m.rings()));
    }

    @Test
    @DisplayName("201 rings 10 s and the caller gives up: reservations missed the call, the phone ring-no-answer")
    void missed() {
        Measurement m = of("1795420221.4");
        assertAll(() -> assertEquals("reservations", m.department()), () -> assertEquals(AnswerOutcome.MISSED, m.outcome()),
                () -> assertRing(10006, m), () -> assertNull(m.answeredBy()),
                () -> assertEquals(RingResult.RING_NO_ANSWER, m.phones().get(0).result()));
    }

    @Test
    @DisplayName("101 returns busy after 1 s: front desk busy")
    void busy() {
        Measurement m = of("1795420240.6");
        assertAll(() -> assertEquals("front-desk", m.department()), () -> assertEquals(AnswerOutcome.BUSY, m.outcome()),
                () -> assertRing(1005, m), () -> assertEquals(RingResult.BUSY, m.phones().get(0).result()));
    }

    @Test
    @DisplayName("An outside call rings the operator 3 s: answered within three seconds (3.0 s at the report's precision)")
    void inboundToOperator() {
        Measurement m = of("1795420359.12");
        assertAll(() -> assertEquals("operator", m.department()), () -> assertEquals(AnswerOutcome.ANSWERED_IN_TIME, m.outcome()),
                () -> assertRing(3006, m), () -> assertEquals("9000", m.answeredBy()));
    }

    @Test
    @DisplayName("The day's report: five offered, two within threshold, one missed, one busy")
    void report() {
        SwitchboardConfig config = new SwitchboardConfig("Recording Hotel", ZoneOffset.UTC, null, null, Duration.ZERO, "",
                staffHotel(), CaptureRig.exampleTariffs(), SwitchboardConfig.HttpSettings.defaults(), MetricsSettings.defaults());
        LocalDate day = LocalDate.of(2026, 11, 23);
        AnswerReport.Row total = new MetricsDesk(config, replay.db, Clock.systemUTC())
                .report(day, day, null, AnswerReport.By.DEPARTMENT).rows().get(4);
        assertAll(() -> assertEquals("all", total.department()), () -> assertEquals(5, total.offered()),
                () -> assertEquals(3, total.answered()), () -> assertEquals(2, total.withinThreshold()),
                () -> assertEquals(1, total.missed()), () -> assertEquals(1, total.busy()),
                () -> assertEquals("40.0", total.serviceLevelPercent().toPlainString()));
    }
}
