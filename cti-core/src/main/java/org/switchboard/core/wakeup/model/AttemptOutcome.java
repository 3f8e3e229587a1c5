package org.switchboard.core.wakeup.model;

/**
 * What one attempt to ring a room came to. QUEUED and PLACED are not outcomes yet: the attempt
 * waits for a free channel, or the phone is being rung.
 */
public enum AttemptOutcome {
    QUEUED, PLACED,
    /** Answered and long enough: the guest is awake. */
    ANSWERED,
    /** Answered, but shorter than the configured minimum (voicemail, picked up and dropped). */
    SHORT_ANSWER,
    NO_ANSWER, BUSY,
    /** The PBX could not ring the phone (unreachable, refused, link down, no response). */
    FAILED,
    /** Not placed: due while the daemon was down, longer ago than the late limit. */
    TOO_LATE;

    public boolean wokeGuest() {
        return this == ANSWERED;
    }

    /** Asterisk's OriginateResponse Reason: 4 answered, 3 rang without answer, 5 busy; the rest failed. */
    public static AttemptOutcome ofOriginateReason(boolean success, Integer reason) {
        if (success) {
            return ANSWERED;
        }
        if (reason == null) {
            return FAILED;
        }
        return switch (reason) {
            case 3 -> NO_ANSWER;
            case 5 -> BUSY;
            default -> FAILED;
        };
    }
}
