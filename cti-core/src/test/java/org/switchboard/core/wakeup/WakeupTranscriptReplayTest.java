package org.switchboard.core.wakeup;

import org.switchboard.core.support.ClockSensitive;

import org.junit.jupiter.api.Test;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.AmiWarmUp;
import org.switchboard.core.support.CaptureRig;
import org.switchboard.core.support.ShiftedClock;
import org.switchboard.core.support.TestDatabase;
import org.switchboard.core.support.WakeupRig;
import org.switchboard.core.wakeup.application.WakeupDesk;
import org.switchboard.core.wakeup.model.AttemptOutcome;
import org.switchboard.core.wakeup.model.CallStatus;
import org.switchboard.core.wakeup.model.WakeupAttempt;
import org.switchboard.core.wakeup.model.WakeupCall;
import org.switchboard.pbx.sim.AmiMessage;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.Transcript;
import org.switchboard.pbx.sim.TranscriptPlayer;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AMI test peer answers the daemon's Originates by replaying the recordings of a real Asterisk
 * ({@code wakeup_answered}, {@code wakeup_no_answer}, {@code wakeup_busy}) verbatim and in real time,
 * only echoing the daemon's ActionID: the outcomes, ring and talk times and Asterisk ids come out as recorded.
 */
@ClockSensitive
class WakeupTranscriptReplayTest {

    static final Map<String, String> RECORDING_FOR = Map.of("SIP/101", "wakeup_answered",
            "SIP/102", "wakeup_no_answer", "SIP/201", "wakeup_busy");

    @Test
    void outcomesOfTheRecordedWakeUpCalls() throws Exception {
        ShiftedClock clock = new ShiftedClock();
        try (Database db = TestDatabase.freshDatabase()) {
            AmiServer peer = new AmiServer("cti", "cti-secret", Clock.systemUTC());
            peer.setOriginateHandler(action -> {
                String scenario = RECORDING_FOR.get(action.get("Channel"));
                if (scenario == null) {
                    return null; // the operator's escalation call: no recording, refused
                }
                Transcript t = Transcript.fromResource(scenario);
                Transcript echoed = new Transcript(t.name(), t.recordedStart(), t.events().stream()
                        .map(e -> new Transcript.TimedMessage(e.offsetMicros(), withActionId(e.message(), action.get("ActionID"))))
                        .toList());
                Thread player = new Thread(() -> new TranscriptPlayer(peer, 1.0, false, Clock.systemUTC()).play(echoed));
                player.start();
                return "Originate successfully queued";
            });
            peer.start(0);
            try (WakeupRig rig = new WakeupRig(db, peer.port(), ZoneOffset.UTC, CaptureRig.recordingHotel(),
                    WakeupRig.settings(Duration.ofSeconds(15), 0, Duration.ofSeconds(60), 10), clock)) {
                assertTrue(peer.awaitLogins(1, Duration.ofSeconds(20)));
                AmiWarmUp.warmUp(peer);
                clock.setNow(LocalDate.of(2026, 11, 24).atTime(7, 59, 58).toInstant(ZoneOffset.UTC)); // 08:00 is 2 s away
                rig.desk.book(new WakeupDesk.Request(List.of("101", "102", "201"), "08:00", null, false, "test", null));
                assertTrue(WakeupRig.await(() -> WakeupRig.finishedCalls(db) == 3, Duration.ofSeconds(40)),
                        () -> rig.repository.callsOn(LocalDate.of(2026, 11, 24)).toString());

                List<WakeupCall> calls = rig.repository.callsOn(LocalDate.of(2026, 11, 24));
                WakeupAttempt answered = only(rig, WakeupSimulatorTest.call(calls, "101", 1));
                assertEquals(AttemptOutcome.ANSWERED, answered.outcome());
                assertEquals(4, answered.reasonCode());
                assertEquals("1795420381.14", answered.uniqueId());
                assertEquals("SIP/101-0000000e", answered.channel());
                assertNear(3005, answered.ringMillis(), "ring, DialState RINGING → DialEnd ANSWER");
                assertNear(3423, answered.talkMillis(), "the wake-up message, answer → Hangup");
                assertEquals(CallStatus.WOKEN, WakeupSimulatorTest.call(calls, "101", 1).status());

                WakeupAttempt noAnswer = only(rig, WakeupSimulatorTest.call(calls, "102", 1));
                assertEquals(AttemptOutcome.NO_ANSWER, noAnswer.outcome(), "no DialEnd: the OriginateResponse says it");
                assertEquals(3, noAnswer.reasonCode());
                assertEquals("1795420395.15", noAnswer.uniqueId());
                assertNear(15001, noAnswer.ringMillis(), "rang for the Originate's timeout");

                WakeupAttempt busy = only(rig, WakeupSimulatorTest.call(calls, "201", 1));
                assertEquals(AttemptOutcome.BUSY, busy.outcome());
                assertEquals(5, busy.reasonCode());
                assertNear(1007, busy.ringMillis(), "rang until 486 Busy Here");

                assertEquals(CallStatus.ESCALATED, WakeupSimulatorTest.call(calls, "102", 1).status());
                assertEquals(CallStatus.ESCALATED, WakeupSimulatorTest.call(calls, "201", 1).status());
                // The call's status is written just before its alarm is raised, on the caller's thread: wait for both.
                assertTrue(WakeupRig.await(() -> rig.alarms() == 2, Duration.ofSeconds(10)), () -> rig.alarms() + " alarm(s)");
            } finally {
                peer.close();
            }
        }
    }

    private static AmiMessage withActionId(AmiMessage m, String actionId) {
        return m.get("ActionID") == null ? m : m.with("ActionID", actionId);
    }

    private static WakeupAttempt only(WakeupRig rig, WakeupCall c) {
        List<WakeupAttempt> a = rig.repository.attemptsOf(c.id());
        assertEquals(1, a.size(), a.toString());
        return a.get(0);
    }

    private static void assertNear(long expectedMs, Long actual, String what) {
        assertTrue(actual != null && Math.abs(actual - expectedMs) <= 150, what + ": expected ≈" + expectedMs + " ms, got " + actual);
    }
}
