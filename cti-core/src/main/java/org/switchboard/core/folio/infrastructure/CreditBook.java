package org.switchboard.core.folio.infrastructure;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.switchboard.billing.folio.Attribution.Outcome;
import org.switchboard.billing.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static org.switchboard.core.storage.UtcColumns.instant;
import static org.switchboard.core.storage.UtcColumns.utc;
import static org.switchboard.core.storage.jooq.Tables.CREDIT_BARS;
import static org.switchboard.core.storage.jooq.Tables.FOLIO_ENTRIES;
import static org.switchboard.core.storage.jooq.Tables.GUEST_ACCOUNTS;
import static org.switchboard.core.storage.jooq.Tables.ROOM_OCCUPANCY;

/** Guests' phone charges against their deposits, the bars set when they reach the limit, and their lifting. */
public final class CreditBook {

    /** An in-house account's credit position: deposit, posted phone charges, override, and its open bar if any. */
    public record Position(long accountKey, String accountId, String name, Money deposit, Money charged,
                           boolean override, Long openBar) {
    }

    /** A bar on an account: when, at what charges and limit, whether announced and acknowledged, and its lifting. */
    public record Bar(long id, String accountId, String name, String room, Instant barredAt, BigDecimal charged,
                      BigDecimal deposit, BigDecimal limit, Instant announcedAt, Instant liftedAt, String liftedBy,
                      String liftReason, BigDecimal newDeposit, Instant acknowledgedAt, String acknowledgedBy) {
    }

    private final DSLContext dsl;

