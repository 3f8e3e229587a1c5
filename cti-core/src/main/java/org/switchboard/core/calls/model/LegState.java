package org.switchboard.core.calls.model;

import java.time.Instant;

/** What has been seen of one channel so far. Mutable; owned by the assembler's single thread. */
final class LegState {
    final String uniqueId;
    final String channel;
    final LegRole role;
    final Instant createdAt;
    String callerNum;
    String callerName;
    String exten;
    String dialString;
    Instant dialStartedAt;
    Instant ringStartedAt;
    Instant ringingStateAt;
    Instant dialEndedAt;
    Instant answeredAt;
    Instant upAt;
    Instant bridgedAt;
    Instant hungUpAt;
    String dialStatus;
    Integer cause;
    String causeText;
    boolean aliveAtOutage;
    /** Known only from a re-sync snapshot row, not from its {@code Newchannel} event. */
    boolean fromSnapshot;

    LegState(String uniqueId, String channel, LegRole role, Instant createdAt) {
        this.uniqueId = uniqueId;
        this.channel = channel;
        this.role = role;
        this.createdAt = createdAt;
    }

    boolean hungUp() {
        return hungUpAt != null;
    }
}
