package org.switchboard.core.calls.model;

import org.switchboard.pbx.event.PbxEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One call (Linkedid) being assembled. Mutable; owned by the assembler's single thread. */
final class CallState {
    final String linkedId;
    final Map<String, LegState> legs = new LinkedHashMap<>();
    final List<PbxEvent.CdrReported> cdrs = new ArrayList<>();
    boolean originated;
    /** Some event carried no PBX timestamp (the local arrival time stands in for it). */
    boolean arrivalTimes;
    Completeness completeness = Completeness.COMPLETE;
    String wakeupRoom;
    /** Local processing time at which the last leg hung up; null while any leg is up. */
    Instant doneAt;

    CallState(String linkedId) {
        this.linkedId = linkedId;
    }

    LegState callerLeg() {
        LegState first = legs.get(linkedId);
        return first != null ? first : legs.values().iterator().next();
    }

    /** True when some time of the call is a local stand-in: an event without timestamp, or a leg known only from a snapshot. */
    boolean usesArrivalTimes() {
        return arrivalTimes || legs.values().stream().anyMatch(leg -> leg.fromSnapshot);
    }

    /**
     * A call first listed by a re-sync snapshot is joined in progress — unless the snapshot merely overtook
     * the channels' own {@code Newchannel} events (a call starting at the moment of login: the PBX may answer
     * {@code CoreShowChannels} before it sends events queued for the session). Once the caller's and every
     * other listed leg's {@code Newchannel} has arrived, the call was seen whole.
     */
    void seenWholeAfterAll() {
        LegState caller = legs.get(linkedId);
        if (completeness == Completeness.JOINED_IN_PROGRESS && caller != null && !caller.fromSnapshot
                && legs.values().stream().noneMatch(leg -> leg.fromSnapshot)) {
            completeness = Completeness.COMPLETE;
        }
    }

    boolean allHungUp() {
        return !legs.isEmpty() && legs.values().stream().allMatch(LegState::hungUp);
    }
}
