package org.switchboard.core.wakeup.model;

import java.time.Instant;

/** What follows an attempt's outcome: the call is done, tried again later, or handed to a person. */
public sealed interface NextStep {

    record Woken() implements NextStep {
    }

    record Retry(int attemptNo, Instant at) implements NextStep {
    }

    record Escalate(String reason) implements NextStep {
    }

    /** The retry rule: after an attempt that did not wake the guest, retry until the attempts are used up. */
    static NextStep after(AttemptOutcome outcome, int attemptNo, Instant endedAt, WakeupSettings settings) {
        if (outcome.wokeGuest()) {
            return new Woken();
        }
        if (outcome == AttemptOutcome.TOO_LATE) {
            return new Escalate("not placed in time");
        }
        if (attemptNo < settings.maxAttempts()) {
            return new Retry(attemptNo + 1, endedAt.plus(settings.retryInterval()));
        }
        return new Escalate(attemptNo + " attempt(s), last " + outcome.name().toLowerCase().replace('_', ' '));
    }
}
