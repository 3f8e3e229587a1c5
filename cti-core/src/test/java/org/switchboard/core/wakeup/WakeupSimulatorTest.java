package org.switchboard.core.wakeup;

import org.switchboard.core.wakeup.application.WakeupAlarm;
import org.switchboard.core.refusal.Refusal;

import org.switchboard.core.support.ClockSensitive;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.stays.application.StayDesk;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.ShiftedClock;
import org.switchboard.core.support.TestDatabase;
import org.switchboard.core.support.WakeupRig;
import org.switchboard.core.wakeup.application.WakeupDesk;
import org.switchboard.core.wakeup.model.AttemptOutcome;
import org.switchboard.core.wakeup.model.CallStatus;
import org.switchboard.core.wakeup.model.WakeupAttempt;
import org.switchboard.core.wakeup.model.WakeupCall;
import org.switchboard.core.wakeup.model.WakeupReport;
import org.switchboard.core.wakeup.model.WakeupSettings;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.WakeupResponder;
import org.switchboard.pbx.sim.WakeupResponder.Behaviour;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wake-up calls end to end against the PBX simulator over AMI: Quartz timers in MariaDB fire, the
 * daemon originates, simulated rooms answer / ignore / are busy as scripted, outcomes are stored.
 * The clock is set a few seconds before the booked minute instead of waiting for it; retries and
 * rings are seconds long here (minutes in a hotel).
 */
