package org.switchboard.core.metrics.model;

/**
 * What became of a call offered to a department: answered within its threshold, answered late,
 * missed (rang and was never answered: the caller gave up, it timed out or went elsewhere — 漏接),
 * or busy (no phone of the department could ring).
 */
public enum AnswerOutcome { ANSWERED_IN_TIME, ANSWERED_LATE, MISSED, BUSY;

    public boolean answered() {
        return this == ANSWERED_IN_TIME || this == ANSWERED_LATE;
    }
}
