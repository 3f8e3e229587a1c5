package org.switchboard.core.folio.infrastructure;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.switchboard.billing.audit.AuditLine;
import org.switchboard.billing.folio.Amounts;
import org.switchboard.billing.folio.Attribution.Outcome;
import org.switchboard.billing.folio.Occupancy;
import org.switchboard.core.calls.model.CallDirection;
import org.switchboard.core.folio.model.ChargedCall;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.switchboard.core.storage.UtcColumns.instant;
import static org.switchboard.core.storage.UtcColumns.utc;
import static org.switchboard.core.storage.jooq.Tables.CALLS;
import static org.switchboard.core.storage.jooq.Tables.CALL_CHARGES;
import static org.switchboard.core.storage.jooq.Tables.CLOSED_DATES;
import static org.switchboard.core.storage.jooq.Tables.FOLIO_ENTRIES;
import static org.switchboard.core.storage.jooq.Tables.LEDGER_STATE;
import static org.switchboard.core.storage.jooq.Tables.POSTING_OUTBOX;

/**
 * The folio ledger in MariaDB: the posting outbox, the entries, and which business dates are closed.
 * Entries are only ever inserted. A posting transaction reads the last closed date under a shared lock
 * and closing takes it exclusively, so no entry is ever booked on a date while it is being closed.
 */
public final class FolioLedger {

    /** What the ledger holds for a call under one holder: the paying account (if any) and the net amounts. */
    public record Held(Occupancy.Account payer, Amounts net) {
    }

    /** A closed date's figures, as fixed when it was closed. */
    public record Closure(LocalDate date, Instant at, String by, String currency, BigDecimal rated, BigDecimal posted,
                          BigDecimal exceptions, int entries) {
    }

    private final DSLContext dsl;
    private final ZoneId zone;
    private final java.time.Duration provisionalWait;

    public FolioLedger(DSLContext dsl, ZoneId zone) {
        this(dsl, zone, org.switchboard.core.folio.model.FolioSettings.DEFAULT_PROVISIONAL_WAIT);
    }

    /** {@code provisionalWait}: how long a charge on a guessed duration is held back from posting (folio settings). */
    public FolioLedger(DSLContext dsl, ZoneId zone, java.time.Duration provisionalWait) {
        this.dsl = dsl;
        this.zone = zone;
        this.provisionalWait = provisionalWait;
    }

    /** Runs {@code work} in one transaction: everything it writes is committed together or not at all. */
    public <T> T inTransaction(Function<LedgerTransaction, T> work) {
        return dsl.transactionResult(trx -> work.apply(new LedgerTransaction(trx.dsl(), zone, provisionalWait)));
    }

    // ---- read side ----

    /** The entries booked on a business date. */
    public List<AuditLine> bookedOn(LocalDate date) {
        return entries(FOLIO_ENTRIES.BOOKED_ON.eq(date));
    }

    /** The posted entries of an account (its folio), oldest first. */
    public List<AuditLine> folio(long accountKey) {
        return entries(FOLIO_ENTRIES.ACCOUNT_PK.eq(accountKey).and(FOLIO_ENTRIES.OUTCOME.in(Outcome.POSTED.name(),
                Outcome.LATE_CHARGE.name())));
    }

    public Optional<Closure> closure(LocalDate date) {
        return dsl.selectFrom(CLOSED_DATES).where(CLOSED_DATES.BUSINESS_DATE.eq(date)).fetchOptional(r -> new Closure(
                r.getBusinessDate(), instant(r.getClosedAt()), r.getClosedBy(), r.getCurrency(), r.getRatedTotal(),
                r.getPostedTotal(), r.getExceptionsTotal(), r.getEntries()));
    }

    public Optional<LocalDate> lastClosed() {
        return Optional.ofNullable(dsl.select(LEDGER_STATE.LAST_CLOSED).from(LEDGER_STATE).where(LEDGER_STATE.ID.eq(1))
                .fetchOne(LEDGER_STATE.LAST_CLOSED));
    }

