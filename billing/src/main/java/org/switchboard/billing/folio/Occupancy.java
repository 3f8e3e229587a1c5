package org.switchboard.billing.folio;

import java.time.Instant;
import java.util.Objects;

/**
 * A guest's time in a room: from check-in or a move in, to a move out or check-out ({@code until}
 * null while still there). {@code payer} is the account that pays the room's calls (a sharer's main
 * account), with the instant that account checked out, if it has.
 */
public record Occupancy(String room, Account guest, Account payer, Instant from, Instant until,
                        Instant payerCheckedOutAt) {

    /** A guest account (帐户名): its key in the store, its id (e.g. the PMS folio number), name and currency. */
    public record Account(long key, String id, String name, String currency) {
        public Account {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }
    }

    public Occupancy {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(guest, "guest");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(from, "from");
    }

    /** True when the guest was in the room at that instant. */
    public boolean covers(Instant at) {
        return !at.isBefore(from) && (until == null || at.isBefore(until));
    }
}
