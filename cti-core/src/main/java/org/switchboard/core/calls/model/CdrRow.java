package org.switchboard.core.calls.model;

import java.time.Instant;

/**
 * One row of Asterisk's CDR store, the standard columns (cdr_csv's Master.csv, or the {@code cdr} table):
 * {@code answer} is null when the call was not answered; {@code where} says where the row was read
 * ({@code Master.csv:812}), for messages.
 */
public record CdrRow(String src, String dst, String dcontext, String channel, String dstChannel, String lastApp,
                     String lastData, Instant start, Instant answer, Instant end, int billsec, String disposition,
                     String uniqueId, String where) {

    /** A row Asterisk wrote for a call it placed itself (an Originate: wake-ups, the operator's escalation). */
    public boolean originated() {
        return lastApp.startsWith("AppDial") || channel.startsWith("OutgoingSpool");
    }
}
