package org.switchboard.core.folio.application;

import org.switchboard.core.stays.model.InHouse;
import org.switchboard.core.refusal.Refusal;
import org.switchboard.billing.audit.AuditLine;
import org.switchboard.billing.folio.CreditLimit;
import org.switchboard.billing.money.Money;
import org.switchboard.billing.folio.FolioBooking.Holder;
import org.switchboard.core.folio.infrastructure.AssignmentBook;
import org.switchboard.core.folio.infrastructure.CreditBook;
import org.switchboard.core.folio.infrastructure.FolioLedger;
import org.switchboard.core.folio.model.ChargedCall;
import org.switchboard.core.stays.application.InHouseGuests;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A guest's folio as the front office and the operator see it (the posted calls and their totals,
 * deposit, credit limit and whether the room is barred), and lifting a bar — an audited action.
 */
public final class FolioDesk {

    /** A guest's phone folio. */
    public record Folio(String accountId, String name, String room, boolean inHouse, Money deposit, Money limit,
                        Money charged, boolean barred, boolean override, List<AuditLine> entries) {
    }

    private final FolioLedger ledger;
    private final CreditBook credit;
    private final InHouseGuests stays;
    private final CreditLimit creditLimit;
    private final Clock clock;

    public FolioDesk(FolioLedger ledger, CreditBook credit, InHouseGuests stays, CreditLimit creditLimit, Clock clock) {
        this.ledger = ledger;
        this.credit = credit;
        this.stays = stays;
        this.creditLimit = creditLimit;
        this.clock = clock;
    }

    /** The folio of the guest who pays for the room now. */
    public Folio forRoom(String room) {
        InHouse payer = stays.inHouse().stream().filter(g -> g.room().equals(room))
                .filter(g -> g.paidBy().equals(g.accountId())).findFirst()
                .orElseThrow(() -> new Refusal("room " + room + " has no guest in house (use --account for a past guest)"));
        return forAccount(payer.accountId());
    }

    public Folio forAccount(String accountId) {
        long key = credit.accountKey(accountId).orElseThrow(() -> new Refusal("no account " + accountId));
        CreditBook.Position p = credit.positions(List.of(key)).get(0);
        Optional<InHouse> here = stays.inHouse().stream().filter(g -> g.accountId().equals(accountId)).findFirst();
        return new Folio(p.accountId(), p.name(), here.map(InHouse::room).orElse(null), here.isPresent(),
                p.deposit(), creditLimit.limit(p.deposit()), p.charged(), p.openBar() != null, p.override(),
                ledger.folio(key));
    }

    /**
     * Lifts a bar: with a new deposit (which must cover the charges within the limit) or as an override for
     * the rest of the stay. Who and why are required; both are kept with the bar.
     */
    public String lift(String accountId, String by, String reason, BigDecimal newDeposit) {
        if (by == null || by.isBlank()) {
            throw new Refusal("say who lifts the bar (--by)");
        }
        if (reason == null || reason.isBlank()) {
            throw new Refusal("say why (--reason; it is kept in the audit trail)");
        }
        Folio f = forAccount(accountId);
        if (!f.barred()) {
            throw new Refusal("account " + accountId + " is not barred");
        }
        if (newDeposit != null) {
            Money deposit = new Money(newDeposit, f.deposit().currency());
            if (creditLimit.reached(deposit, f.charged()) || newDeposit.signum() <= 0) {
                throw new Refusal("a deposit of " + deposit + " still leaves charges " + f.charged() + " at or over the limit "
                        + creditLimit.limit(deposit));
            }
        }
        credit.lift(credit.accountKey(accountId).orElseThrow(), by.trim(), reason.trim(), newDeposit, clock.instant());
        return "bar lifted for account " + accountId + " by " + by.trim()
                + (newDeposit != null ? "; deposit now " + new Money(newDeposit, f.deposit().currency())
                : "; no further barring this stay (override)");
    }

    /**
     * Charges an exception call — from a vacant room, a house call, a failed posting — to a guest's account after
     * all (say the guest's check-in reached the system late). Who and why are required and kept on the ledger
     * entries; the poster books the move (the exception reversed, the charge on the folio) on the first open date.
     */
    public String assign(long callId, String accountId, String by, String reason) {
        if (by == null || by.isBlank()) {
            throw new Refusal("say who assigns the call (--by)");
        }
        if (reason == null || reason.isBlank()) {
            throw new Refusal("say why (--reason; it is kept in the audit trail)");
        }
        long key = credit.accountKey(accountId).orElseThrow(() -> new Refusal("no account " + accountId));
        String accountCurrency = credit.positions(List.of(key)).get(0).deposit().currency().getCurrencyCode();
        return ledger.inTransaction(tx -> {
            tx.lockCalls(List.of(callId));
            ChargedCall call = tx.calls(List.of(callId)).get(callId);
            if (call == null) {
                throw new Refusal("no call #" + callId);
            }
            if (!call.rated()) {
                throw new Refusal("call #" + callId + " has no charge (internal, or not priced by the tariff): "
                        + "correct the record or the tariff first");
            }
            if (!accountCurrency.equals(call.currency())) {
                throw new Refusal("account " + accountId + " keeps " + accountCurrency + ", the call's charge is in "
                        + call.currency());
            }
            Map<Holder, FolioLedger.Held> held = tx.booked(List.of(callId)).getOrDefault(callId, Map.of());
            if (held.isEmpty()) {
                throw new Refusal("call #" + callId + " is not on the ledger yet: try again in a moment");
            }
            AssignmentBook assignments = new AssignmentBook(tx.dsl());
            AssignmentBook.Assignment before = assignments.forCalls(List.of(callId)).get(callId);
            if (before != null && before.account().key() == key) {
                throw new Refusal("call #" + callId + " is already assigned to account " + accountId + " (by "
                        + before.by() + ": " + before.reason() + ")");
            }
            boolean assignedBefore = before != null;
            held.forEach((holder, h) -> {
                if (holder.outcome().posted() && !h.net().isZero() && !assignedBefore) {
                    throw new Refusal("call #" + callId + " is on account " + h.payer().id() + "'s folio by the stay records, "
                            + "not an exception; correct the stay or the record instead");
                }
            });
            assignments.assign(callId, key, by.trim(), reason.trim(), clock.instant());
            return "call #" + callId + " (room " + call.room() + ", " + call.dialled() + ", " + call.amounts().total() + " "
                    + call.currency() + ") assigned to account " + accountId + " by " + by.trim();
        });
    }

    /** Credit bars no operator has acknowledged yet (kept by the server, so every console shows them). */
    public List<CreditBook.Bar> creditAlarms() {
        return credit.unacknowledged();
    }

    public String acknowledgeCreditAlarm(long barId, String by) {
        if (by == null || by.isBlank()) {
            throw new Refusal("say who acknowledges the alarm");
        }
        CreditBook.Bar bar = credit.bar(barId).orElseThrow(() -> Refusal.notFound("no credit bar " + barId));
        if (!credit.acknowledge(barId, by.trim(), clock.instant())) {
            throw new Refusal("credit bar " + barId + " (room " + bar.room() + ") is not an open alarm"
                    + (bar.acknowledgedBy() != null ? ": acknowledged by " + bar.acknowledgedBy() : ""));
        }
        return "credit alarm for room " + bar.room() + " (" + bar.accountId() + ") acknowledged by " + by.trim();
    }

    public List<CreditBook.Bar> bars(boolean openOnly) {
        return credit.bars(openOnly);
    }
}
