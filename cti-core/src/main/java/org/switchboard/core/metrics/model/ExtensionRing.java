package org.switchboard.core.metrics.model;

import java.time.Instant;

/**
 * One staff phone's part in an offered call: when it began ringing (null if it never rang), how
 * long it rang (to its answer, or until it stopped) and how many rings that was, and what it did.
 */
public record ExtensionRing(String extension, Instant ringStartedAt, long ringMs, int rings, RingResult result,
                            boolean withinThreshold) {
}
