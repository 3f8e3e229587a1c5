package org.switchboard.core.rating.infrastructure;

import org.switchboard.core.rating.model.ChargeableCall;
import org.jooq.DSLContext;
import org.switchboard.core.calls.model.Completeness;
import org.switchboard.core.calls.model.TimeSource;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.switchboard.billing.audit.AuditLine.Cause;
import org.switchboard.billing.rating.RatingResult;
import org.switchboard.core.calls.model.CallDirection;
import org.switchboard.core.storage.jooq.tables.records.CallChargesRecord;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.switchboard.core.storage.UtcColumns.utc;
import static org.switchboard.core.storage.jooq.Tables.CALLS;
import static org.switchboard.core.storage.jooq.Tables.CALL_CHARGES;
import static org.switchboard.core.storage.jooq.Tables.POSTING_OUTBOX;

/**
 * Charges of stored calls: one row per call. Each write also queues the call for folio posting in the
 * same transaction (the posting outbox), so no charge is ever left unposted by a crash.
 */
public final class ChargeRepository {


    private final DSLContext dsl;

    public ChargeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Outbound calls whose hotel-zone date is within [from, to], in id order. */
    public List<ChargeableCall> outboundCalls(LocalDate from, LocalDate to) {
        return outbound(CALLS.LOCAL_DATE.between(from, to))
                .orderBy(CALLS.ID)
                .fetch(ChargeRepository::chargeable);
    }

    /** Outbound calls that have no charge row yet (e.g. stored while the daemon was stopping). */
    public List<ChargeableCall> unratedOutboundCalls(Instant storedBefore) {
        return outbound(DSL.notExists(DSL.selectOne().from(CALL_CHARGES).where(CALL_CHARGES.CALL_ID.eq(CALLS.ID)))
                .and(CALLS.STORED_AT.lt(utc(storedBefore))))
                .orderBy(CALLS.ID)
                .fetch(ChargeRepository::chargeable);
    }

    /** One stored outbound call, if it is one. */
    public java.util.Optional<ChargeableCall> outboundCall(long callId) {
        return outbound(CALLS.ID.eq(callId)).fetchOptional(ChargeRepository::chargeable);
    }

    /** The stored totals of these calls (calls without a rated charge are absent). */
    public Map<Long, BigDecimal> totals(List<Long> callIds) {
        return dsl.select(CALL_CHARGES.CALL_ID, CALL_CHARGES.TOTAL).from(CALL_CHARGES)
                .where(CALL_CHARGES.CALL_ID.in(callIds)).and(CALL_CHARGES.TOTAL.isNotNull())
                .fetchMap(CALL_CHARGES.CALL_ID, CALL_CHARGES.TOTAL);
    }

    /** Writes the call's charge, replacing an earlier one (a re-rating), and queues it for posting. */
    public void save(long callId, RatingResult result, Instant ratedAt, Cause cause) {
        saveAll(Map.of(callId, result), ratedAt, cause);
    }

