package org.switchboard.core.calls.infrastructure;

import org.switchboard.core.calls.model.StoredCall;
import org.switchboard.core.calls.model.CallEdit;
import org.switchboard.core.calls.model.CallCorrection;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.switchboard.core.calls.model.CallDirection;
import org.switchboard.core.calls.model.CompletedCall;
import org.switchboard.core.calls.model.CompletedLeg;
import org.switchboard.core.calls.model.Disposition;
import org.switchboard.core.storage.jooq.tables.records.CallLegsRecord;
import org.switchboard.core.storage.jooq.tables.records.CallsRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.switchboard.core.storage.UtcColumns.instant;
import static org.switchboard.core.storage.UtcColumns.utc;
import static org.switchboard.core.storage.jooq.Tables.CALLS;
import static org.switchboard.core.storage.jooq.Tables.CALL_CHARGES;
import static org.switchboard.core.storage.jooq.Tables.CALL_EDITS;
import static org.switchboard.core.storage.jooq.Tables.CALL_LEGS;
import static org.switchboard.core.storage.jooq.Tables.GUEST_ACCOUNTS;
import static org.switchboard.core.storage.jooq.Tables.ROOM_OCCUPANCY;

/**
 * Stores completed calls exactly once: the call row is keyed by Asterisk's Linkedid (unique), so a
 * call replayed after a reconnect or restart is recognised and skipped; the call and its legs are
 * written in one transaction, so there is never a half-written call.
 */
public final class CallRepository {

    private final DSLContext dsl;

    public CallRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The new call's id if stored now; null if a call with that Linkedid was already stored. */
    public Long store(CompletedCall c, Instant storedAt) {
        return store(c, storedAt, "PBX", null);
    }

    /** Stores a call record entered by hand (录入话单), marked as manual with who entered it. */
    public long storeManual(CompletedCall c, String enteredBy, Instant storedAt) {
        return store(c, storedAt, "MANUAL", enteredBy);
    }

    /**
     * Stores calls captured from the PBX together, in one transaction (one commit for the lot, not one per call):
     * the ids in order, null for a call whose Linkedid was already stored. Nothing is stored if it fails.
     */
    public List<Long> storeAll(List<CompletedCall> calls, Instant storedAt) {
        if (calls.isEmpty()) {
            return List.of();
        }
        // Four statements for the lot (which exist, the calls, their ids, the legs) instead of four or more per call.
        return dsl.transactionResult(trx -> {
            DSLContext tx = trx.dsl();
            Set<String> taken = new HashSet<>(tx.select(CALLS.LINKEDID).from(CALLS)
                    .where(CALLS.LINKEDID.in(calls.stream().map(CompletedCall::linkedId).toList())).fetch(CALLS.LINKEDID));
            List<CompletedCall> fresh = new ArrayList<>(calls.size());
            for (CompletedCall c : calls) {
                if (taken.add(c.linkedId())) {
                    fresh.add(c);
                }
            }
            Map<String, Long> ids = fresh.isEmpty() ? new HashMap<>() : insertCalls(tx, fresh, storedAt);
            List<Long> out = new ArrayList<>(calls.size());
            for (CompletedCall c : calls) {
                out.add(ids.remove(c.linkedId())); // null for one stored before, or twice in this lot
            }
            return out;
        });
    }

    /** Inserts new calls and their legs as two multi-row statements; returns their ids by Linkedid. */
    private static Map<String, Long> insertCalls(DSLContext tx, List<CompletedCall> fresh, Instant storedAt) {
        var calls = tx.insertInto(CALLS).set(CallRows.call(tx, fresh.get(0), storedAt, "PBX", null));
        for (CompletedCall c : fresh.subList(1, fresh.size())) {
            calls = calls.newRecord().set(CallRows.call(tx, c, storedAt, "PBX", null));
        }
        calls.execute();
        Map<String, Long> ids = new HashMap<>(tx.select(CALLS.LINKEDID, CALLS.ID).from(CALLS)
                .where(CALLS.LINKEDID.in(fresh.stream().map(CompletedCall::linkedId).toList()))
                .fetchMap(CALLS.LINKEDID, CALLS.ID));
        List<CallLegsRecord> legs = new ArrayList<>();
        for (CompletedCall c : fresh) {
            c.legs().forEach(leg -> legs.add(CallRows.leg(tx, ids.get(c.linkedId()), leg)));
        }
        if (!legs.isEmpty()) {
            var insert = tx.insertInto(CALL_LEGS).set(legs.get(0));
            for (CallLegsRecord leg : legs.subList(1, legs.size())) {
                insert = insert.newRecord().set(leg);
            }
            insert.execute();
        }
        return ids;
    }

    private Long store(CompletedCall c, Instant storedAt, String source, String enteredBy) {
        return dsl.transactionResult(trx -> insert(trx.dsl(), c, storedAt, source, enteredBy));
    }

