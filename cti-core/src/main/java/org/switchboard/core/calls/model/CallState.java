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

    boolean allHungUp() {
        return !legs.isEmpty() && legs.values().stream().allMatch(LegState::hungUp);
    }
}
