package org.switchboard.core.folio.infrastructure;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.switchboard.billing.audit.AuditLine;
import org.switchboard.billing.folio.Amounts;
import org.switchboard.billing.folio.Attribution.Outcome;
import org.switchboard.billing.folio.FolioBooking.Holder;
import org.switchboard.billing.folio.Occupancy;
import org.switchboard.core.folio.model.ChargedCall;
import org.switchboard.core.folio.model.LedgerEntry;
import org.switchboard.core.folio.model.PendingPosting;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import static org.switchboard.core.storage.UtcColumns.instant;
import static org.switchboard.core.storage.UtcColumns.utc;
import static org.switchboard.core.storage.jooq.Tables.CALLS;
import static org.switchboard.core.storage.jooq.Tables.CALL_CHARGES;
import static org.switchboard.core.storage.jooq.Tables.CLOSED_DATES;
import static org.switchboard.core.storage.jooq.Tables.FOLIO_ENTRIES;
import static org.switchboard.core.storage.jooq.Tables.GUEST_ACCOUNTS;
import static org.switchboard.core.storage.jooq.Tables.LEDGER_STATE;
import static org.switchboard.core.storage.jooq.Tables.POSTING_OUTBOX;
import static org.switchboard.core.storage.jooq.Tables.ROOM_OCCUPANCY;

/** The folio ledger inside one transaction ({@link FolioLedger#inTransaction}): what it writes commits together. */
public final class LedgerTransaction {

    private final DSLContext tx;
    private final ZoneId zone;
    private final java.time.Duration provisionalWait;

    LedgerTransaction(DSLContext tx, ZoneId zone, java.time.Duration provisionalWait) {
        this.tx = tx;
        this.zone = zone;
        this.provisionalWait = provisionalWait;
    }


    /** The last closed business date, read under a shared lock held to the end of the transaction. */
    public Optional<LocalDate> lastClosedShared() {
        return Optional.ofNullable(tx.select(LEDGER_STATE.LAST_CLOSED).from(LEDGER_STATE).where(LEDGER_STATE.ID.eq(1))
                .forShare().fetchOne(LEDGER_STATE.LAST_CLOSED));
    }

    /** The last closed business date, locked against postings until the transaction ends. */
    public Optional<LocalDate> lastClosedExclusive() {
        return Optional.ofNullable(tx.select(LEDGER_STATE.LAST_CLOSED).from(LEDGER_STATE).where(LEDGER_STATE.ID.eq(1))
                .forUpdate().fetchOne(LEDGER_STATE.LAST_CLOSED));
    }

    /**
     * Up to {@code max} outbox rows not yet posted, oldest first, locked (rows another poster holds are skipped).
     * A charge on a guessed duration waits for its CDR until the provisional wait is over at {@code now}.
     */
    public List<PendingPosting> claimPending(int max, Instant now) {
        return claim(DSL.noCondition(), max, now);
    }

    /** One outbox row, if it is still pending, not provisional at {@code now}, and no other poster holds it. */
    public List<PendingPosting> claim(long outboxId, Instant now) {
        return claim(POSTING_OUTBOX.ID.eq(outboxId), 1, now);
    }

    private List<PendingPosting> claim(org.jooq.Condition which, int max, Instant now) {
        // Only the outbox is read here: the calls are locked after the claim (lockCalls), in id order.
        org.jooq.Condition notProvisional = POSTING_OUTBOX.PROVISIONAL.isFalse()
                .or(POSTING_OUTBOX.CREATED_AT.le(utc(now.minus(provisionalWait))));
        return tx.select(POSTING_OUTBOX.ID, POSTING_OUTBOX.CALL_ID, POSTING_OUTBOX.CAUSE).from(POSTING_OUTBOX)
                .where(POSTING_OUTBOX.DONE_AT.isNull()).and(POSTING_OUTBOX.HELD_AT.isNull()).and(which)
                .and(notProvisional)
                .orderBy(POSTING_OUTBOX.ID).limit(max)
                .forUpdate().skipLocked()
                .fetch(r -> new PendingPosting(r.value1(), r.value2(), AuditLine.Cause.valueOf(r.value3())));
    }

    /**
     * Locks the calls' rows until the transaction ends, in id order: two posters holding outbox rows of the
     * same call (say, the capture's and a correction's) then book it one after the other, the second seeing
     * what the first booked. Call before the first plain read, so this transaction's snapshot starts after.
     */
    public void lockCalls(Collection<Long> ids) {
        tx.select(CALLS.ID).from(CALLS).where(CALLS.ID.in(ids)).orderBy(CALLS.ID).forUpdate().fetch();
    }

