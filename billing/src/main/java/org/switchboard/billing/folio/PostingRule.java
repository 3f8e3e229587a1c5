package org.switchboard.billing.folio;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * Decides which folio a call's charge goes to. The guest in the room when the call started pays
 * (a sharer's calls go to the room's main account); a call still up when that guest checked out is
 * theirs as a late charge; with nobody in the room it is a vacant-room exception, never someone
 * else's charge.
 */
public final class PostingRule {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private PostingRule() {
    }

    /**
     * @param room       the calling extension's room, or null for a staff extension
     * @param currency   the charge's currency, or null when the call is unrated
     * @param roomStays  the room's occupancies (any order; those not covering the call are ignored)
     */
    public static Attribution attribute(String room, Instant start, Instant end, String currency,
                                        List<Occupancy> roomStays, ZoneId zone) {
        if (room == null) {
            return new Attribution(Attribution.Outcome.HOUSE_CALL, null, "staff extension, no guest room");
        }
        Occupancy stay = roomStays.stream().filter(o -> o.room().equals(room) && o.covers(start))
                .min(Comparator.comparing((Occupancy o) -> !o.guest().equals(o.payer())).thenComparing(Occupancy::from))
                .orElse(null);
        if (currency == null) {
            return new Attribution(Attribution.Outcome.UNRATED, stay == null ? null : stay.payer(),
                    "the tariff could not price it");
        }
        if (stay == null) {
            return new Attribution(Attribution.Outcome.VACANT_ROOM, null, "no guest in room " + room + " at the call's start");
        }
        Occupancy.Account payer = stay.payer();
        if (payer.currency() != null && !payer.currency().equals(currency)) {
            return new Attribution(Attribution.Outcome.FAILED, payer,
                    "account " + payer.id() + " keeps " + payer.currency() + ", the charge is in " + currency);
        }
        if (stay.payerCheckedOutAt() != null && stay.payerCheckedOutAt().isBefore(end)) {
            return new Attribution(Attribution.Outcome.LATE_CHARGE, payer,
                    "call still up at check-out " + TIME.format(stay.payerCheckedOutAt().atZone(zone)));
        }
        return new Attribution(Attribution.Outcome.POSTED, payer, "");
    }

    /**
     * Applies an auditor's assignment of the call to a guest's account: it settles an exception (a vacant room,
     * a house call, a failed posting) but never overrides a guest the rules found, nor prices an unrated call.
     * An account that keeps another currency than the charge's cannot take it.
     */
    public static Attribution withAssignment(Attribution byRules, Occupancy.Account assignee, String currency,
                                             String detail) {
        if (assignee == null || byRules.outcome().posted() || byRules.outcome() == Attribution.Outcome.UNRATED) {
            return byRules;
        }
        if (assignee.currency() != null && !assignee.currency().equals(currency)) {
            return new Attribution(Attribution.Outcome.FAILED, assignee,
                    "assigned to account " + assignee.id() + ", which keeps " + assignee.currency() + ", but the charge is in "
                            + currency);
        }
        return new Attribution(Attribution.Outcome.POSTED, assignee, detail);
    }
}
