package org.switchboard.core.calls.application;

import org.switchboard.core.calls.model.CdrRow;

import java.time.Instant;
import java.util.List;

/**
 * Asterisk's CDR store, read: the rows Asterisk wrote whether or not anyone listened on AMI. Capture reads it to
 * fill its gaps; the wake-up caller to learn how a call it lost sight of ended.
 */
public interface CdrRecords {

    /** The rows of calls that ended in [from, to], in the order Asterisk wrote them. */
    List<CdrRow> endedBetween(Instant from, Instant to);

    /** Where the rows are read from, for messages ({@code /var/log/asterisk/cdr-csv/Master.csv}). */
    String describe();
}