    private static Long insert(DSLContext tx, CompletedCall c, Instant storedAt, String source, String enteredBy) {
        int inserted = tx.insertInto(CALLS).set(CallRows.call(tx, c, storedAt, source, enteredBy))
                .onDuplicateKeyIgnore().execute();
        if (inserted == 0) {
            return null;
        }
        Long callId = tx.select(CALLS.ID).from(CALLS).where(CALLS.LINKEDID.eq(c.linkedId())).fetchOne(CALLS.ID);
        for (CompletedLeg leg : c.legs()) {
            tx.insertInto(CALL_LEGS).set(CallRows.leg(tx, callId, leg)).execute();
        }
        return callId;
    }

    /**
     * Stores many calls (without their legs) in one transaction and one JDBC batch, skipping any
     * already stored. For imports and benchmarks; the capture stores call by call with legs.
     */
    public void storeAllWithoutLegs(List<CompletedCall> calls, Instant storedAt) {
        dsl.transaction(trx -> {
            DSLContext tx = trx.dsl();
            List<org.jooq.Query> inserts = new java.util.ArrayList<>(calls.size());
            for (CompletedCall c : calls) {
                inserts.add(tx.insertInto(CALLS).set(CallRows.call(tx, c, storedAt, "PBX", null)).onDuplicateKeyIgnore());
            }
            tx.batch(inserts).execute();
        });
    }

    /** When the newest call captured from the PBX ended (where a stopped daemon stopped seeing), if any. */
    /** How far capture has seen the PBX, kept across a crash. */
    public SeenUntil seen() {
        return new SeenUntil(dsl, this);
    }

    public java.util.Optional<Instant> lastPbxCallEnd() {
        return java.util.Optional.ofNullable(dsl.select(DSL.max(CALLS.ENDED_AT)).from(CALLS)
                .where(CALLS.SOURCE.eq("PBX")).fetchOne(0, java.time.LocalDateTime.class)).map(t -> instant(t));
    }

    /** Every stored call's id by its Linkedid. For imports and benchmarks. */
    public Map<String, Long> idsByLinkedId() {
        Map<String, Long> ids = new java.util.HashMap<>();
        dsl.select(CALLS.LINKEDID, CALLS.ID).from(CALLS).fetch().forEach(r -> ids.put(r.value1(), r.value2()));
        return ids;
    }