@ClockSensitive
class WakeupSimulatorTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    Database db;
    AmiServer pbx;
    WakeupResponder rooms;
    ShiftedClock clock = new ShiftedClock();

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.freshDatabase();
        pbx = new AmiServer("cti", "cti-secret", clock);
        pbx.start(0);
        rooms = new WakeupResponder(pbx, clock, ZONE, ext -> Behaviour.ANSWER);
        rooms.answerAfter(Duration.ofMillis(300));
        rooms.messageLasts(Duration.ofMillis(400));
        rooms.stampEvents(true);
        pbx.setOriginateHandler(rooms);
        clock.setNow(DAY.atTime(7, 59, 57).atZone(ZONE).toInstant());
    }

    @AfterEach
    void stop() {
        rooms.close();
        pbx.close();
        db.close();
    }

    WakeupRig rig(WakeupSettings settings, int firstRoom, int count) throws Exception {
        int logins = pbx.logins();
        WakeupRig rig = new WakeupRig(db, pbx.port(), ZONE, WakeupRig.hotel(firstRoom, count), settings, clock);
        assertTrue(pbx.awaitLogins(logins + 1, Duration.ofSeconds(20)), "daemon logged in");
        return rig;
    }

    /** Room 101's one call, finished and woken; its attempts. */
    List<WakeupAttempt> wokenOnce(WakeupRig rig) throws InterruptedException {
        assertTrue(WakeupRig.await(() -> WakeupRig.finishedCalls(db) == 1, Duration.ofSeconds(30)),
                () -> "finished: " + rig.repository.callsOn(DAY));
        WakeupCall call = call(rig.repository.callsOn(DAY), "101", 1);
        assertEquals(CallStatus.WOKEN, call.status(), call.toString());
        return rig.repository.attemptsOf(call.id());
    }

    static WakeupSettings fast(int retries, int channels) {
        return WakeupRig.settings(Duration.ofSeconds(2), retries, Duration.ofSeconds(1), channels);
    }

    @Test
    void secondCallRetriesThenEscalationAndTheDaysReport() throws Exception {
        rooms.script("101", Behaviour.ANSWER, Behaviour.ANSWER);             // woken, and again by the second call
        rooms.script("102", Behaviour.NO_ANSWER, Behaviour.NO_ANSWER, Behaviour.NO_ANSWER); // never: escalate
        rooms.script("103", Behaviour.BUSY, Behaviour.ANSWER);               // woken by the retry
        try (WakeupRig rig = rig(fast(2, 10), 101, 3)) {
            WakeupDesk.Booked b = rig.desk.book(new WakeupDesk.Request(List.of("101"), "08:00", Duration.ofSeconds(3),
                    false, "test", null)).get(0);
            assertEquals("Room 101: Tue 24 Nov 08:00, twice, 3 seconds apart", b.readBack());
            rig.desk.book(new WakeupDesk.Request(List.of("102", "103"), "08:00", null, false, "test", "tour"));

            assertTrue(WakeupRig.await(() -> WakeupRig.finishedCalls(db) == 4, Duration.ofSeconds(40)),
                    () -> "all calls finished: " + rig.repository.callsOn(DAY));
            List<WakeupCall> calls = rig.repository.callsOn(DAY);
            assertEquals(CallStatus.WOKEN, call(calls, "101", 1).status());
            assertEquals(CallStatus.WOKEN, call(calls, "101", 2).status());
            assertEquals(CallStatus.ESCALATED, call(calls, "102", 1).status());
            assertEquals(3, call(calls, "102", 1).attempts());
            assertEquals(CallStatus.WOKEN, call(calls, "103", 1).status());
            assertEquals(2, call(calls, "103", 1).attempts());

            List<WakeupAttempt> noAnswer = rig.repository.attemptsOf(call(calls, "102", 1).id());
            assertEquals(List.of(AttemptOutcome.NO_ANSWER, AttemptOutcome.NO_ANSWER, AttemptOutcome.NO_ANSWER),
                    noAnswer.stream().map(WakeupAttempt::outcome).toList());
            assertEquals(3, noAnswer.get(0).reasonCode());
            assertTrue(noAnswer.get(0).ringMillis() >= 1900 && noAnswer.get(0).ringMillis() <= 2300, "rang the timeout: " + noAnswer.get(0));
            // Retries start an interval after the previous attempt ended.
            assertTrue(!noAnswer.get(1).placedAt().isBefore(noAnswer.get(0).endedAt().plusMillis(990)), noAnswer.toString());
            WakeupAttempt busy = rig.repository.attemptsOf(call(calls, "103", 1).id()).get(0);
            assertEquals(AttemptOutcome.BUSY, busy.outcome());
            assertEquals(5, busy.reasonCode());
            WakeupAttempt answered = rig.repository.attemptsOf(call(calls, "101", 1).id()).get(0);
            assertEquals(AttemptOutcome.ANSWERED, answered.outcome());
            assertTrue(answered.ringMillis() >= 250 && answered.ringMillis() <= 400, answered.toString());
            assertTrue(answered.channel().startsWith("SIP/101-"), answered.toString());

            // Escalation: the operator's phone is rung and the live stream raised one alarm for room 102.
            assertTrue(WakeupRig.await(() -> rooms.dialled().contains("SIP/9000"), Duration.ofSeconds(5)), rooms.dialled().toString());
            assertEquals(1, rig.alarms());
            WakeupAlarm alarm = (WakeupAlarm) rig.stream.stream()
                    .filter(e -> e.type().equals("wakeup-alarm")).findFirst().orElseThrow().data();
            assertEquals("102", alarm.room());
            assertEquals(3, alarm.attempts());

            WakeupReport report = rig.desk.report(DAY);
            WakeupReport.Line first = report.lines().get(0);
            assertEquals(List.of(3, 1, 1, 1, 0, 0), List.of(first.booked(), first.wokenFirstAttempt(),
                    first.wokenAfterRetry(), first.escalated(), first.cancelled(), first.pending()));
            WakeupReport.Line second = report.lines().get(1);
            assertEquals(List.of(1, 1, 0, 0), List.of(second.booked(), second.wokenFirstAttempt(),
                    second.wokenAfterRetry(), second.escalated()));
        }
    }

    @Test
    void cancelledAndCheckedOutRoomsAreNotCalled() throws Exception {
        try (WakeupRig rig = rig(fast(0, 10), 101, 3)) {
            long cancelled = rig.desk.book(new WakeupDesk.Request(List.of("101"), "08:00", null, false, "t", null))
                    .get(0).bookingId();
            rig.desk.book(new WakeupDesk.Request(List.of("103"), "08:00", null, false, "t", null));
            // Guest stays kept: 102 checked in, booked, then checked out before 08:00.
            StayDesk stays = new StayDesk(db, WakeupRig.hotel(101, 3), clock,
                    room -> rig.desk.cancelRoom(room, "guest checked out"));
            stays.checkIn("A1", "Guest", "102", new org.switchboard.billing.money.Money(java.math.BigDecimal.ZERO,
                    java.util.Currency.getInstance("CNY")), null);
            stays.checkIn("A3", "Guest", "103", new org.switchboard.billing.money.Money(java.math.BigDecimal.ZERO,
                    java.util.Currency.getInstance("CNY")), null);
            rig.desk.book(new WakeupDesk.Request(List.of("102"), "08:00", null, false, "t", null));
            rig.desk.cancel(cancelled, "guest changed plans");
            assertEquals("checked out A1", stays.checkOut("A1"));

            assertTrue(WakeupRig.await(() -> WakeupRig.finishedCalls(db) == 3, Duration.ofSeconds(20)));
            Thread.sleep(500);
            assertEquals(List.of("SIP/103"), rooms.dialled(), "only room 103 was rung");
            List<WakeupCall> calls = rig.repository.callsOn(DAY);
            assertEquals(CallStatus.CANCELLED, call(calls, "101", 1).status());
            assertEquals("guest changed plans", call(calls, "101", 1).note());
            assertEquals(CallStatus.CANCELLED, call(calls, "102", 1).status());
            assertEquals("guest checked out", call(calls, "102", 1).note());
            assertEquals(1, rig.desk.report(DAY).lines().get(0).wokenFirstAttempt());
            // Now that stays are kept, the vacant room 101 is refused.
            var refused = org.junit.jupiter.api.Assertions.assertThrows(Refusal.class, () -> rig.desk.book(
                    new WakeupDesk.Request(List.of("101"), "09:00", null, false, "t", null)));
            assertEquals("room 101 is vacant (no guest checked in)", refused.getMessage());
        }
    }

    @Test
    void aBookingSurvivesARestartBetweenBookingAndFiring() throws Exception {
        try (WakeupRig rig = rig(fast(0, 10), 101, 3)) {
            rig.desk.book(new WakeupDesk.Request(List.of("101"), "08:00", null, false, "t", null));
        } // the daemon stops before 08:00
        Thread.sleep(4000); // 08:00 passes while nothing runs
        try (WakeupRig rig = rig(fast(0, 10), 101, 3)) {
            assertTrue(WakeupRig.await(() -> WakeupRig.finishedCalls(db) == 1, Duration.ofSeconds(20)));
            WakeupCall c = rig.repository.callsOn(DAY).get(0);
            assertEquals(CallStatus.WOKEN, c.status());
            WakeupAttempt a = rig.repository.attemptsOf(c.id()).get(0);
            assertTrue(a.lateness().toMillis() >= 900 && a.lateness().toSeconds() < 30, "placed at once, late: " + a.lateness());
            assertEquals(List.of("SIP/101"), rooms.dialled());
        }
    }

    @Test
    void afterDowntimeAShortlyMissedCallIsPlacedAndALongMissedOneEscalated() throws Exception {
        WakeupSettings settings = fast(2, 10).withLateLimit(Duration.ofMinutes(10));
        try (WakeupRig rig = rig(settings, 101, 3)) {
            rig.desk.book(new WakeupDesk.Request(List.of("101"), "08:00", null, false, "t", null));
            rig.desk.book(new WakeupDesk.Request(List.of("102"), "08:03", null, false, "t", null)); // due 08:03
        }
        clock.advance(Duration.ofMinutes(8)); // down until ≈ 08:08: 101 is 8 min late, 102 5 min: both within the limit
        try (WakeupRig rig = rig(settings, 101, 3)) {
            assertTrue(WakeupRig.await(() -> WakeupRig.finishedCalls(db) == 2, Duration.ofSeconds(20)));
            for (WakeupCall c : rig.repository.callsOn(DAY)) {
                assertEquals(CallStatus.WOKEN, c.status(), c.toString());
            }
            WakeupAttempt a = rig.repository.attemptsOf(rig.repository.callsOn(DAY).get(0).id()).get(0);
            // Booked at ≈ 07:59:57, clock moved 8 min while down: placed ≈ 7 min 57 s + start-up late.
            assertTrue(a.lateness().compareTo(Duration.ofSeconds(470)) > 0 && a.lateness().compareTo(Duration.ofSeconds(540)) < 0,
                    "lateness recorded: " + a.lateness());
        }
        int before = rooms.dialled().size();
        try (WakeupRig rig = rig(settings, 101, 3)) {
            rig.desk.book(new WakeupDesk.Request(List.of("103"), "08:10", null, false, "t", null));
        }
        clock.advance(Duration.ofMinutes(20)); // ≈ 08:28: 103's 08:10 call is 18 min late
        try (WakeupRig rig = rig(settings, 101, 3)) {
            assertTrue(WakeupRig.await(() -> WakeupRig.finishedCalls(db) == 3, Duration.ofSeconds(20)));
            WakeupCall late = call(rig.repository.callsOn(DAY), "103", 1);
            assertEquals(CallStatus.ESCALATED, late.status());
            WakeupAttempt a = rig.repository.attemptsOf(late.id()).get(0);
            assertEquals(AttemptOutcome.TOO_LATE, a.outcome());
            assertTrue(a.detail().contains("18 min late (limit 10 min)"), a.detail());
            assertTrue(WakeupRig.await(() -> rig.alarms() == 1, Duration.ofSeconds(5)));
            assertTrue(WakeupRig.await(() -> rooms.dialled().size() > before, Duration.ofSeconds(5)));
            Thread.sleep(300);
            assertEquals(List.of("SIP/9000"), rooms.dialled().subList(before, rooms.dialled().size()),
                    "only the operator was rung");
        }
    }

    @Test
    void anEscalationDueWhileThePbxCannotBeReachedRingsTheOperatorOnceTheLinkIsUp() throws Exception {
        WakeupSettings settings = fast(2, 10).withLateLimit(Duration.ofMinutes(10));
        int port = pbx.port();
        pbx.close(); // the daemon starts with the PBX unreachable: no login yet
        try (WakeupRig rig = new WakeupRig(db, port, ZONE, WakeupRig.hotel(101, 3), settings, clock)) {
            clock.setNow(DAY.atTime(7, 59, 57).atZone(ZONE).toInstant()); // however long the start took
            rig.desk.book(new WakeupDesk.Request(List.of("101"), "08:00", null, false, "t", null));
            clock.advance(Duration.ofMinutes(20)); // still down at ≈ 08:20: the 08:00 call is too late, escalated
            assertTrue(WakeupRig.await(() -> rig.alarms() == 1, Duration.ofSeconds(20)),
                    () -> "escalated while down: " + rig.repository.callsOn(DAY) + " at " + clock.instant());
            assertEquals(CallStatus.ESCALATED, call(rig.repository.callsOn(DAY), "101", 1).status());

            rooms.close();
            pbx = new AmiServer("cti", "cti-secret", clock); // the PBX is back on its port
            rooms = new WakeupResponder(pbx, clock, ZONE, ext -> Behaviour.ANSWER);
            pbx.setOriginateHandler(rooms);
            pbx.start(port);
            assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(30)), "the daemon logged in");
            assertTrue(WakeupRig.await(() -> rooms.dialled().contains("SIP/9000"), Duration.ofSeconds(10)),
                    "the operator was rung after the login, not only in the log: " + rooms.dialled());
            assertEquals(List.of("SIP/9000"), rooms.dialled(), "only the operator: the guest's call stays escalated");
        }
    }

    @Test
    void aWakeUpRingingWhenTheLinkDropsIsFollowedAfterTheReSyncNotFailed() throws Exception {
        rooms.answerAfter(Duration.ofMillis(2500)); // the guest answers while the daemon is reconnecting
        try (WakeupRig rig = rig(WakeupRig.settings(Duration.ofSeconds(8), 2, Duration.ofSeconds(1), 10), 101, 3)) {
            int logins = pbx.logins();
            rig.desk.book(new WakeupDesk.Request(List.of("101"), "08:00", null, false, "test", null));
            assertTrue(WakeupRig.await(() -> rooms.dialled().contains("SIP/101"), Duration.ofSeconds(20)),
                    rooms.dialled().toString());
            Thread.sleep(800); // ringing now
            pbx.dropClients();
            assertTrue(pbx.awaitLogins(logins + 1, Duration.ofSeconds(20)), "logged in again");
            List<WakeupAttempt> attempts = wokenOnce(rig);
            assertEquals(List.of(AttemptOutcome.ANSWERED), attempts.stream().map(WakeupAttempt::outcome).toList(),
                    "one attempt, answered across the outage, not failed at the drop: " + attempts);
            assertEquals(List.of("SIP/101"), rooms.dialled(), "the room was not rung twice");
        }
    }

    @Test
    void aWakeUpThatEndsWhileTheLinkIsDownTakesItsOutcomeFromAsterisksCdrStore(@TempDir Path dir) throws Exception {
        Path masterCsv = dir.resolve("cdr-csv/Master.csv");
        pbx.keepCdrCsv(masterCsv);
        rooms.answerAfter(Duration.ofMillis(1200)); // answered, and over, while the link is cut
        rooms.messageLasts(Duration.ofMillis(1500));
        WakeupSettings settings = WakeupRig.settings(Duration.ofSeconds(8), 2, Duration.ofSeconds(1), 10);
        int logins = pbx.logins();
        try (WakeupRig rig = new WakeupRig(db, pbx.port(), ZONE, WakeupRig.hotel(101, 3), settings, clock, masterCsv)) {
            assertTrue(pbx.awaitLogins(logins + 1, Duration.ofSeconds(20)), "daemon logged in");
            rig.desk.book(new WakeupDesk.Request(List.of("101"), "08:00", null, false, "test", null));
            assertTrue(WakeupRig.await(() -> rooms.dialled().contains("SIP/101"), Duration.ofSeconds(20)),
                    rooms.dialled().toString());
            Thread.sleep(300); // ringing now
            pbx.cutLink(Duration.ofSeconds(5));
            assertTrue(pbx.awaitLogins(logins + 2, Duration.ofSeconds(30)), "logged in again");
            List<WakeupAttempt> attempts = wokenOnce(rig);
            assertEquals(List.of(AttemptOutcome.ANSWERED), attempts.stream().map(WakeupAttempt::outcome).toList(),
                    "answered during the cut, as the CDR says, not failed as unknown: " + attempts);
            assertTrue(attempts.get(0).detail().contains("from the CDR (" + masterCsv + " at byte 0)"), attempts.get(0).detail());
            assertTrue(attempts.get(0).channel().startsWith("SIP/101-"), attempts.get(0).toString());
            assertEquals(List.of("SIP/101"), rooms.dialled(), "the room was not rung again");
        }
    }

    @Test
    void aWakeUpRingingWhenThePbxGoesAwayForLongerThanTheLateLimitIsEscalatedNotCalledLate() throws Exception {
        rooms.answerAfter(Duration.ofSeconds(30)); // still ringing when the PBX goes away
        WakeupSettings settings = WakeupRig.settings(Duration.ofSeconds(60), 2, Duration.ofSeconds(1), 10)
                .withLateLimit(Duration.ofMinutes(10));
        try (WakeupRig rig = rig(settings, 101, 3)) {
            rig.desk.book(new WakeupDesk.Request(List.of("101"), "08:00", null, false, "test", null));
            assertTrue(WakeupRig.await(() -> rooms.dialled().contains("SIP/101"), Duration.ofSeconds(20)),
                    rooms.dialled().toString());
            long drops = rig.daemon.link().counters().disconnects();
            rooms.close();
            pbx.close(); // the PBX is gone and stays gone
            // The clock jumps only once the daemon has seen the drop: on a busy machine the jump could come first.
            assertTrue(WakeupRig.await(() -> rig.daemon.link().counters().disconnects() > drops, Duration.ofSeconds(20)));
            clock.advance(Duration.ofMinutes(20));
            assertTrue(WakeupRig.await(() -> rig.alarms() == 1, Duration.ofSeconds(20)),
                    () -> "escalated while the PBX is away: " + rig.repository.callsOn(DAY));
            WakeupCall call = call(rig.repository.callsOn(DAY), "101", 1);
            assertEquals(CallStatus.ESCALATED, call.status(), call.toString());
            assertEquals(List.of(AttemptOutcome.FAILED, AttemptOutcome.TOO_LATE),
                    rig.repository.attemptsOf(call.id()).stream().map(WakeupAttempt::outcome).toList());
        }
    }

    @Test
    void threeHundredRoomsShareThirtyChannelsInBookingOrder() throws Exception {
        rooms.answerAfter(Duration.ofMillis(1000)); // long enough that the first 30 all ring before one ends
        rooms.messageLasts(Duration.ofMillis(500));
        try (WakeupRig rig = rig(fast(0, 30), 1000, 300)) {
            List<String> order = IntStream.range(0, 300).mapToObj(i -> String.valueOf(1000 + (i * 7) % 300)).toList();
            rig.desk.book(new WakeupDesk.Request(order, "08:00", null, false, "t", "conference"));
            assertTrue(WakeupRig.await(() -> WakeupRig.finishedCalls(db) == 300, Duration.ofSeconds(120)),
                    () -> "finished " + WakeupRig.finishedCalls(db));
            assertEquals(30, rooms.maxConcurrent(), "never more than the 30 channels, and all of them used");
            assertEquals(order.stream().map(r -> "SIP/" + r).toList(), rooms.dialled(), "placed in booking order");
            List<WakeupCall> calls = rig.repository.callsOn(DAY);
            assertTrue(calls.stream().allMatch(c -> c.status() == CallStatus.WOKEN));
            List<WakeupAttempt> attempts = rig.repository.attemptsOn(DAY);
            assertEquals(300, attempts.size());
            assertTrue(attempts.stream().allMatch(a -> a.lateness() != null && !a.lateness().isNegative()));
            WakeupReport.Line all = rig.desk.report(DAY).lines().get(2);
            assertTrue(all.maxLateness().compareTo(all.avgLateness()) > 0 && all.maxLateness().toMillis() > 500,
                    "the last rooms waited for a channel: " + all);
        }
    }

    @Test
    void aWakeUpInTheSpringForwardGapIsPlacedWhenTheClocksJump() throws Exception {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 2027-03-28: 02:00 CET jumps to 03:00 CEST. 02:30 does not exist; it is placed at 03:00.
        clock.setNow(ZonedDateTime.of(2027, 3, 28, 1, 59, 57, 0, berlin).toInstant());
        try (WakeupRig rig = new WakeupRig(db, pbx.port(), berlin, WakeupRig.hotel(101, 3), fast(0, 10), clock)) {
            assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(20)));
            WakeupDesk.Booked b = rig.desk.book(new WakeupDesk.Request(List.of("101"), "02:30", null, false, "t", null)).get(0);
            assertEquals("Room 101: Sun 28 Mar 03:00, once (02:30 does not exist on 2027-03-28 (clocks go forward): "
                    + "placed at 03:00)", b.readBack());
            assertEquals(ZonedDateTime.of(2027, 3, 28, 3, 0, 0, 0, berlin).toInstant(), b.firstCall());
            assertTrue(WakeupRig.await(() -> WakeupRig.finishedCalls(db) == 1, Duration.ofSeconds(20)));
            assertEquals(CallStatus.WOKEN, rig.repository.callsOn(LocalDate.of(2027, 3, 28)).get(0).status());
        }
    }

    static WakeupCall call(List<WakeupCall> calls, String room, int no) {
        return calls.stream().filter(c -> c.room().equals(room) && c.callNo() == no).findFirst()
                .orElseThrow(() -> new AssertionError("no call " + no + " for room " + room + " in " + calls));
    }
}
