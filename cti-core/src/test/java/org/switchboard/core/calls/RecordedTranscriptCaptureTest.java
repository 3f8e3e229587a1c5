package org.switchboard.core.calls;

import org.switchboard.core.calls.model.StoredCall;
import org.switchboard.core.support.ClockSensitive;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.core.calls.model.CallDirection;
import org.switchboard.core.calls.model.Disposition;
import org.switchboard.core.support.CaptureRig;
import org.switchboard.core.support.MasterCsv;
import org.switchboard.core.support.TranscriptReplay;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * All ten recorded Asterisk sessions, replayed in real time (their own .timing.tsv) by an AMI peer on
 * a loopback socket ({@link TranscriptReplay}), captured by the daemon's AMI link and stored in MariaDB. Each stored call must
 * match the transcripts README (who, disposition, ring ms ±100, talk s) and its Master.csv row.
 * The sessions are merged onto one timeline so the whole replay takes ~75 s instead of ~4 min.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ClockSensitive
class RecordedTranscriptCaptureTest {

    static final List<String> SCENARIOS = List.of("internal_answered_callee_hangup", "internal_answered_caller_hangup",
            "internal_no_answer", "internal_busy", "outbound_international_65s", "outbound_national_trunk_hangup",
            "inbound_trunk_to_operator", "wakeup_answered", "wakeup_no_answer", "wakeup_busy");

    private TranscriptReplay replay;
    private CaptureRig rig;

    @BeforeAll
    void replayEveryTranscriptInRealTime() throws Exception {
        replay = TranscriptReplay.play(CaptureRig.recordingHotel(), SCENARIOS);
        rig = replay.rig;
        assertTrue(rig.awaitStored(10, Duration.ofSeconds(15)), "ten calls stored, got " + rig.capture.storedCalls());
    }

    @AfterAll
    void stop() {
        if (replay != null) {
            replay.close();
        }
    }

    private StoredCall call(String linkedId) {
        List<StoredCall> found = rig.repository.findByLinkedId(linkedId);
        assertEquals(1, found.size(), "exactly one stored call for " + linkedId);
        return found.get(0);
    }

    /**
     * The recorded whole seconds of talk (as billsec counts them), timed by arrival: a recorded 10 s talk arrives as
     * 9.99x or 10.00x s on a busy machine, so truncating to seconds flickered; 100 ms of jitter are allowed below.
     */
    private static void assertTalk(long expectedSeconds, StoredCall c) {
        long ms = c.talk().toMillis();
        assertTrue(ms >= expectedSeconds * 1000 - 100 && ms < (expectedSeconds + 1) * 1000,
                "talk " + ms + " ms, expected " + expectedSeconds + " s (from " + (expectedSeconds * 1000 - 100) + " ms)");
    }

    private static void assertRing(long expectedMs, StoredCall c) {
        assertTrue(c.ring() != null && Math.abs(c.ring().toMillis() - expectedMs) <= 100,
                "ring " + (c.ring() == null ? null : c.ring().toMillis()) + " ms, expected " + expectedMs + " ±100");
    }

    /** The call agrees with Asterisk's own Master.csv row for it. */
    private static void assertMatchesMasterCsv(String scenario, StoredCall c, boolean compareNumbers) {
        MasterCsv row = MasterCsv.forScenario(scenario).get(0);
        assertAll(scenario + " vs Master.csv",
                () -> assertEquals(row.uniqueId(), c.linkedId()),
                () -> assertEquals(row.disposition(), c.disposition().cdrName()),
                () -> assertTrue(Math.abs(row.billsec() - c.talk().toSeconds()) <= 1,
                        "talk " + c.talk().toSeconds() + " s vs billsec " + row.billsec()),
                () -> assertEquals(row.src(), c.callerNumber()),
                () -> {
                    if (compareNumbers) {
                        assertEquals(row.dst(), c.calleeNumber());
                    }
                },
                () -> assertEquals("MATCH", c.cdrCheck()));
    }

    @Test
    @DisplayName("Room 101 calls room 102, which rings 5 s, answers and hangs up after 10 s")
    void internalCallAnsweredCalleeHangsUp() {
        StoredCall c = call("1795420178.0");
        assertAll(() -> assertEquals(CallDirection.INTERNAL, c.direction()),
                () -> assertEquals("101", c.callerNumber()), () -> assertEquals("102", c.calleeNumber()),
                () -> assertEquals("102", c.answeredBy()), () -> assertEquals("101", c.room()),
                () -> assertEquals(Disposition.ANSWERED, c.disposition()), () -> assertRing(5005, c),
                () -> assertTalk(10, c), () -> assertEquals(16, c.hangupCause()),
                () -> assertNull(c.chargeTotal(), "internal calls are not charged"),
                () -> assertEquals("ARRIVAL", c.timeSource()));
        assertMatchesMasterCsv("internal_answered_callee_hangup", c, true);
    }

    @Test
    @DisplayName("Room 201 calls room 101, which rings 2 s; the caller hangs up after 8 s")
    void internalCallAnsweredCallerHangsUp() {
        StoredCall c = call("1795420202.2");
        assertAll(() -> assertEquals("201", c.callerNumber()), () -> assertEquals("101", c.calleeNumber()),
                () -> assertEquals(Disposition.ANSWERED, c.disposition()), () -> assertRing(2005, c),
                () -> assertTalk(8, c));
        assertMatchesMasterCsv("internal_answered_caller_hangup", c, true);
    }