    /**
     * Corrects a stored call and records every changed field in the audit trail, in one
     * transaction. Returns false if there is no such call; refuses an end before the start.
     */
    public boolean correct(long callId, CallCorrection fix, java.time.ZoneId hotelZone, String by, String reason, Instant at) {
        return dsl.transactionResult(trx -> {
            DSLContext tx = trx.dsl();
            CallsRecord r = tx.selectFrom(CALLS).where(CALLS.ID.eq(callId)).forUpdate().fetchOne();
            if (r == null) {
                return false;
            }
            Instant oldStart = instant(r.getStartedAt());
            Instant oldEnd = instant(r.getEndedAt());
            Instant start = fix.start() != null ? fix.start() : oldStart;
            Instant end = fix.end() != null ? fix.end() : oldEnd;
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("end " + end + " is not after start " + start);
            }
            List<org.jooq.Query> trail = new java.util.ArrayList<>();
            if (fix.dialled() != null && !fix.dialled().equals(r.getCalleeNumber())) {
                trail.add(edit(tx, callId, at, by, "dialled", r.getCalleeNumber(), fix.dialled(), reason));
                r.setCalleeNumber(fix.dialled());
            }
            if (!start.equals(oldStart)) {
                trail.add(edit(tx, callId, at, by, "start", oldStart.toString(), start.toString(), reason));
            }
            if (!end.equals(oldEnd)) {
                trail.add(edit(tx, callId, at, by, "end", oldEnd.toString(), end.toString(), reason));
            }
            if (!start.equals(oldStart) || !end.equals(oldEnd)) {
                Instant answered = r.getAnsweredAt() == null ? null : instant(r.getAnsweredAt());
                Instant talkFrom = answered == null || answered.equals(oldStart) || answered.isBefore(start) ? start : answered;
                r.setStartedAt(utc(start));
                r.setAnsweredAt(answered == null ? null : utc(talkFrom));
                r.setEndedAt(utc(end));
                r.setTalkMs(answered == null ? 0L : Duration.between(talkFrom, end).toMillis());
                r.setLocalDate(start.atZone(hotelZone).toLocalDate());
            }
            if (trail.isEmpty()) {
                return true;
            }
            r.store();
            tx.batch(trail).execute();
            return true;
        });
    }

    private static org.jooq.Query edit(DSLContext tx, long callId, Instant at, String by, String field, String oldValue,
                                       String newValue, String reason) {
        return tx.insertInto(CALL_EDITS).set(CALL_EDITS.CALL_ID, callId).set(CALL_EDITS.EDITED_AT, utc(at))
                .set(CALL_EDITS.EDITED_BY, by).set(CALL_EDITS.FIELD, field).set(CALL_EDITS.OLD_VALUE, oldValue)
                .set(CALL_EDITS.NEW_VALUE, newValue).set(CALL_EDITS.REASON, reason);
    }

    /** The audit trail of a call, oldest first. */
    public List<CallEdit> history(long callId) {
        return dsl.selectFrom(CALL_EDITS).where(CALL_EDITS.CALL_ID.eq(callId)).orderBy(CALL_EDITS.ID)
                .fetch(e -> new CallEdit(instant(e.getEditedAt()), e.getEditedBy(), e.getField(), e.getOldValue(),
                        e.getNewValue(), e.getReason()));
    }


    /** Calls of one hotel-zone date, optionally for one room and/or one extension (any leg), by start time. */
    public List<StoredCall> findByDate(LocalDate date, String room, String extension) {
        return findBetween(date, date, room, extension);
    }

    /** Calls of the hotel-zone dates [from, to], optionally for one room and/or one extension (any leg). */
    public List<StoredCall> findBetween(LocalDate from, LocalDate to, String room, String extension) {
        return findBetween(from, to, room, extension, null);
    }

    /**
     * As above, and optionally for a guest account (帐户名, or the account id; part of it is enough):
     * calls made from the rooms the account occupied, while it occupied them.
     */
    public List<StoredCall> findBetween(LocalDate from, LocalDate to, String room, String extension, String account) {
        Condition where = CALLS.LOCAL_DATE.between(from, to);
        if (account != null && !account.isBlank()) {
            String like = "%" + account.trim().replace("%", "\\%").replace("_", "\\_") + "%";
            where = where.and(DSL.exists(DSL.selectOne().from(ROOM_OCCUPANCY).join(GUEST_ACCOUNTS)
                    .on(GUEST_ACCOUNTS.ID.eq(ROOM_OCCUPANCY.ACCOUNT_PK))
                    .where(ROOM_OCCUPANCY.ROOM.eq(CALLS.ROOM))
                    .and(ROOM_OCCUPANCY.FROM_AT.le(CALLS.STARTED_AT))
                    .and(ROOM_OCCUPANCY.TO_AT.isNull().or(ROOM_OCCUPANCY.TO_AT.gt(CALLS.STARTED_AT)))
                    .and(GUEST_ACCOUNTS.NAME.like(like).or(GUEST_ACCOUNTS.ACCOUNT_ID.like(like)))));
        }
        if (room != null) {
            where = where.and(CALLS.ROOM.eq(room));
        }
        if (extension != null) {
            where = where.and(CALLS.EXTENSION.eq(extension).or(CALLS.ANSWERED_BY.eq(extension))
                    .or(DSL.exists(DSL.selectOne().from(CALL_LEGS)
                            .where(CALL_LEGS.CALL_ID.eq(CALLS.ID)).and(CALL_LEGS.EXTENSION.eq(extension)))));
        }
        return select().where(where).orderBy(CALLS.STARTED_AT, CALLS.ID).fetch(this::toStored);
    }

    public java.util.Optional<StoredCall> findById(long id) {
        return select().where(CALLS.ID.eq(id)).fetchOptional(this::toStored);
    }

    public List<StoredCall> findByLinkedId(String linkedId) {
        return select().where(CALLS.LINKEDID.eq(linkedId)).fetch(this::toStored);
    }

    private org.jooq.SelectOnConditionStep<org.jooq.Record> select() {
        return dsl.select(CALLS.fields())
                .select(CALL_CHARGES.CURRENCY, CALL_CHARGES.TOTAL, CALL_CHARGES.STATUS, CALL_CHARGES.REASON)
                .from(CALLS).leftJoin(CALL_CHARGES).on(CALL_CHARGES.CALL_ID.eq(CALLS.ID));
    }

    public int countLegs(String linkedId) {
        return dsl.fetchCount(CALL_LEGS.join(CALLS).on(CALLS.ID.eq(CALL_LEGS.CALL_ID)), CALLS.LINKEDID.eq(linkedId));
    }

    public int count() {
        return dsl.fetchCount(CALLS);
    }

    private StoredCall toStored(org.jooq.Record row) {
        CallsRecord r = row.into(CALLS);
        String charge = row.get(CALL_CHARGES.STATUS) == null ? null
                : row.get(CALL_CHARGES.TOTAL) == null ? "unrated: " + String.valueOf(row.get(CALL_CHARGES.REASON))
                        .toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                : row.get(CALL_CHARGES.CURRENCY) + " " + row.get(CALL_CHARGES.TOTAL).setScale(
                        java.util.Currency.getInstance(row.get(CALL_CHARGES.CURRENCY)).getDefaultFractionDigits(),
                        java.math.RoundingMode.UNNECESSARY).toPlainString();
        return new StoredCall(r.getLinkedid(), CallDirection.valueOf(r.getDirection()), r.getCallerNumber(),
                r.getCalleeNumber(), r.getTrunkDigits(), r.getExtension(), r.getAnsweredBy(), r.getRoom(),
                r.getDepartment(), instant(r.getStartedAt()), instant(r.getAnsweredAt()), instant(r.getEndedAt()),
                r.getRingMs() == null ? null : Duration.ofMillis(r.getRingMs()), Duration.ofMillis(r.getTalkMs()),
                Disposition.fromCdrName(r.getDisposition()), r.getHangupCause(), r.getCdrCheck(), r.getCompleteness(),
                r.getCdrBillsec(), r.getTimeSource(), charge, r.getId(), r.getSource(), r.getEnteredBy());
    }

}
