package org.switchboard.core.calls.model;

import java.time.Duration;
import java.time.Instant;

/** A stored call as listed to users. */
public record StoredCall(String linkedId, CallDirection direction, String callerNumber, String calleeNumber, String trunkDigits, String extension, String answeredBy, String room, String department, Instant startedAt, Instant answeredAt, Instant endedAt, Duration ring, Duration talk, Disposition disposition, Integer hangupCause, String cdrCheck, String completeness, Integer cdrBillableSeconds, String timeSource, String chargeTotal, long id, String source, String enteredBy) {
}
