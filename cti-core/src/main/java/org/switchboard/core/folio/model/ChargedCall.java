package org.switchboard.core.folio.model;

import org.switchboard.billing.folio.Amounts;

import java.time.Instant;

/**
 * A stored outbound call with its current charge, as the poster needs it. {@code currency} is null and
 * the amounts zero when the call is unrated; {@code room} is null for a staff extension.
 */
public record ChargedCall(long callId, String extension, String room, String dialled, Instant start, Instant end,
                          long seconds, String currency, String category, String area, Amounts amounts) {

    public boolean rated() {
        return currency != null;
    }
}
