package org.switchboard.core.metrics.infrastructure;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;
import org.switchboard.core.calls.model.CallDirection;
import org.switchboard.core.calls.model.CompletedLeg;
import org.switchboard.core.calls.model.LegRole;
import org.switchboard.core.metrics.model.AnswerOutcome;
import org.switchboard.core.metrics.model.ExtensionRing;
import org.switchboard.core.metrics.model.Measurement;
import org.switchboard.core.metrics.model.OfferedCall;
import org.switchboard.core.metrics.model.RingResult;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.switchboard.core.storage.UtcColumns.instant;
import static org.switchboard.core.storage.UtcColumns.utc;
import static org.switchboard.core.storage.jooq.Tables.ANSWER_MEASUREMENTS;
import static org.switchboard.core.storage.jooq.Tables.ANSWER_PHONES;
import static org.switchboard.core.storage.jooq.Tables.CALLS;
import static org.switchboard.core.storage.jooq.Tables.CALL_LEGS;

/**
 * Stored answer-speed measurements. A call's measurements and its {@code measured} mark are written
 * in one transaction, and written once: measuring a call again changes nothing.
 */
public final class MeasurementRepository {

    private final DSLContext dsl;

    public MeasurementRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores what was measured of each call (possibly nothing) and marks the calls measured. */
    public void store(Map<Long, List<Measurement>> byCall) {
        dsl.transaction(trx -> {
            DSLContext tx = trx.dsl();
            List<Query> queries = new ArrayList<>();
            for (Map.Entry<Long, List<Measurement>> e : byCall.entrySet()) {
                for (Measurement m : e.getValue()) {
                    queries.add(insert(tx, m));
                    for (ExtensionRing p : m.phones()) {
                        queries.add(tx.insertInto(ANSWER_PHONES)
                                .set(ANSWER_PHONES.CALL_ID, m.callId())
                                .set(ANSWER_PHONES.DEPARTMENT, m.department())
                                .set(ANSWER_PHONES.EXTENSION, p.extension())
                                .set(ANSWER_PHONES.RING_STARTED_AT, utc(p.ringStartedAt()))
                                .set(ANSWER_PHONES.RING_MS, p.ringMs())
                                .set(ANSWER_PHONES.RINGS, p.rings())
                                .set(ANSWER_PHONES.RESULT, p.result().name())
                                .set(ANSWER_PHONES.WITHIN_THRESHOLD, p.withinThreshold())
                                .onDuplicateKeyIgnore());
                    }
                }
            }
            if (!queries.isEmpty()) {
                tx.batch(queries).execute();
            }
            tx.update(CALLS).set(CALLS.MEASURED, true).where(CALLS.ID.in(byCall.keySet())).execute();
        });
    }

    private static Query insert(DSLContext tx, Measurement m) {
        return tx.insertInto(ANSWER_MEASUREMENTS)
                .set(ANSWER_MEASUREMENTS.CALL_ID, m.callId())
                .set(ANSWER_MEASUREMENTS.DEPARTMENT, m.department())
                .set(ANSWER_MEASUREMENTS.OFFERED_EXTENSION, m.offeredExtension())
                .set(ANSWER_MEASUREMENTS.RING_STARTED_AT, utc(m.ringStartedAt()))
                .set(ANSWER_MEASUREMENTS.ANSWERED_AT, utc(m.answeredAt()))
                .set(ANSWER_MEASUREMENTS.RING_MS, m.ringMs())
                .set(ANSWER_MEASUREMENTS.RINGS, m.rings())
                .set(ANSWER_MEASUREMENTS.ANSWERED_BY, m.answeredBy())
                .set(ANSWER_MEASUREMENTS.TALK_MS, m.talkMs())
                .set(ANSWER_MEASUREMENTS.OUTCOME, m.outcome().name())
                .set(ANSWER_MEASUREMENTS.THRESHOLD_MS, m.thresholdMs())
                .set(ANSWER_MEASUREMENTS.CALL_TYPE, m.callType())
                .set(ANSWER_MEASUREMENTS.TALK_TARGET_S, m.talkTargetSeconds())
                .set(ANSWER_MEASUREMENTS.SHIFT_DATE, m.shiftDate())
                .set(ANSWER_MEASUREMENTS.SHIFT_NAME, m.shiftName())
                .set(ANSWER_MEASUREMENTS.LOCAL_HOUR, m.localHour())
                .onDuplicateKeyIgnore();
    }