    /** The calls with their current charges. */
    public Map<Long, ChargedCall> calls(Collection<Long> ids) {
        Map<Long, ChargedCall> out = new HashMap<>();
        tx.select(CALLS.ID, CALLS.EXTENSION, CALLS.ROOM, CALLS.CALLEE_NUMBER, CALLS.STARTED_AT, CALLS.ENDED_AT,
                        CALLS.TALK_MS, CALL_CHARGES.STATUS, CALL_CHARGES.CURRENCY, CALL_CHARGES.CATEGORY,
                        CALL_CHARGES.AREA, CALL_CHARGES.AMOUNT, CALL_CHARGES.SERVICE_FEE, CALL_CHARGES.SURCHARGE,
                        CALL_CHARGES.TAX, CALL_CHARGES.TOTAL)
                .from(CALLS).leftJoin(CALL_CHARGES).on(CALL_CHARGES.CALL_ID.eq(CALLS.ID))
                .where(CALLS.ID.in(ids))
                .forEach(r -> out.put(r.get(CALLS.ID), FolioLedger.chargedCall(r)));
        return out;
    }

    /** The occupancies of these rooms that overlap [from, to). */
    public List<Occupancy> occupancies(Collection<String> rooms, Instant from, Instant to) {
        var guest = GUEST_ACCOUNTS.as("guest");
        var main = GUEST_ACCOUNTS.as("main");
        return tx.select(ROOM_OCCUPANCY.ROOM, ROOM_OCCUPANCY.FROM_AT, ROOM_OCCUPANCY.TO_AT, guest.ID, guest.ACCOUNT_ID,
                        guest.NAME, guest.CURRENCY, guest.CHECKED_OUT_AT, main.ID, main.ACCOUNT_ID, main.NAME,
                        main.CURRENCY, main.CHECKED_OUT_AT)
                .from(ROOM_OCCUPANCY).join(guest).on(guest.ID.eq(ROOM_OCCUPANCY.ACCOUNT_PK))
                .leftJoin(main).on(main.ID.eq(guest.MAIN_ACCOUNT_ID))
                .where(ROOM_OCCUPANCY.ROOM.in(rooms)).and(ROOM_OCCUPANCY.FROM_AT.lt(utc(to)))
                .and(ROOM_OCCUPANCY.TO_AT.isNull().or(ROOM_OCCUPANCY.TO_AT.gt(utc(from))))
                .fetch(r -> {
                    Occupancy.Account g = new Occupancy.Account(r.get(guest.ID), r.get(guest.ACCOUNT_ID),
                            r.get(guest.NAME), r.get(guest.CURRENCY));
                    boolean sharer = r.get(main.ID) != null;
                    Occupancy.Account payer = sharer ? new Occupancy.Account(r.get(main.ID), r.get(main.ACCOUNT_ID),
                            r.get(main.NAME), r.get(main.CURRENCY)) : g;
                    var payerOut = sharer ? r.get(main.CHECKED_OUT_AT) : r.get(guest.CHECKED_OUT_AT);
                    return new Occupancy(r.get(ROOM_OCCUPANCY.ROOM), g, payer, instant(r.get(ROOM_OCCUPANCY.FROM_AT)),
                            instant(r.get(ROOM_OCCUPANCY.TO_AT)), instant(payerOut));
                });
    }

