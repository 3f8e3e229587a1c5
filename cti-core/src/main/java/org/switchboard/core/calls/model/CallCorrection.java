package org.switchboard.core.calls.model;

import java.time.Instant;

/** A change to a stored call record; null fields stay as they are. */
public record CallCorrection(String dialled, Instant start, Instant end) {
}
