package org.switchboard.core.calls.model;

import java.time.Instant;

/** One audited change: who changed which field from what to what, when and why. */
public record CallEdit(Instant at, String by, String field, String oldValue, String newValue, String reason) {
}
