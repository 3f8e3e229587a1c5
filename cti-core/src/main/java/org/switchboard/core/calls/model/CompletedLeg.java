package org.switchboard.core.calls.model;

import java.time.Instant;
import java.util.Objects;

/** One channel of a completed call. {@code extension} is null for trunk channels. */
public record CompletedLeg(String uniqueId, String channel, LegRole role, String extension, Instant createdAt,
                           Instant ringStartedAt, Instant answeredAt, Instant hungUpAt, String dialStatus,
                           Integer hangupCause) {
    public CompletedLeg {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
