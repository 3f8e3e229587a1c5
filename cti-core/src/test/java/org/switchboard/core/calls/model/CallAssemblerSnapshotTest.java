package org.switchboard.core.calls.model;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.switchboard.core.directory.Directory;
import org.switchboard.pbx.event.EventTime;
import org.switchboard.pbx.event.PbxEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The re-sync snapshot after a login and the session's events race: Asterisk may answer
 * {@code CoreShowChannels} with a channel whose {@code Newchannel} it sends only afterwards.
 */
class CallAssemblerSnapshotTest {

    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    static final String CALLER = "1795420327.10";
    static final String CALLEE = "1795420327.11";

    private final CallAssembler assembler = new CallAssembler(
            new CallSummarizer(new Directory(Map.of(), Map.of(), List.of()), ZoneId.of("Asia/Shanghai")),
            Duration.ZERO);

    private static EventTime at(int second) {
        return EventTime.pbx(T0.plusSeconds(second));
    }

    private static PbxEvent.ActiveChannel listed(String uniqueId, String channel, String state, long age) {
        return new PbxEvent.ActiveChannel(uniqueId, CALLER, channel, state, "101", "0612345678", "from-internal",
                age, null);
    }

    private static PbxEvent.ChannelCreated created(String uniqueId, String channel, int second) {
        return new PbxEvent.ChannelCreated(at(second), uniqueId, CALLER, channel, "101", "Room 101",
                "from-internal", "0612345678");
    }

    private void hangUpBoth(int second) {
        assembler.accept(new PbxEvent.ChannelHungUp(at(second), CALLEE, CALLER, "PJSIP/trunk-0002", 16, "Normal Clearing"),
                T0.plusSeconds(second));
        assembler.accept(new PbxEvent.ChannelHungUp(at(second), CALLER, CALLER, "PJSIP/101-0001", 16, "Normal Clearing"),
                T0.plusSeconds(second));
    }

    private CompletedCall collectOne() {
        List<CompletedCall> done = assembler.collectCompleted(T0.plusSeconds(3600));
        assertEquals(1, done.size());
        return done.get(0);
    }

    @Test
    @DisplayName("Channels listed by the snapshot whose Newchannel events follow it make a complete call with PBX times")
    void snapshotOvertakingNewchannelIsNotJoinedInProgress() {
        assembler.accept(new PbxEvent.ChannelSnapshot(EventTime.arrival(T0), List.of(
                listed(CALLER, "PJSIP/101-0001", "Ring", 0), listed(CALLEE, "PJSIP/trunk-0002", "Down", 0))), T0);
        assembler.accept(created(CALLER, "PJSIP/101-0001", 0), T0);
        assembler.accept(created(CALLEE, "PJSIP/trunk-0002", 1), T0.plusSeconds(1));
        hangUpBoth(30);

        CompletedCall call = collectOne();
        assertEquals(Completeness.COMPLETE, call.completeness());
        assertEquals(TimeSource.PBX_TIMESTAMP, call.timeSource());
        assertEquals(T0, call.startedAt());
    }

    @Test
    @DisplayName("A call whose callee leg is known only from the snapshot stays joined in progress")
    void callerSeenButListedLegNeverCreatedStaysJoined() {
        assembler.accept(new PbxEvent.ChannelSnapshot(EventTime.arrival(T0), List.of(
                listed(CALLER, "PJSIP/101-0001", "Up", 40), listed(CALLEE, "PJSIP/trunk-0002", "Up", 38))), T0);
        hangUpBoth(30);

        CompletedCall call = collectOne();
        assertEquals(Completeness.JOINED_IN_PROGRESS, call.completeness());
        assertEquals(TimeSource.ARRIVAL, call.timeSource());
    }

    @Test
    @DisplayName("A joined call whose Cdr event arrives takes Asterisk's start, answer, end and billsec")
    void joinedCallIsCorrectedByItsCdr() {
        assembler.accept(new PbxEvent.ChannelSnapshot(EventTime.arrival(T0), List.of(
                listed(CALLER, "PJSIP/101-0001", "Up", 40), listed(CALLEE, "PJSIP/trunk-0002", "Up", 38))), T0);
        hangUpBoth(30);
        assembler.accept(new PbxEvent.CdrReported(at(30), CALLER, "101", "0612345678", "from-internal",
                "PJSIP/101-0001", "PJSIP/trunk-0002", "Dial", "PJSIP/trunk/0612345678", T0.minusSeconds(45),
                T0.minusSeconds(38), T0.plusSeconds(30), 75, 68, "ANSWERED"), T0.plusSeconds(30));

        CompletedCall call = collectOne();
        assertEquals(Completeness.JOINED_IN_PROGRESS, call.completeness(), "what was seen is still said");
        assertEquals(TimeSource.CDR, call.timeSource());
        assertEquals(T0.minusSeconds(45), call.startedAt());
        assertEquals(T0.minusSeconds(38), call.answeredAt());
        assertEquals(T0.plusSeconds(30), call.endedAt());
        assertEquals(Duration.ofSeconds(68), call.talk(), "billsec, not the 30 s seen since the join");
        assertEquals(Duration.ofSeconds(7), call.ring(), "start to answer, as the CDR has them");
        assertEquals(CdrCheck.MATCH, call.cdrCheck());
    }

    @Test
    @DisplayName("A complete call keeps its own times when its CDR disagrees (the disagreement is reported)")
    void completeCallIsNotOverwrittenByItsCdr() {
        assembler.accept(created(CALLER, "PJSIP/101-0001", 0), T0);
        assembler.accept(created(CALLEE, "PJSIP/trunk-0002", 1), T0.plusSeconds(1));
        hangUpBoth(30);
        assembler.accept(new PbxEvent.CdrReported(at(30), CALLER, "101", "0612345678", "from-internal",
                "PJSIP/101-0001", "PJSIP/trunk-0002", "Dial", "", T0, T0.plusSeconds(2), T0.plusSeconds(30), 30, 28,
                "ANSWERED"), T0.plusSeconds(30));
        CompletedCall call = collectOne();
        assertEquals(TimeSource.PBX_TIMESTAMP, call.timeSource());
        assertEquals(T0, call.startedAt());
    }

    @Test
    @DisplayName("Only the caller's Newchannel after the snapshot: the callee is still a snapshot leg, so joined")
    void partlyCreatedStaysJoined() {
        assembler.accept(new PbxEvent.ChannelSnapshot(EventTime.arrival(T0), List.of(
                listed(CALLER, "PJSIP/101-0001", "Up", 10), listed(CALLEE, "PJSIP/trunk-0002", "Up", 8))), T0);
        assembler.accept(created(CALLER, "PJSIP/101-0001", 0), T0);
        hangUpBoth(30);

        assertEquals(Completeness.JOINED_IN_PROGRESS, collectOne().completeness());
    }
}
