package org.switchboard.billing.folio;

/**
 * Where a rated call's charge belongs: posted to a guest's folio (a late charge is posted but flagged),
 * or one of the exceptions the night auditor clears by hand. {@code payer} is null for exceptions that
 * have no guest; {@code detail} says why in the auditor's words.
 */
public record Attribution(Outcome outcome, Occupancy.Account payer, String detail) {

    public enum Outcome {
        /** On the in-house guest's folio. */
        POSTED,
        /** On the folio of a guest who checked out while the call was still up; flagged for the auditor. */
        LATE_CHARGE,
        /** From a room with no guest in house at the call's start: posted to nobody. */
        VACANT_ROOM,
        /** An outbound call the tariff could not price. */
        UNRATED,
        /** From a staff extension that belongs to no guest room: the hotel's own call. */
        HOUSE_CALL,
        /** Could not be posted (e.g. the account keeps a different currency); needs a person. */
        FAILED;

        /** True when the charge is on a guest's folio. */
        public boolean posted() {
            return this == POSTED || this == LATE_CHARGE;
        }
    }
}
