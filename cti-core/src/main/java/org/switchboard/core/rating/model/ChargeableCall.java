package org.switchboard.core.rating.model;

import java.time.Duration;
import java.time.Instant;

/** A stored outbound call as the rater needs it. */
public record ChargeableCall(long callId, String extension, String dialled, Instant startedAt, Duration talk, String trunk) {
}
