package org.switchboard.core.calls.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A finished call, assembled from all its legs, as stored. Instants are UTC; {@code localDate} is
 * the start's calendar date in the hotel's zone. {@code calleeNumber} is what the caller dialled
 * (outside-line digit included) — for inbound calls the DID, for PBX-placed calls the extension.
 * {@code ring} is null when nothing rang; {@code talk} is zero when unanswered.
 */
public record CompletedCall(String linkedId, CallDirection direction, String callerNumber, String callerName,
                            String calleeNumber, String trunkDigits, String trunk, String extension,
                            String answeredBy, String room, String department, Instant startedAt,
                            Instant ringStartedAt, Instant answeredAt, Instant endedAt, Duration ring,
                            Duration talk, Disposition disposition, Integer hangupCause, String hangupCauseText,
                            TimeSource timeSource, int cdrRows, Integer cdrBillableSeconds, String cdrDisposition,
                            CdrCheck cdrCheck, Completeness completeness, LocalDate localDate,
                            List<CompletedLeg> legs) {
    public CompletedCall {
        Objects.requireNonNull(linkedId, "linkedId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(callerNumber, "callerNumber");
        Objects.requireNonNull(calleeNumber, "calleeNumber");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(talk, "talk");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(localDate, "localDate");
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException(linkedId + ": ends before it starts");
        }
        if (talk.isNegative() || (ring != null && ring.isNegative())) {
            throw new IllegalArgumentException(linkedId + ": negative ring or talk time");
        }
        legs = List.copyOf(legs);
    }

    /** This call with its times, disposition and their source replaced (a correction from Asterisk's CDR). */
    public CompletedCall withTimes(Instant started, Instant ringStarted, Instant answered, Instant ended, Duration ringTime,
                                   Duration talkTime, Disposition newDisposition, TimeSource source, CdrCheck check,
                                   LocalDate date) {
        return new CompletedCall(linkedId, direction, callerNumber, callerName, calleeNumber, trunkDigits, trunk,
                extension, answeredBy, room, department, started, ringStarted, answered, ended, ringTime, talkTime,
                newDisposition, hangupCause, hangupCauseText, source, cdrRows, cdrBillableSeconds, cdrDisposition, check,
                completeness, date, legs);
    }
}