    public CreditBook(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The positions of these accounts (checked-out accounts too). */
    public List<Position> positions(Collection<Long> accountKeys) {
        var charged = DSL.select(DSL.coalesce(DSL.sum(FOLIO_ENTRIES.TOTAL), BigDecimal.ZERO)).from(FOLIO_ENTRIES)
                .where(FOLIO_ENTRIES.ACCOUNT_PK.eq(GUEST_ACCOUNTS.ID))
                .and(FOLIO_ENTRIES.OUTCOME.in(Outcome.POSTED.name(), Outcome.LATE_CHARGE.name())).asField("charged");
        var bar = DSL.select(DSL.max(CREDIT_BARS.ID)).from(CREDIT_BARS).where(CREDIT_BARS.ACCOUNT_PK.eq(GUEST_ACCOUNTS.ID))
                .and(CREDIT_BARS.LIFTED_AT.isNull()).asField("bar");
        return dsl.select(GUEST_ACCOUNTS.ID, GUEST_ACCOUNTS.ACCOUNT_ID, GUEST_ACCOUNTS.NAME, GUEST_ACCOUNTS.DEPOSIT,
                        GUEST_ACCOUNTS.CURRENCY, GUEST_ACCOUNTS.CREDIT_OVERRIDE, charged, bar)
                .from(GUEST_ACCOUNTS).where(GUEST_ACCOUNTS.ID.in(accountKeys))
                .fetch(r -> {
                    Currency c = Currency.getInstance(r.get(GUEST_ACCOUNTS.CURRENCY));
                    int scale = c.getDefaultFractionDigits();
                    return new Position(r.get(GUEST_ACCOUNTS.ID), r.get(GUEST_ACCOUNTS.ACCOUNT_ID), r.get(GUEST_ACCOUNTS.NAME),
                            new Money(FolioLedger.money(r.get(GUEST_ACCOUNTS.DEPOSIT), scale), c),
                            new Money(FolioLedger.money((BigDecimal) r.get(charged), scale), c),
                            Boolean.TRUE.equals(r.get(GUEST_ACCOUNTS.CREDIT_OVERRIDE)), (Long) r.get(bar));
                });
    }

    public Optional<Long> accountKey(String accountId) {
        return dsl.select(GUEST_ACCOUNTS.ID).from(GUEST_ACCOUNTS).where(GUEST_ACCOUNTS.ACCOUNT_ID.eq(accountId))
                .fetchOptional(GUEST_ACCOUNTS.ID);
    }

    public void bar(long accountKey, Money charged, Money deposit, Money limit, Instant at) {
        dsl.insertInto(CREDIT_BARS).set(CREDIT_BARS.ACCOUNT_PK, accountKey).set(CREDIT_BARS.BARRED_AT, utc(at))
                .set(CREDIT_BARS.CHARGED, charged.amount()).set(CREDIT_BARS.DEPOSIT, deposit.amount())
                .set(CREDIT_BARS.CREDIT_LIMIT, limit.amount()).execute();
    }

    /** Account ids of in-house payers whose room is barred. */
    public java.util.Set<String> barredAccounts() {
        return new java.util.HashSet<>(dsl.selectDistinct(GUEST_ACCOUNTS.ACCOUNT_ID).from(CREDIT_BARS).join(GUEST_ACCOUNTS)
                .on(GUEST_ACCOUNTS.ID.eq(CREDIT_BARS.ACCOUNT_PK)).where(CREDIT_BARS.LIFTED_AT.isNull())
                .and(GUEST_ACCOUNTS.CHECKED_OUT_AT.isNull()).fetch(GUEST_ACCOUNTS.ACCOUNT_ID));
    }

    /** Bars, newest first: only open ones, or all. */
    public List<Bar> bars(boolean openOnly) {
        return bars(openOnly ? CREDIT_BARS.LIFTED_AT.isNull() : DSL.noCondition());
    }

    /** Open bars of guests still in house that no operator has acknowledged yet: the credit alarms, newest first. */
    public List<Bar> unacknowledged() {
        return bars(CREDIT_BARS.LIFTED_AT.isNull().and(CREDIT_BARS.ACKNOWLEDGED_AT.isNull())
                .and(GUEST_ACCOUNTS.CHECKED_OUT_AT.isNull()));
    }

    public Optional<Bar> bar(long barId) {
        return bars(CREDIT_BARS.ID.eq(barId)).stream().findFirst();
    }

    /** Marks an alarm acknowledged; false when there is no such open, unacknowledged bar. */
    public boolean acknowledge(long barId, String by, Instant at) {
        return dsl.update(CREDIT_BARS).set(CREDIT_BARS.ACKNOWLEDGED_AT, utc(at)).set(CREDIT_BARS.ACKNOWLEDGED_BY, by)
                .where(CREDIT_BARS.ID.eq(barId)).and(CREDIT_BARS.ACKNOWLEDGED_AT.isNull())
                .and(CREDIT_BARS.LIFTED_AT.isNull()).execute() == 1;
    }

    private List<Bar> bars(org.jooq.Condition cond) {
        var room = DSL.select(DSL.max(ROOM_OCCUPANCY.ROOM)).from(ROOM_OCCUPANCY)
                .where(ROOM_OCCUPANCY.ACCOUNT_PK.eq(CREDIT_BARS.ACCOUNT_PK)).and(ROOM_OCCUPANCY.TO_AT.isNull()).asField("room");
        return dsl.select(CREDIT_BARS.fields()).select(GUEST_ACCOUNTS.ACCOUNT_ID, GUEST_ACCOUNTS.NAME, GUEST_ACCOUNTS.CURRENCY, room)
                .from(CREDIT_BARS).join(GUEST_ACCOUNTS).on(GUEST_ACCOUNTS.ID.eq(CREDIT_BARS.ACCOUNT_PK)).where(cond)
                .orderBy(CREDIT_BARS.ID.desc())
                .fetch(r -> {
                    int scale = Currency.getInstance(r.get(GUEST_ACCOUNTS.CURRENCY)).getDefaultFractionDigits();
                    return new Bar(r.get(CREDIT_BARS.ID), r.get(GUEST_ACCOUNTS.ACCOUNT_ID), r.get(GUEST_ACCOUNTS.NAME),
                            (String) r.get(room), instant(r.get(CREDIT_BARS.BARRED_AT)),
                            FolioLedger.money(r.get(CREDIT_BARS.CHARGED), scale), FolioLedger.money(r.get(CREDIT_BARS.DEPOSIT), scale),
                            FolioLedger.money(r.get(CREDIT_BARS.CREDIT_LIMIT), scale), instant(r.get(CREDIT_BARS.ANNOUNCED_AT)),
                            instant(r.get(CREDIT_BARS.LIFTED_AT)), r.get(CREDIT_BARS.LIFTED_BY), r.get(CREDIT_BARS.LIFT_REASON),
                            r.get(CREDIT_BARS.NEW_DEPOSIT) == null ? null : FolioLedger.money(r.get(CREDIT_BARS.NEW_DEPOSIT), scale),
                            instant(r.get(CREDIT_BARS.ACKNOWLEDGED_AT)), r.get(CREDIT_BARS.ACKNOWLEDGED_BY));
                });
    }

    public void announced(long barId, Instant at) {
        dsl.update(CREDIT_BARS).set(CREDIT_BARS.ANNOUNCED_AT, utc(at)).where(CREDIT_BARS.ID.eq(barId)).execute();
    }

    /**
     * Lifts an account's open bar in one transaction: with a new deposit (the guest paid more; the deposit is
     * changed) or as an override (no more barring this stay). Who, when and why are kept on the bar.
     */
    public void lift(long accountKey, String by, String reason, BigDecimal newDeposit, Instant at) {
        dsl.transaction(trx -> {
            DSLContext tx = trx.dsl();
            tx.update(CREDIT_BARS).set(CREDIT_BARS.LIFTED_AT, utc(at)).set(CREDIT_BARS.LIFTED_BY, by)
                    .set(CREDIT_BARS.LIFT_REASON, reason).set(CREDIT_BARS.NEW_DEPOSIT, newDeposit)
                    .where(CREDIT_BARS.ACCOUNT_PK.eq(accountKey)).and(CREDIT_BARS.LIFTED_AT.isNull()).execute();
            if (newDeposit != null) {
                tx.update(GUEST_ACCOUNTS).set(GUEST_ACCOUNTS.DEPOSIT, newDeposit).where(GUEST_ACCOUNTS.ID.eq(accountKey)).execute();
            } else {
                tx.update(GUEST_ACCOUNTS).set(GUEST_ACCOUNTS.CREDIT_OVERRIDE, true).where(GUEST_ACCOUNTS.ID.eq(accountKey)).execute();
            }
        });
    }
}