    /** The sum of the current charges of outbound calls started in [from, to) (the rating side of the audit). */
    public BigDecimal ratedTotal(Instant from, Instant to) {
        BigDecimal sum = dsl.select(DSL.sum(CALL_CHARGES.TOTAL)).from(CALLS).join(CALL_CHARGES)
                .on(CALL_CHARGES.CALL_ID.eq(CALLS.ID))
                .where(CALLS.STARTED_AT.ge(utc(from))).and(CALLS.STARTED_AT.lt(utc(to)))
                .and(CALLS.DIRECTION.eq(CallDirection.OUTBOUND.name())).and(CALL_CHARGES.TOTAL.isNotNull())
                .fetchOne(0, BigDecimal.class);
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /** Outbox rows not yet posted for calls that started before {@code before}. */
    /** Outbound calls started in [from, to) that have no charge row at all (priced neither RATED nor NOT_RATED). */
    public int unpricedBetween(Instant from, Instant to) {
        return dsl.fetchCount(CALLS, CALLS.STARTED_AT.ge(utc(from)).and(CALLS.STARTED_AT.lt(utc(to)))
                .and(CALLS.DIRECTION.eq(CallDirection.OUTBOUND.name()))
                .and(DSL.notExists(DSL.selectOne().from(CALL_CHARGES).where(CALL_CHARGES.CALL_ID.eq(CALLS.ID)))));
    }

    /** The calls started in [from, to) charged on a guessed duration: held from posting, or posted unconfirmed. */
    public org.switchboard.billing.audit.AuditReport.Guessed guessedBetween(Instant from, Instant to) {
        var pending = DSL.exists(DSL.selectOne().from(POSTING_OUTBOX).where(POSTING_OUTBOX.CALL_ID.eq(CALLS.ID))
                .and(POSTING_OUTBOX.DONE_AT.isNull()));
        var posted = DSL.exists(DSL.selectOne().from(FOLIO_ENTRIES).where(FOLIO_ENTRIES.CALL_ID.eq(CALLS.ID)));
        var provisional = DSL.exists(DSL.selectOne().from(POSTING_OUTBOX).where(POSTING_OUTBOX.CALL_ID.eq(CALLS.ID))
                .and(POSTING_OUTBOX.PROVISIONAL.isTrue()));
        var guessed = CALLS.STARTED_AT.ge(utc(from)).and(CALLS.STARTED_AT.lt(utc(to)))
                .and(CALLS.DIRECTION.eq(CallDirection.OUTBOUND.name())).and(provisional)
                .and(CALLS.TIME_SOURCE.ne(org.switchboard.core.calls.model.TimeSource.CDR.name())); // not confirmed since
        return new org.switchboard.billing.audit.AuditReport.Guessed(
                dsl.select(CALLS.ID).from(CALLS).where(guessed).and(pending).orderBy(CALLS.ID).fetch(CALLS.ID),
                dsl.select(CALLS.ID).from(CALLS).where(guessed).and(pending.not()).and(posted).orderBy(CALLS.ID)
                        .fetch(CALLS.ID));
    }

    public int pendingBefore(Instant before) {
        return PostingOutbox.pendingBefore(dsl, before);
    }

    /** The posting outbox's own bookkeeping: pending rows, failures, rows held aside. */
    public PostingOutbox outbox() {
        return new PostingOutbox(dsl);
    }

    private List<AuditLine> entries(org.jooq.Condition where) {
        return dsl.selectFrom(FOLIO_ENTRIES).where(where).orderBy(FOLIO_ENTRIES.STARTED_AT, FOLIO_ENTRIES.ID).fetch(r -> {
            int scale = scale(r.getCurrency());
            Amounts a = new Amounts(money(r.getAmount(), scale), money(r.getServiceFee(), scale),
                    money(r.getSurcharge(), scale), money(r.getTax(), scale), money(r.getTotal(), scale));
            return new AuditLine(r.getId(), r.getCallId(), r.getBookedOn(), r.getCallDate(), AuditLine.Kind.valueOf(r.getKind()),
                    AuditLine.Cause.valueOf(r.getCause()), Outcome.valueOf(r.getOutcome()), r.getAccountId(),
                    r.getAccountName(), r.getRoom(), r.getExtension(), r.getDialled(),
                    instant(r.getStartedAt()).atZone(zone), r.getSeconds(), r.getCategory(), r.getArea(), a, r.getDetail());
        });
    }

    static ChargedCall chargedCall(Record r) {
        String currency = "RATED".equals(r.get(CALL_CHARGES.STATUS)) ? r.get(CALL_CHARGES.CURRENCY) : null;
        Amounts amounts = Amounts.ZERO;
        if (currency != null) {
            int scale = scale(currency);
            amounts = new Amounts(money(r.get(CALL_CHARGES.AMOUNT), scale), money(r.get(CALL_CHARGES.SERVICE_FEE), scale),
                    money(r.get(CALL_CHARGES.SURCHARGE), scale), money(r.get(CALL_CHARGES.TAX), scale),
                    money(r.get(CALL_CHARGES.TOTAL), scale));
        }
        return new ChargedCall(r.get(CALLS.ID), r.get(CALLS.EXTENSION), r.get(CALLS.ROOM), r.get(CALLS.CALLEE_NUMBER),
                instant(r.get(CALLS.STARTED_AT)), instant(r.get(CALLS.ENDED_AT)), r.get(CALLS.TALK_MS) / 1000,
                currency, currency == null ? null : r.get(CALL_CHARGES.CATEGORY),
                currency == null ? null : r.get(CALL_CHARGES.AREA), amounts);
    }

    static String truncate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }

    /** Amounts are stored with 4 decimals; they are held at the currency's scale (exact: never rounded here). */
    static BigDecimal money(BigDecimal stored, int scale) {
        return (stored == null ? BigDecimal.ZERO : stored).setScale(scale, RoundingMode.UNNECESSARY);
    }

    static int scale(String currency) {
        return currency == null ? 2 : Currency.getInstance(currency).getDefaultFractionDigits();
    }
}