    /** Captured calls of the given directions not measured yet (oldest first), with their legs. */
    public List<OfferedCall> unmeasured(java.util.Set<CallDirection> directions, int limit) {
        Map<Long, Record> calls = new LinkedHashMap<>();
        dsl.select(CALLS.ID, CALLS.DIRECTION, CALLS.TALK_MS).from(CALLS)
                .where(CALLS.MEASURED.isFalse()).and(CALLS.SOURCE.eq("PBX"))
                .and(CALLS.DIRECTION.in(directions.stream().map(Enum::name).toList()))
                .orderBy(CALLS.ID).limit(limit).fetch().forEach(r -> calls.put(r.get(CALLS.ID), r));
        if (calls.isEmpty()) {
            return List.of();
        }
        Map<Long, List<CompletedLeg>> legs = new HashMap<>();
        dsl.selectFrom(CALL_LEGS).where(CALL_LEGS.CALL_ID.in(calls.keySet())).orderBy(CALL_LEGS.ID).fetch()
                .forEach(l -> legs.computeIfAbsent(l.getCallId(), k -> new ArrayList<>()).add(new CompletedLeg(
                        l.getUniqueid(), l.getChannel(), LegRole.valueOf(l.getRole()), l.getExtension(),
                        instant(l.getCreatedAt()), instant(l.getRingStartedAt()), instant(l.getAnsweredAt()),
                        instant(l.getHungUpAt()), l.getDialStatus(), l.getHangupCause())));
        List<OfferedCall> out = new ArrayList<>();
        calls.forEach((id, r) -> out.add(new OfferedCall(id, CallDirection.valueOf(r.get(CALLS.DIRECTION)),
                Duration.ofMillis(r.get(CALLS.TALK_MS)), legs.getOrDefault(id, List.of()))));
        return out;
    }

    /** The measurements of business days {@code from}..{@code to}, optionally of one department, in call order, with their phones. */
    public List<Measurement> find(LocalDate from, LocalDate to, String department) {
        return find(from, to, department, true);
    }

    /** As {@link #find(LocalDate, LocalDate, String)}; without {@code withPhones} each phone list is empty (faster). */
    public List<Measurement> find(LocalDate from, LocalDate to, String department, boolean withPhones) {
        org.jooq.Condition where = ANSWER_MEASUREMENTS.SHIFT_DATE.between(from, to);
        if (department != null) {
            where = where.and(ANSWER_MEASUREMENTS.DEPARTMENT.eq(department));
        }
        Map<String, List<ExtensionRing>> phones = withPhones ? phones(where) : Map.of();
        return dsl.selectFrom(ANSWER_MEASUREMENTS).where(where).orderBy(ANSWER_MEASUREMENTS.CALL_ID,
                        ANSWER_MEASUREMENTS.DEPARTMENT).fetch()
                .map(m -> new Measurement(m.getCallId(), m.getDepartment(), m.getOfferedExtension(),
                        instant(m.getRingStartedAt()), instant(m.getAnsweredAt()), m.getRingMs(), m.getRings(),
                        m.getAnsweredBy(), m.getTalkMs(), AnswerOutcome.valueOf(m.getOutcome()), m.getThresholdMs(),
                        m.getCallType(), m.getTalkTargetS(), m.getShiftDate(), m.getShiftName(), m.getLocalHour(),
                        phones.getOrDefault(m.getCallId() + "/" + m.getDepartment(), List.of())));
    }

    /** The phones of the selected measurements, by "callId/department". */
    private Map<String, List<ExtensionRing>> phones(org.jooq.Condition where) {
        Map<String, List<ExtensionRing>> phones = new HashMap<>();
        // A join, not IN (subquery): MariaDB would scan every phone row for the subquery.
        dsl.select(ANSWER_PHONES.fields()).from(ANSWER_PHONES).join(ANSWER_MEASUREMENTS)
                .on(ANSWER_MEASUREMENTS.CALL_ID.eq(ANSWER_PHONES.CALL_ID)
                        .and(ANSWER_MEASUREMENTS.DEPARTMENT.eq(ANSWER_PHONES.DEPARTMENT)))
                .where(where).orderBy(ANSWER_PHONES.ID).fetchInto(ANSWER_PHONES)
                .forEach(p -> phones.computeIfAbsent(p.getCallId() + "/" + p.getDepartment(), k -> new ArrayList<>())
                        .add(new ExtensionRing(p.getExtension(), instant(p.getRingStartedAt()), p.getRingMs(),
                                p.getRings(), RingResult.valueOf(p.getResult()), p.getWithinThreshold())));
        return phones;
    }
}
