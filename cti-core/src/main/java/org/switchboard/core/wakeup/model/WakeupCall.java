package org.switchboard.core.wakeup.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One wake-up call as stored: call 1 (or 2, the guest's second call) of its booking on {@code wakeDate}.
 * {@code nextAttempt}/{@code nextAt}: the attempt whose timer is pending, null when none is.
 */
public record WakeupCall(long id, long bookingId, String room, String extension, int callNo, LocalDate wakeDate,
                         Instant dueAt, CallStatus status, int attempts, Integer nextAttempt, Instant nextAt,
                         String note, boolean daily, Duration secondAfter, String localTime, String groupName) {
}
