package org.switchboard.core.calls.model;

/**
 * How much of the call was seen. {@code ENDED_DURING_OUTAGE}: it was in progress when the AMI link
 * dropped and had ended by the re-sync, so its end time is the re-sync time (an upper bound).
 * {@code JOINED_IN_PROGRESS}: it was already up when the link came up; its start and ring are unknown.
 * {@code FROM_CDR}: not seen on AMI (it ended while the link was down, or the daemon was); what Asterisk's own
 * CDR store says of it: parties, start, answer, end, billsec, disposition.
 */
public enum Completeness {
    COMPLETE, ENDED_DURING_OUTAGE, JOINED_IN_PROGRESS, FROM_CDR;

    /**
     * Whether a call stored so has a guessed duration: an end at the re-sync (an upper bound) or a talk counted
     * from the join — unless Asterisk's CDR gave its times ({@link TimeSource#CDR}) — or arrival times across a
     * freeze or clock jump ({@link TimeSource#ARRIVAL_UNSURE}). A charge on it is provisional.
     */
    public boolean guessed(TimeSource times) {
        return times == TimeSource.ARRIVAL_UNSURE
                || (this == ENDED_DURING_OUTAGE || this == JOINED_IN_PROGRESS) && times != TimeSource.CDR;
    }
}
