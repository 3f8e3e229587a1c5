package org.switchboard.core.metrics;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.switchboard.core.calls.model.CallDirection;
import org.switchboard.core.calls.model.CompletedLeg;
import org.switchboard.core.calls.model.LegRole;
import org.switchboard.core.directory.Department;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.directory.Trunk;
import org.switchboard.core.metrics.model.AnswerMeasurer;
import org.switchboard.core.metrics.model.AnswerOutcome;
import org.switchboard.core.metrics.model.AnswerReport;
import org.switchboard.core.metrics.model.ExtensionRing;
import org.switchboard.core.metrics.model.Measurement;
import org.switchboard.core.metrics.model.MetricsSettings;
import org.switchboard.core.metrics.model.OfferedCall;
import org.switchboard.core.metrics.model.RingCadence;
import org.switchboard.core.metrics.model.RingResult;
import org.switchboard.core.metrics.model.ShiftPlan;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerMeasurerTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ShiftPlan SHIFTS = new ShiftPlan(List.of(new ShiftPlan.Shift("morning", LocalTime.of(7, 0)),
            new ShiftPlan.Shift("evening", LocalTime.of(15, 0)), new ShiftPlan.Shift("night", LocalTime.of(23, 0))));
    static final MetricsSettings SETTINGS = new MetricsSettings(RingCadence.china(), SHIFTS,
            Map.of("inquiry", 180, "booking", 60));
    static final Directory HOTEL = new Directory(Map.of(
            "101", new Extension("101", "101", null, "Room 101"),
            "8000", new Extension("8000", null, "front-desk", "Desk 1"),
            "8001", new Extension("8001", null, "front-desk", "Desk 2"),
            "8200", new Extension("8200", null, "reservations", "Reservations"),
            "9000", new Extension("9000", null, "operator", "Operator")),
            Map.of("front-desk", new Department("front-desk", "Front Desk", 3, "inquiry"),
                    "reservations", new Department("reservations", "Reservations", 3, "booking"),
                    "operator", new Department("operator", "Operator", 5)),
            List.of(new Trunk("pstn", "SIP/trunk")));
    static final Instant T0 = ZonedDateTime.of(2026, 11, 23, 9, 30, 0, 0, SHANGHAI).toInstant();

    private final AnswerMeasurer measurer = new AnswerMeasurer(HOTEL, SETTINGS, SHANGHAI);
    private int seq;

    private CompletedLeg caller(String channel) {
        return new CompletedLeg("u" + seq++, channel, LegRole.CALLER, null, T0, null, null, T0.plusSeconds(60), null, 16);
    }

    /** A dialled staff phone: rings from {@code ringMs}, answered at {@code answerMs} or stops at {@code endMs}. */
    private CompletedLeg phone(String ext, Long ringMs, Long answerMs, long endMs, String dialStatus, Integer cause) {
        return new CompletedLeg("u" + seq++, "SIP/" + ext + "-0000000" + seq, LegRole.CALLEE, ext, T0,
                ringMs == null ? null : T0.plusMillis(ringMs), answerMs == null ? null : T0.plusMillis(answerMs),
                T0.plusMillis(endMs), dialStatus, cause);
    }

    private List<Measurement> measure(CallDirection direction, long talkMs, CompletedLeg... legs) {
        List<CompletedLeg> all = new ArrayList<>(List.of(legs));
        all.add(0, caller(direction == CallDirection.INBOUND ? "SIP/trunk-00000001" : "SIP/101-00000001"));
        return measurer.measure(new OfferedCall(7, direction, Duration.ofMillis(talkMs), all));
    }

    @Test
    @DisplayName("Answered at 3.006 s is within a 3 s threshold (tenths of a second); 3.06 s is not")
    void thresholdAtTheReportsPrecision() {
        Measurement m = measure(CallDirection.INBOUND, 10_000, phone("8000", 10L, 3016L, 20_000, "ANSWER", 16)).get(0);
        assertAll(() -> assertEquals(AnswerOutcome.ANSWERED_IN_TIME, m.outcome()), () -> assertEquals(3006, m.ringMs()),
                () -> assertEquals(1, m.rings()), () -> assertEquals("8000", m.answeredBy()),
                () -> assertEquals("front-desk", m.department()), () -> assertEquals(3000, m.thresholdMs()));
        Measurement late = measure(CallDirection.INBOUND, 10_000, phone("8000", 0L, 3060L, 20_000, "ANSWER", 16)).get(0);
        assertEquals(AnswerOutcome.ANSWERED_LATE, late.outcome());
    }

    @Test
    @DisplayName("A ring group counts once for the department, first ring to first answer; each phone gets its own line")
    void ringGroupCountsOnce() {
        List<Measurement> ms = measure(CallDirection.INBOUND, 30_000,
                phone("8000", 100L, null, 4_150, "CANCEL", 26), phone("8001", 100L, 4_100L, 40_000, "ANSWER", 16));
        assertEquals(1, ms.size());
        Measurement m = ms.get(0);
        assertAll(() -> assertEquals(AnswerOutcome.ANSWERED_LATE, m.outcome()), () -> assertEquals(4000, m.ringMs()),
                () -> assertEquals("8001", m.answeredBy()), () -> assertEquals(30_000, m.talkMs()),
                () -> assertEquals(List.of(new ExtensionRing("8000", T0.plusMillis(100), 4050, 1, RingResult.RING_NO_ANSWER, false),
                        new ExtensionRing("8001", T0.plusMillis(100), 4000, 1, RingResult.ANSWERED, false)), m.phones()));
    }

    @Test
    @DisplayName("Nobody in the group answers: one missed call, ring time to the end of ringing, both phones ring-no-answer")
    void ringGroupMissed() {
        Measurement m = measure(CallDirection.INBOUND, 0, phone("8000", 0L, null, 9_000, "CANCEL", 16),
                phone("8001", 500L, null, 9_000, "CANCEL", 16)).get(0);
        assertAll(() -> assertEquals(AnswerOutcome.MISSED, m.outcome()), () -> assertEquals(9000, m.ringMs()),
                () -> assertEquals(2, m.rings(), "9 s of 1 s on / 4 s off is 2 rings"), () -> assertNull(m.answeredBy()),
                () -> assertTrue(m.phones().stream().allMatch(p -> p.result() == RingResult.RING_NO_ANSWER)));
    }

    @Test
    @DisplayName("A phone that rang and then returned busy is busy; busy and a ringing phone together is a missed call")
    void busy() {
        Measurement m = measure(CallDirection.INTERNAL, 0, phone("9000", 0L, null, 1_005, "BUSY", 17)).get(0);
        assertAll(() -> assertEquals(AnswerOutcome.BUSY, m.outcome()), () -> assertEquals(1005, m.ringMs()),
                () -> assertEquals(RingResult.BUSY, m.phones().get(0).result()), () -> assertEquals(5000, m.thresholdMs()));
        Measurement mixed = measure(CallDirection.INBOUND, 0, phone("8000", null, null, 100, "BUSY", 17),
                phone("8001", 0L, null, 12_000, "CANCEL", 16)).get(0);
        assertEquals(AnswerOutcome.MISSED, mixed.outcome());
    }

    @Test
    @DisplayName("A call ringing two departments counts for each; rooms, outbound and PBX-placed calls count for none")
    void whoIsMeasured() {
        List<Measurement> two = measure(CallDirection.INBOUND, 70_000, phone("8000", 0L, null, 20_000, "NOANSWER", 16),
                phone("8200", 20_000L, 21_000L, 90_000, "ANSWER", 16));
        assertEquals(List.of("front-desk", "reservations"), two.stream().map(Measurement::department).toList());
        assertAll(() -> assertEquals(AnswerOutcome.MISSED, two.get(0).outcome()),
                () -> assertEquals(AnswerOutcome.ANSWERED_IN_TIME, two.get(1).outcome()),
                () -> assertEquals(1000, two.get(1).ringMs()),
                () -> assertTrue(two.get(1).overTalkTarget(), "70 s is over the 60 s booking target"),
                () -> assertEquals(60, two.get(1).talkTargetSeconds()));
        assertTrue(measure(CallDirection.INTERNAL, 5000, phone("101", 0L, 1000L, 9000, "ANSWER", 16)).isEmpty());
        assertTrue(measure(CallDirection.OUTBOUND, 5000, phone("8000", 0L, 1000L, 9000, "ANSWER", 16)).isEmpty());
        assertTrue(measure(CallDirection.ORIGINATED, 5000, phone("8000", 0L, 1000L, 9000, "ANSWER", 16)).isEmpty());
    }

    @Test
    @DisplayName("Rings by cadence: China 1/4, the UK's double ring, the US 2/4")
    void cadences() {
        RingCadence uk = RingCadence.of("uk", RingCadence.PRESETS.get("uk"));
        RingCadence us = RingCadence.of("us", RingCadence.PRESETS.get("us"));
        assertAll(() -> assertEquals(0, RingCadence.china().rings(0)), () -> assertEquals(1, RingCadence.china().rings(3006)),
                () -> assertEquals(1, RingCadence.china().rings(5000)), () -> assertEquals(2, RingCadence.china().rings(5001)),
                () -> assertEquals(2, uk.rings(4000)), () -> assertEquals(1, uk.rings(3000)), () -> assertEquals(3, us.rings(12_500)),
                () -> assertEquals("uk (0.4 s on, 0.2 s off, 0.4 s on, 2.0 s off)", uk.describe()));
    }

    @Test
    @DisplayName("Shifts: the night shift holds the calls after midnight for the date it began; a DST night is just shorter")
    void shiftsAcrossMidnightAndDst() {
        Instant twoAm = ZonedDateTime.of(2026, 11, 24, 2, 0, 0, 0, SHANGHAI).toInstant();
        assertEquals(new ShiftPlan.Slot(LocalDate.of(2026, 11, 23), "night"), SHIFTS.slotOf(twoAm, SHANGHAI));
        assertEquals(new ShiftPlan.Slot(LocalDate.of(2026, 11, 24), "morning"),
                SHIFTS.slotOf(twoAm.plus(Duration.ofHours(5)), SHANGHAI));
        assertEquals(new ShiftPlan.Slot(LocalDate.of(2026, 11, 23), "evening"),
                SHIFTS.slotOf(ZonedDateTime.of(2026, 11, 23, 22, 59, 59, 0, SHANGHAI).toInstant(), SHANGHAI));
        ZoneId london = ZoneId.of("Europe/London"); // clocks go forward at 01:00 on 29 March 2026
        Duration night = Duration.between(ZonedDateTime.of(2026, 3, 28, 23, 0, 0, 0, london).toInstant(),
                SHIFTS.dayStart(LocalDate.of(2026, 3, 29), london));
        assertEquals(Duration.ofHours(7), night);
        Instant afterJump = ZonedDateTime.of(2026, 3, 29, 2, 30, 0, 0, london).toInstant(); // 02:30 BST
        assertEquals(new ShiftPlan.Slot(LocalDate.of(2026, 3, 28), "night"), SHIFTS.slotOf(afterJump, london));
    }

    @Test
    @DisplayName("Report: service level to one decimal, ring averages over answered calls, p90 by nearest rank, totals")
    void report() {
        List<Measurement> ms = new ArrayList<>();
        long[] answeredRings = {1000, 2000, 2500, 2900, 3000, 3500, 4000, 6000, 7000, 9000};
        for (long r : answeredRings) {
            ms.addAll(measure(CallDirection.INBOUND, 200_000, phone("8000", 0L, r, 300_000, "ANSWER", 16)));
        }
        ms.addAll(measure(CallDirection.INBOUND, 0, phone("8001", 0L, null, 15_000, "CANCEL", 16)));
        ms.addAll(measure(CallDirection.INBOUND, 0, phone("9000", null, null, 100, "BUSY", 17)));
        List<AnswerReport.Row> rows = AnswerReport.build(ms, AnswerReport.By.DEPARTMENT, SHIFTS);
        AnswerReport.Row desk = rows.get(0);
        assertAll(() -> assertEquals("front-desk", desk.department()), () -> assertEquals(11, desk.offered()),
                () -> assertEquals(10, desk.answered()), () -> assertEquals(5, desk.withinThreshold()),
                () -> assertEquals(new BigDecimal("45.5"), desk.serviceLevelPercent()), () -> assertEquals(1, desk.missed()),
                () -> assertEquals(4090, desk.avgRingMs()), () -> assertEquals(7000, desk.p90RingMs()),
                () -> assertEquals(15_000, desk.longestRingMs()), () -> assertEquals(3, desk.mostRings()),
                () -> assertEquals(10, desk.overTalkTarget(), "200 s inquiries are over 180 s"));
        AnswerReport.Row total = rows.get(rows.size() - 1);
        assertAll(() -> assertEquals("all", total.department()), () -> assertEquals(12, total.offered()),
                () -> assertEquals(1, total.busy()), () -> assertEquals(new BigDecimal("41.7"), total.serviceLevelPercent()));
        List<AnswerReport.Row> phones = AnswerReport.build(ms, AnswerReport.By.EXTENSION, SHIFTS);
        assertEquals(List.of("8000", "8001", "all", "9000", "all", "all"), phones.stream().map(AnswerReport.Row::group).toList());
        assertEquals(1, phones.get(1).missed(), "8001 rang and nobody answered: ring-no-answer");
    }
}
