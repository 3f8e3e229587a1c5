package org.switchboard.core.wakeup.model;

import java.time.Duration;
import java.time.Instant;

/** One time the PBX was asked to ring the room (or, TOO_LATE, would have been). Lateness = placed − scheduled. */
public record WakeupAttempt(long id, long callId, int attemptNo, Instant scheduledAt, Instant placedAt, Instant endedAt,
                            AttemptOutcome outcome, Long ringMillis, Long talkMillis, Integer reasonCode,
                            String actionId, String uniqueId, String channel, String detail) {

    public Duration lateness() {
        return placedAt == null ? null : Duration.between(scheduledAt, placedAt);
    }
}