    @Test
    @DisplayName("Room 101 gives up after room 201 rang 10 s: NO ANSWER, no talk time")
    void internalCallNotAnswered() {
        StoredCall c = call("1795420221.4");
        assertAll(() -> assertEquals("101", c.callerNumber()), () -> assertEquals("201", c.calleeNumber()),
                () -> assertEquals(Disposition.NO_ANSWER, c.disposition()), () -> assertRing(10006, c),
                () -> assertEquals(0, c.talk().toMillis()), () -> assertNull(c.answeredBy()));
        assertMatchesMasterCsv("internal_no_answer", c, true);
    }

    @Test
    @DisplayName("Room 102 calls room 101, busy after 1 s of ringing; two CDR rows make one call")
    void internalCallBusy() {
        StoredCall c = call("1795420240.6");
        assertAll(() -> assertEquals("102", c.callerNumber()), () -> assertEquals("101", c.calleeNumber()),
                () -> assertEquals(Disposition.BUSY, c.disposition()), () -> assertRing(1005, c),
                () -> assertEquals(17, c.hangupCause()));
        assertMatchesMasterCsv("internal_busy", c, true);
    }

    @Test
    @DisplayName("Room 101 dials 00441234567890: outbound, 3 s ring, 65 s talk, digits as dialled")
    void outboundInternational() {
        StoredCall c = call("1795420250.8");
        assertAll(() -> assertEquals(CallDirection.OUTBOUND, c.direction()),
                () -> assertEquals("00441234567890", c.calleeNumber()),
                () -> assertEquals("00441234567890", c.trunkDigits()), () -> assertEquals("101", c.room()),
                () -> assertRing(3004, c), () -> assertTalk(65, c),
                () -> assertEquals("CNY 19.40", c.chargeTotal(), "priced with config/tariff-cn.yaml"));
        assertMatchesMasterCsv("outbound_international_65s", c, true);
    }

    @Test
    @DisplayName("Room 102 dials 0612345678: stored as dialled, trunk got 612345678, 20 s talk")
    void outboundNationalKeepsTheOutsideLineDigit() {
        StoredCall c = call("1795420327.10");
        assertAll(() -> assertEquals(CallDirection.OUTBOUND, c.direction()),
                () -> assertEquals("0612345678", c.calleeNumber()),
                () -> assertEquals("612345678", c.trunkDigits()), () -> assertEquals("102", c.extension()),
                () -> assertRing(3004, c), () -> assertTalk(20, c),
                () -> assertEquals("CNY 2.15", c.chargeTotal(), "priced with config/tariff-cn.yaml"));
        assertMatchesMasterCsv("outbound_national_trunk_hangup", c, true);
    }

    @Test
    @DisplayName("An outside caller reaches the operator through the trunk: inbound, answered by 9000 after 3 s")
    void inboundToOperator() {
        StoredCall c = call("1795420359.12");
        assertAll(() -> assertEquals(CallDirection.INBOUND, c.direction()),
                () -> assertEquals("4930123456", c.callerNumber()), () -> assertEquals("5550100", c.calleeNumber()),
                () -> assertEquals("9000", c.answeredBy()), () -> assertEquals("operator", c.department()),
                () -> assertRing(3006, c), () -> assertTalk(10, c));
        assertMatchesMasterCsv("inbound_trunk_to_operator", c, true);
    }

    @Test
    @DisplayName("A wake-up call to room 101 is answered after 3 s of ringing")
    void wakeupAnswered() {
        StoredCall c = call("1795420381.14");
        assertAll(() -> assertEquals(CallDirection.ORIGINATED, c.direction()),
                () -> assertEquals("101", c.room()), () -> assertEquals(Disposition.ANSWERED, c.disposition()),
                () -> assertRing(3006, c), () -> assertTalk(3, c));
        assertMatchesMasterCsv("wakeup_answered", c, false);
    }

    @Test
    @DisplayName("A wake-up call to room 102 rings 15 s unanswered (no DialEnd at all) and is NO ANSWER")
    void wakeupNotAnswered() {
        StoredCall c = call("1795420395.15");
        assertAll(() -> assertEquals(CallDirection.ORIGINATED, c.direction()), () -> assertEquals("102", c.room()),
                () -> assertEquals(Disposition.NO_ANSWER, c.disposition()), () -> assertRing(15002, c),
                () -> assertEquals(19, c.hangupCause()));
        assertMatchesMasterCsv("wakeup_no_answer", c, false);
    }

    @Test
    @DisplayName("A wake-up call to room 201 gets busy after 1 s")
    void wakeupBusy() {
        StoredCall c = call("1795420419.17");
        assertAll(() -> assertEquals(Disposition.BUSY, c.disposition()), () -> assertEquals("201", c.room()),
                () -> assertRing(1007, c));
        assertMatchesMasterCsv("wakeup_busy", c, false);
    }

    @Test
    @DisplayName("The OutgoingSpoolFailed pseudo-channels of failed wake-ups are not stored as calls")
    void pseudoChannelsAreNotCalls() {
        assertEquals(10, rig.repository.count());
        Stream.of("1795420411.16", "1795420420.18")
                .forEach(id -> assertTrue(rig.repository.findByLinkedId(id).isEmpty(), id));
    }

    @Test
    @DisplayName("A real Asterisk 20 sends no field the stream does not know in the events the capture reads")
    void theRecordingsHoldNoUnknownField() {
        assertEquals(java.util.Map.of(), rig.link.counters().unknownFieldsByName());
    }
}