    /** The calls among {@code ids} stored with a guessed duration ({@link Completeness#guessed}): their charges are provisional. */
    private static java.util.Set<Long> guessed(DSLContext tx, java.util.Collection<Long> ids) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        tx.select(CALLS.ID, CALLS.COMPLETENESS, CALLS.TIME_SOURCE).from(CALLS).where(CALLS.ID.in(ids)).forEach(r -> {
            if (Completeness.valueOf(r.value2()).guessed(TimeSource.valueOf(r.value3()))) {
                out.add(r.value1());
            }
        });
        return out;
    }

    /**
     * Writes many charges (replacing earlier ones) and their posting-outbox rows in one transaction: all or none.
     * Two multi-row statements for the lot, not two per call.
     */
    public void saveAll(Map<Long, RatingResult> results, Instant ratedAt, Cause cause) {
        if (results.isEmpty()) {
            return;
        }
        dsl.transaction(trx -> {
            DSLContext tx = trx.dsl();
            List<CallChargesRecord> rows = new java.util.ArrayList<>(results.size());
            results.forEach((id, r) -> rows.add(chargeRow(tx, id, r, ratedAt)));
            var charges = tx.insertInto(CALL_CHARGES).set(rows.get(0));
            for (CallChargesRecord row : rows.subList(1, rows.size())) {
                charges = charges.newRecord().set(row);
            }
            var update = charges.onDuplicateKeyUpdate().set(CALL_CHARGES.RATED_AT, DSL.excluded(CALL_CHARGES.RATED_AT));
            for (org.jooq.TableField<CallChargesRecord, ?> f : REPLACED) {
                update = replace(update, f);
            }
            update.execute();
            LocalDateTime created = LocalDateTime.ofInstant(ratedAt, ZoneOffset.UTC);
            java.util.Set<Long> guessed = guessed(tx, results.keySet());
            var outbox = tx.insertInto(POSTING_OUTBOX, POSTING_OUTBOX.CALL_ID, POSTING_OUTBOX.CAUSE, POSTING_OUTBOX.CREATED_AT,
                    POSTING_OUTBOX.PROVISIONAL);
            for (Long id : results.keySet()) {
                outbox = outbox.values(id, cause.name(), created, guessed.contains(id));
            }
            outbox.execute();
            // A charge on confirmed times releases the rows its guess held back: they post what is charged now.
            List<Long> confirmed = results.keySet().stream().filter(id -> !guessed.contains(id)).toList();
            tx.update(POSTING_OUTBOX).set(POSTING_OUTBOX.PROVISIONAL, false).where(POSTING_OUTBOX.CALL_ID.in(confirmed))
                    .and(POSTING_OUTBOX.DONE_AT.isNull()).and(POSTING_OUTBOX.PROVISIONAL.isTrue()).execute();
        });
    }

    /** What a re-rating replaces in an existing charge row: every priced column. */
    private static final List<org.jooq.TableField<CallChargesRecord, ?>> REPLACED = List.of(CALL_CHARGES.STATUS,
            CALL_CHARGES.REASON, CALL_CHARGES.CATEGORY, CALL_CHARGES.AREA, CALL_CHARGES.CURRENCY, CALL_CHARGES.AMOUNT,
            CALL_CHARGES.SERVICE_FEE, CALL_CHARGES.SURCHARGE, CALL_CHARGES.TAX, CALL_CHARGES.TOTAL,
            CALL_CHARGES.TARIFF_VERSION, CALL_CHARGES.RULE, CALL_CHARGES.EXPLANATION);

    private static <T> org.jooq.InsertOnDuplicateSetMoreStep<CallChargesRecord> replace(
            org.jooq.InsertOnDuplicateSetMoreStep<CallChargesRecord> update, org.jooq.TableField<CallChargesRecord, T> f) {
        return update.set(f, DSL.excluded(f));
    }

    /** A charge row with every column set (a multi-row insert needs the same columns in each row). */
    private static CallChargesRecord chargeRow(DSLContext dsl, long callId, RatingResult result, Instant ratedAt) {
        CallChargesRecord row = dsl.newRecord(CALL_CHARGES);
        row.setCallId(callId);
        row.setRatedAt(LocalDateTime.ofInstant(ratedAt, ZoneOffset.UTC));
        if (result instanceof RatingResult.Rated r) {
            row.setStatus("RATED");
            row.setReason(null);
            row.setCategory(r.category().name());
            row.setArea(r.area());
            row.setCurrency(r.total().currency().getCurrencyCode());
            row.setAmount(r.amount().amount());
            row.setServiceFee(r.serviceFee().amount());
            row.setSurcharge(r.surcharge().amount());
            row.setTax(r.tax().amount());
            row.setTotal(r.total().amount());
            row.setTariffVersion(r.tariffVersion());
            row.setRule(r.rule());
            row.setExplanation(r.explanation());
        } else {
            RatingResult.NotRated n = (RatingResult.NotRated) result;
            row.setStatus("NOT_RATED");
            row.setReason(n.reason().name());
            row.setCategory(null);
            row.setArea(null);
            row.setCurrency(null);
            row.setAmount(null);
            row.setServiceFee(null);
            row.setSurcharge(null);
            row.setTax(null);
            row.setTotal(null);
            row.setTariffVersion(null);
            row.setRule(null);
            row.setExplanation(n.detail());
        }
        return row;
    }

    /** The outbound calls meeting the condition, with what the rater needs of them. */
    private org.jooq.SelectConditionStep<? extends Record> outbound(org.jooq.Condition condition) {
        return dsl.select(CALLS.ID, CALLS.EXTENSION, CALLS.CALLEE_NUMBER, CALLS.STARTED_AT, CALLS.TALK_MS, CALLS.TRUNK)
                .from(CALLS).where(CALLS.DIRECTION.eq(CallDirection.OUTBOUND.name())).and(condition);
    }

    private static ChargeableCall chargeable(Record r) {
        return new ChargeableCall(r.get(CALLS.ID), r.get(CALLS.EXTENSION), r.get(CALLS.CALLEE_NUMBER),
                r.get(CALLS.STARTED_AT).toInstant(ZoneOffset.UTC), Duration.ofMillis(r.get(CALLS.TALK_MS)),
                r.get(CALLS.TRUNK));
    }
}