    /** What the ledger holds for each call, per holder. */
    public Map<Long, Map<Holder, FolioLedger.Held>> booked(Collection<Long> callIds) {
        Map<Long, Map<Holder, FolioLedger.Held>> out = new HashMap<>();
        tx.select(FOLIO_ENTRIES.CALL_ID, FOLIO_ENTRIES.OUTCOME, FOLIO_ENTRIES.ACCOUNT_PK,
                        DSL.max(FOLIO_ENTRIES.ACCOUNT_ID), DSL.max(FOLIO_ENTRIES.ACCOUNT_NAME),
                        DSL.max(FOLIO_ENTRIES.CURRENCY), DSL.sum(FOLIO_ENTRIES.AMOUNT), DSL.sum(FOLIO_ENTRIES.SERVICE_FEE),
                        DSL.sum(FOLIO_ENTRIES.SURCHARGE), DSL.sum(FOLIO_ENTRIES.TAX), DSL.sum(FOLIO_ENTRIES.TOTAL))
                .from(FOLIO_ENTRIES).where(FOLIO_ENTRIES.CALL_ID.in(callIds))
                .groupBy(FOLIO_ENTRIES.CALL_ID, FOLIO_ENTRIES.OUTCOME, FOLIO_ENTRIES.ACCOUNT_PK)
                .forEach(r -> {
                    int scale = FolioLedger.scale(r.value6());
                    Amounts net = new Amounts(FolioLedger.money(r.value7(), scale), FolioLedger.money(r.value8(), scale),
                            FolioLedger.money(r.value9(), scale), FolioLedger.money(r.value10(), scale), FolioLedger.money(r.value11(), scale));
                    Occupancy.Account payer = r.value3() == null ? null
                            : new Occupancy.Account(r.value3(), r.value4(), r.value5(), null);
                    out.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>())
                            .put(new Holder(Outcome.valueOf(r.value2()), r.value3()), new FolioLedger.Held(payer, net));
                });
        return out;
    }

    public void insert(List<LedgerEntry> entries, Instant at) {
        if (entries.isEmpty()) {
            return;
        }
        var insert = tx.insertInto(FOLIO_ENTRIES, FOLIO_ENTRIES.OUTBOX_ID, FOLIO_ENTRIES.LINE_NO, FOLIO_ENTRIES.CALL_ID,
                FOLIO_ENTRIES.BOOKED_ON, FOLIO_ENTRIES.CALL_DATE, FOLIO_ENTRIES.KIND, FOLIO_ENTRIES.CAUSE,
                FOLIO_ENTRIES.OUTCOME, FOLIO_ENTRIES.ACCOUNT_PK, FOLIO_ENTRIES.ACCOUNT_ID, FOLIO_ENTRIES.ACCOUNT_NAME,
                FOLIO_ENTRIES.ROOM, FOLIO_ENTRIES.EXTENSION, FOLIO_ENTRIES.DIALLED, FOLIO_ENTRIES.STARTED_AT,
                FOLIO_ENTRIES.SECONDS, FOLIO_ENTRIES.CATEGORY, FOLIO_ENTRIES.AREA, FOLIO_ENTRIES.CURRENCY,
                FOLIO_ENTRIES.AMOUNT, FOLIO_ENTRIES.SERVICE_FEE, FOLIO_ENTRIES.SURCHARGE, FOLIO_ENTRIES.TAX,
                FOLIO_ENTRIES.TOTAL, FOLIO_ENTRIES.DETAIL, FOLIO_ENTRIES.CREATED_AT);
        for (LedgerEntry e : entries) {
            AuditLine l = e.line();
            Amounts a = l.amounts();
            insert = insert.values(e.outboxId(), e.lineNo(), e.callId(), l.bookedOn(), l.callDate(), l.kind().name(),
                    l.cause().name(), l.outcome().name(), e.accountKey(), l.accountId(), l.accountName(), l.room(),
                    l.extension(), l.dialled(), utc(l.start().toInstant()), l.seconds(), l.category(), l.area(),
                    e.currency(), a.amount(), a.serviceFee(), a.surcharge(), a.tax(), a.total(),
                    FolioLedger.truncate(l.detail(), 300), utc(at));
        }
        insert.execute();
    }

    public void markDone(Collection<Long> outboxIds, Instant at) {
        tx.update(POSTING_OUTBOX).set(POSTING_OUTBOX.DONE_AT, utc(at)).where(POSTING_OUTBOX.ID.in(outboxIds)).execute();
    }

    /** Outbox rows not yet posted for calls that started before {@code before}. */
    public int pendingBefore(Instant before) {
        return PostingOutbox.pendingBefore(tx, before);
    }

    /** Business dates after {@code after} (all, if null) and before {@code date} that have entries. */
    public Optional<LocalDate> earliestOpenWithEntriesBefore(LocalDate after, LocalDate date) {
        var cond = FOLIO_ENTRIES.BOOKED_ON.lt(date);
        if (after != null) {
            cond = cond.and(FOLIO_ENTRIES.BOOKED_ON.gt(after));
        }
        return Optional.ofNullable(tx.select(DSL.min(FOLIO_ENTRIES.BOOKED_ON)).from(FOLIO_ENTRIES).where(cond)
                .fetchOne(DSL.min(FOLIO_ENTRIES.BOOKED_ON)));
    }

    public void close(FolioLedger.Closure c) {
        tx.insertInto(CLOSED_DATES).set(CLOSED_DATES.BUSINESS_DATE, c.date()).set(CLOSED_DATES.CLOSED_AT, utc(c.at()))
                .set(CLOSED_DATES.CLOSED_BY, c.by()).set(CLOSED_DATES.CURRENCY, c.currency())
                .set(CLOSED_DATES.RATED_TOTAL, c.rated()).set(CLOSED_DATES.POSTED_TOTAL, c.posted())
                .set(CLOSED_DATES.EXCEPTIONS_TOTAL, c.exceptions()).set(CLOSED_DATES.ENTRIES, c.entries()).execute();
        tx.update(LEDGER_STATE).set(LEDGER_STATE.LAST_CLOSED, c.date()).where(LEDGER_STATE.ID.eq(1)).execute();
    }

    /** The read side, inside this transaction (for closing: the figures checked are the ones stored). */
    public FolioLedger reads() {
        return new FolioLedger(tx, zone, provisionalWait);
    }

    public DSLContext dsl() {
        return tx;
    }
}
