package org.switchboard.core.wakeup.application;

import org.switchboard.core.wakeup.model.WakeupCall;

import java.time.Instant;

/** An attempt of a wake-up call, due and waiting for a free channel (or for the PBX link). */
record WaitingAttempt(long attemptId, int attemptNo, Instant scheduledAt, WakeupCall call) {
}
