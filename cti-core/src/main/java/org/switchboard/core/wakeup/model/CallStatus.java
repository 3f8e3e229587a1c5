package org.switchboard.core.wakeup.model;

/** Where one wake-up call (the first or second call of a day) stands. */
public enum CallStatus {
    /** Waiting for its time, or being attempted. */
    SCHEDULED,
    WOKEN,
    /** Every attempt failed (or it came too late): the operator was rung and an alarm raised. */
    ESCALATED,
    CANCELLED;

    public boolean isOpen() {
        return this == SCHEDULED;
    }
}
