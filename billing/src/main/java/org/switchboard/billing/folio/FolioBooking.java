package org.switchboard.billing.folio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to book for a call so that the ledger holds exactly its current charge, with the right holder.
 * The first time: one charge line. Afterwards (a correction, a re-rating, a call that now belongs to
 * another guest): adjustments — the difference for the same holder, or a reversal from the old holder
 * and the charge for the new. Booking the same state twice books nothing.
 */
public final class FolioBooking {

    private FolioBooking() {
    }

    /** Who holds a call's charge: the outcome and, when posted or known, the paying account's key. */
    public record Holder(Attribution.Outcome outcome, Long accountKey) {
        public static Holder of(Attribution a) {
            return new Holder(a.outcome(), a.payer() == null ? null : a.payer().key());
        }
    }

    /** One line to book: its holder, whether it is the call's first entry, and the amounts (a difference for adjustments). */
    public record Change(Holder holder, boolean firstCharge, Amounts amounts, String detail) {
    }

    /**
     * @param target  where the call's charge belongs now
     * @param current the call's charge now (zero when unrated)
     * @param booked  what the ledger already holds for the call, per holder (empty the first time)
     */
    public static List<Change> changes(Attribution target, Amounts current, Map<Holder, Amounts> booked) {
        Objects.requireNonNull(current, "current");
        Holder to = Holder.of(target);
        if (booked.isEmpty()) {
            return List.of(new Change(to, true, current, target.detail()));
        }
        List<Change> out = new ArrayList<>();
        booked.forEach((holder, net) -> {
            if (!holder.equals(to) && !net.isZero()) {
                out.add(new Change(holder, false, net.negate(), "moved to " + describe(target)));
            }
        });
        Amounts delta = current.minus(booked.getOrDefault(to, Amounts.ZERO));
        if (!delta.isZero() || !booked.containsKey(to)) {
            out.add(new Change(to, false, delta, target.detail()));
        }
        return out;
    }

    private static String describe(Attribution a) {
        String who = a.payer() == null ? "" : " " + a.payer().id();
        return a.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + who;
    }
}
