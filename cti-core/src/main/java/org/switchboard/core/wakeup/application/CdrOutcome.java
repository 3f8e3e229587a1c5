package org.switchboard.core.wakeup.application;

import org.switchboard.core.calls.application.CdrRecords;
import org.switchboard.core.calls.model.CdrRow;
import org.switchboard.core.wakeup.model.AttemptOutcome;
import org.switchboard.core.wakeup.model.WakeupSettings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How an attempt ended that the caller lost sight of while the link was down: from its room channel's row in
 * Asterisk's CDR store when the store has it, else failed with the outcome unknown.
 */
final class CdrOutcome {

    private final CdrRecords cdr;
    private final WakeupSettings settings;

    /** {@code cdr}: Asterisk's CDR store, or null when none is configured. */
    CdrOutcome(CdrRecords cdr, WakeupSettings settings) {
        this.cdr = cdr;
        this.settings = settings;
    }

    /** The verdicts of the attempts {@code gone} at one re-sync, from one read of the store, in their order. */
    java.util.Map<RingingAttempt, AttemptVerdict> of(List<RingingAttempt> gone, Instant now) {
        java.util.Map<RingingAttempt, AttemptVerdict> out = new java.util.LinkedHashMap<>();
        if (gone.isEmpty()) {
            return out;
        }
        Instant from = gone.stream().map(r -> r.placedAt).min(Instant::compareTo).orElseThrow().minusSeconds(1);
        List<CdrRow> rows = cdr == null ? List.of() : cdr.endedBetween(from, now);
        gone.forEach(r -> out.put(r, of(r, rowOf(rows, r, settings.dialString(r.w.call().extension())))));
        return out;
    }

    private AttemptVerdict of(RingingAttempt r, Optional<CdrRow> found) {
        if (found.isEmpty()) {
            // Ended when we lost sight of it: its retry is due from then, so a long outage escalates it as too late.
            return new AttemptVerdict(AttemptOutcome.FAILED, r.outOfSightSince, "the call ended while the PBX link "
                    + "was down (outcome unknown" + (cdr == null ? ")" : "; no CDR row for it in " + cdr.describe() + ")"));
        }
        CdrRow row = found.get();
        r.uniqueId = row.uniqueId();
        r.channel = row.channel();
        String source = "from the CDR (" + row.where() + "), the PBX link being down";
        AttemptOutcome outcome = of(row);
        if (outcome == AttemptOutcome.ANSWERED && row.answer() != null) {
            r.answeredAt = row.answer();
            r.hungUpAt = row.end();
            return AttemptVerdict.answered(r, settings.minimumAnswer(), source);
        }
        return new AttemptVerdict(outcome == AttemptOutcome.ANSWERED ? AttemptOutcome.FAILED : outcome, row.end(), source);
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
