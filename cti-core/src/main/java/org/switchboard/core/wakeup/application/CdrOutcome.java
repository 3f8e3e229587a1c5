package org.switchboard.core.wakeup.application;

import org.switchboard.core.calls.model.CdrRow;
import org.switchboard.core.wakeup.model.AttemptOutcome;

import java.util.List;
import java.util.Optional;

/** How a wake-up call ended, read from Asterisk's CDR row of the room's channel. */
final class CdrOutcome {

    private CdrOutcome() {
    }

    /**
     * The row of attempt {@code r}: by its room channel's Uniqueid when the events told it, else the first row of a
     * channel on the room's device ({@code SIP/101} → {@code SIP/101-0000000e}) started after the Originate.
     */
    static Optional<CdrRow> rowOf(List<CdrRow> rows, RingingAttempt r, String device) {
        if (r.uniqueId != null) {
            return rows.stream().filter(row -> r.uniqueId.equals(row.uniqueId())).findFirst();
        }
        return rows.stream().filter(row -> row.channel().startsWith(device + "-"))
                .filter(row -> !row.start().isBefore(r.placedAt.minusSeconds(1))).findFirst();
    }

    /** The attempt's outcome from the row's disposition; an answered one is then judged by its length. */
    static AttemptOutcome of(CdrRow row) {
        return switch (row.disposition()) {
            case "ANSWERED" -> AttemptOutcome.ANSWERED;
            case "NO ANSWER" -> AttemptOutcome.NO_ANSWER;
            case "BUSY" -> AttemptOutcome.BUSY;
            default -> AttemptOutcome.FAILED; // FAILED, CONGESTION
        };
    }
}
