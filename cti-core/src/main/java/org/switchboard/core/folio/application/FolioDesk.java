package org.switchboard.core.folio.application;

import org.switchboard.billing.audit.AuditLine;
import org.switchboard.billing.folio.CreditLimit;
import org.switchboard.billing.money.Money;
import org.switchboard.core.folio.infrastructure.CreditBook;
import org.switchboard.core.folio.infrastructure.FolioLedger;
import org.switchboard.core.stays.infrastructure.StayRepository;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
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

    /** Refused: what is wrong. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final FolioLedger ledger;
    private final CreditBook credit;
    private final StayRepository stays;
    private final CreditLimit creditLimit;
    private final Clock clock;

    public FolioDesk(FolioLedger ledger, CreditBook credit, StayRepository stays, CreditLimit creditLimit, Clock clock) {
        this.ledger = ledger;
        this.credit = credit;
        this.stays = stays;
        this.creditLimit = creditLimit;
        this.clock = clock;
    }

    /** The folio of the guest who pays for the room now. */
    public Folio forRoom(String room) {
        StayRepository.InHouse payer = stays.inHouse().stream().filter(g -> g.room().equals(room))
                .filter(g -> g.paidBy().equals(g.accountId())).findFirst()
                .orElseThrow(() -> new Refused("room " + room + " has no guest in house (use --account for a past guest)"));
        return forAccount(payer.accountId());
    }

    public Folio forAccount(String accountId) {
        long key = credit.accountKey(accountId).orElseThrow(() -> new Refused("no account " + accountId));
        CreditBook.Position p = credit.positions(List.of(key)).get(0);
        Optional<StayRepository.InHouse> here = stays.inHouse().stream().filter(g -> g.accountId().equals(accountId)).findFirst();
        return new Folio(p.accountId(), p.name(), here.map(StayRepository.InHouse::room).orElse(null), here.isPresent(),
                p.deposit(), creditLimit.limit(p.deposit()), p.charged(), p.openBar() != null, p.override(),
                ledger.folio(key));
    }

    /**
     * Lifts a bar: with a new deposit (which must cover the charges within the limit) or as an override for
     * the rest of the stay. Who and why are required; both are kept with the bar.
     */
    public String lift(String accountId, String by, String reason, BigDecimal newDeposit) {
        if (by == null || by.isBlank()) {
            throw new Refused("say who lifts the bar (--by)");
        }
        if (reason == null || reason.isBlank()) {
            throw new Refused("say why (--reason; it is kept in the audit trail)");
        }
        Folio f = forAccount(accountId);
        if (!f.barred()) {
            throw new Refused("account " + accountId + " is not barred");
        }
        if (newDeposit != null) {
            Money deposit = new Money(newDeposit, f.deposit().currency());
            if (creditLimit.reached(deposit, f.charged()) || newDeposit.signum() <= 0) {
                throw new Refused("a deposit of " + deposit + " still leaves charges " + f.charged() + " at or over the limit "
                        + creditLimit.limit(deposit));
            }
        }
        credit.lift(credit.accountKey(accountId).orElseThrow(), by.trim(), reason.trim(), newDeposit, clock.instant());
        return "bar lifted for account " + accountId + " by " + by.trim()
                + (newDeposit != null ? "; deposit now " + new Money(newDeposit, f.deposit().currency())
                : "; no further barring this stay (override)");
    }

    public List<CreditBook.Bar> bars(boolean openOnly) {
        return credit.bars(openOnly);
    }
}
