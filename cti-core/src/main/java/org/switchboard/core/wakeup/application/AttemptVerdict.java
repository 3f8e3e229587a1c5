package org.switchboard.core.wakeup.application;

import org.switchboard.core.wakeup.model.AttemptOutcome;

import java.time.Duration;
import java.time.Instant;

/** How an attempt ended, as the caller writes it: the outcome, when, and why in words (null when nothing to add). */
record AttemptVerdict(AttemptOutcome outcome, Instant endedAt, String detail) {

    /**
     * An answered attempt: woken, or too short to count ({@code minimum}). {@code source}: where the outcome was
     * learnt when not from the live events (null: from them).
     */
    static AttemptVerdict answered(RingingAttempt r, Duration minimum, String source) {
        Duration talk = Duration.between(r.answeredAt, r.hungUpAt);
        boolean tooShort = talk.compareTo(minimum) < 0;
        String detail = tooShort ? "answered for " + talk.toMillis() + " ms, under the minimum "
                + minimum.toSeconds() + " s" : null;
        return new AttemptVerdict(tooShort ? AttemptOutcome.SHORT_ANSWER : AttemptOutcome.ANSWERED, r.hungUpAt,
                source == null ? detail : detail == null ? source : detail + "; " + source);
    }
}
