package org.switchboard.core.wakeup.application;

import java.time.Instant;

/** A wake-up the guest could not be woken by, for a person to act on. */
public record WakeupAlarm(long callId, String room, int callNo, Instant dueAt, int attempts, String reason, Instant at) {
}
