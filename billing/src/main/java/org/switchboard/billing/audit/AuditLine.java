package org.switchboard.billing.audit;

import org.switchboard.billing.folio.Amounts;
import org.switchboard.billing.folio.Attribution.Outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * One folio ledger entry as the night auditor sees it: a call's charge (or a later adjustment to it)
 * booked on a business date, and where it went. Amounts are at the currency's scale; an adjustment
 * carries the difference (negative when a charge went down or moved to another folio).
 */
public record AuditLine(long entryId, long callId, LocalDate bookedOn, LocalDate callDate, Kind kind, Cause cause, Outcome outcome,
                        String accountId, String accountName, String room, String extension, String dialled,
                        ZonedDateTime start, long seconds, String category, String area, Amounts amounts,
                        String detail) {

    public BigDecimal total() {
        return amounts.total();
    }

    /** A call's first entry, or a change to what was booked for it. */
    public enum Kind { CHARGE, ADJUSTMENT }

    /** What produced the entry: a captured call, a call entered by hand, a corrected record, a tariff change. */
    /** Why the entry was booked: the capture, a record entered or corrected by hand, a re-rating, or an auditor
     *  assigning an exception call (a vacant room's, a house call, a failed posting) to a guest's account. */
    public enum Cause { CAPTURED, MANUAL, CORRECTED, RERATED, ASSIGNED }

    /** True when this entry belongs to a call of an earlier business date that was already closed. */
    public boolean carriedIn() {
        return callDate.isBefore(bookedOn);
    }

    /** True when a person made or changed the record (录入话单 or a correction) or assigned it to an account. */
    public boolean byHand() {
        return cause == Cause.MANUAL || cause == Cause.CORRECTED || cause == Cause.ASSIGNED;
    }
}
