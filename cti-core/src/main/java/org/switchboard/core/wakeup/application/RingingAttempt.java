package org.switchboard.core.wakeup.application;

import java.time.Instant;

/** An attempt ringing now, filled in as its PBX events arrive (on the caller's thread only). */
final class RingingAttempt {
    final WaitingAttempt w;
    final String actionId;
    final Instant placedAt;
    String uniqueId;
    String channel;
    Instant ringingAt;
    Instant answeredAt;
    Instant hungUpAt;
    Boolean success;
    Integer reason;
    /** Set while the PBX link is down: the attempt's outcome waits for the re-sync. */
    Instant outOfSightSince;

    RingingAttempt(WaitingAttempt w, String actionId, Instant placedAt) {
        this.w = w;
        this.actionId = actionId;
        this.placedAt = placedAt;
    }
}
