package org.switchboard.core.rating.infrastructure;

import org.switchboard.core.rating.model.ChargeableCall;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.switchboard.billing.audit.AuditLine.Cause;
import org.switchboard.billing.rating.RatingResult;
import org.switchboard.core.calls.model.CallDirection;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

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
    public List<ChargeableCall> unratedOutboundCalls() {
        return outbound(DSL.notExists(DSL.selectOne().from(CALL_CHARGES).where(CALL_CHARGES.CALL_ID.eq(CALLS.ID))))
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

    /** Writes many charges and their posting-outbox rows in one transaction and one JDBC batch: all or none. */
    public void saveAll(Map<Long, RatingResult> results, Instant ratedAt, Cause cause) {
        dsl.transaction(trx -> {
            DSLContext tx = trx.dsl();
            List<org.jooq.Query> queries = new java.util.ArrayList<>(results.size() * 2);
            results.forEach((id, r) -> {
                queries.add(upsert(tx, id, r, ratedAt));
                queries.add(tx.insertInto(POSTING_OUTBOX).set(POSTING_OUTBOX.CALL_ID, id)
                        .set(POSTING_OUTBOX.CAUSE, cause.name())
                        .set(POSTING_OUTBOX.CREATED_AT, LocalDateTime.ofInstant(ratedAt, ZoneOffset.UTC)));
            });
            tx.batch(queries).execute();
        });
    }

    private static org.jooq.Query upsert(DSLContext dsl, long callId, RatingResult result, Instant ratedAt) {
        var row = dsl.newRecord(CALL_CHARGES);
        row.setCallId(callId);
        row.setRatedAt(LocalDateTime.ofInstant(ratedAt, ZoneOffset.UTC));
        if (result instanceof RatingResult.Rated r) {
            row.setStatus("RATED");
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
            row.setExplanation(n.detail());
        }
        return dsl.insertInto(CALL_CHARGES).set(row).onDuplicateKeyUpdate().set(row);
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
