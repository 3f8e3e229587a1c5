package org.switchboard.core.metrics.model;

import org.switchboard.core.calls.model.CallDirection;
import org.switchboard.core.calls.model.CompletedCall;
import org.switchboard.core.calls.model.CompletedLeg;

import java.time.Duration;
import java.util.List;

/** What the measurer needs of a stored call: its id, direction, talk time and legs. */
public record OfferedCall(long callId, CallDirection direction, Duration talk, List<CompletedLeg> legs) {

    public OfferedCall {
        legs = List.copyOf(legs);
    }

    public static OfferedCall of(long callId, CompletedCall call) {
        return new OfferedCall(callId, call.direction(), call.talk(), call.legs());
    }
}
