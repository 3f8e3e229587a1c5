package org.switchboard.core.wakeup.infrastructure;

import org.switchboard.core.storage.Transaction;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.switchboard.core.wakeup.model.AttemptOutcome;
import org.switchboard.core.wakeup.model.CallStatus;
import org.switchboard.core.wakeup.model.WakeupAttempt;
import org.switchboard.core.wakeup.model.WakeupCall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.switchboard.core.storage.UtcColumns.instant;
import static org.switchboard.core.storage.UtcColumns.utc;
import static org.switchboard.core.storage.jooq.Tables.WAKEUP_ATTEMPTS;
import static org.switchboard.core.storage.jooq.Tables.WAKEUP_BOOKINGS;
import static org.switchboard.core.storage.jooq.Tables.WAKEUP_CALLS;

/**
 * Wake-up bookings, their calls and every attempt, in MariaDB. The desk's use cases open the transaction and this
 * repository joins it ({@link #joining}); the caller's own writes (an attempt's outcome) are atomic on their own.
 */
public final class WakeupRepository {

    /** A booking to write: the room, its wall-clock time and the instants of its first day's calls. */
    public record NewBooking(String room, String extension, String localTime, LocalDate firstDate, boolean daily,
                             Duration secondAfter, String bookedBy, String groupName, List<Instant> callsDue) {
    }

    private final DSLContext dsl;

    public WakeupRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The repository on a use case's transaction: what it writes commits with the rest of that use case. */
    public static WakeupRepository joining(Transaction tx) {
        return new WakeupRepository(tx.dsl());
    }

    /** The booking that already has an open call for {@code room} at {@code due}, if any. */
    public Optional<Long> openCallAt(String room, Instant due) {
        return dsl.select(WAKEUP_CALLS.BOOKING_ID).from(WAKEUP_CALLS).join(WAKEUP_BOOKINGS)
                .on(WAKEUP_BOOKINGS.ID.eq(WAKEUP_CALLS.BOOKING_ID))
                .where(WAKEUP_BOOKINGS.ROOM.eq(room)).and(WAKEUP_CALLS.DUE_AT.eq(utc(due)))
                .and(WAKEUP_CALLS.STATUS.eq(CallStatus.SCHEDULED.name())).limit(1)
                .fetchOptional(WAKEUP_CALLS.BOOKING_ID);
    }

    /** Writes a booking and its first day's calls; returns its id. */
    public long insert(NewBooking b, Instant at) {
        long id = dsl.insertInto(WAKEUP_BOOKINGS)
                .set(WAKEUP_BOOKINGS.ROOM, b.room()).set(WAKEUP_BOOKINGS.EXTENSION, b.extension())
                .set(WAKEUP_BOOKINGS.LOCAL_TIME, b.localTime()).set(WAKEUP_BOOKINGS.FIRST_DATE, b.firstDate())
                .set(WAKEUP_BOOKINGS.DAILY, b.daily())
                .set(WAKEUP_BOOKINGS.SECOND_AFTER_S, b.secondAfter() == null ? null : (int) b.secondAfter().toSeconds())
                .set(WAKEUP_BOOKINGS.STATUS, "ACTIVE").set(WAKEUP_BOOKINGS.BOOKED_AT, utc(at))
                .set(WAKEUP_BOOKINGS.BOOKED_BY, b.bookedBy()).set(WAKEUP_BOOKINGS.GROUP_NAME, b.groupName())
                .returningResult(WAKEUP_BOOKINGS.ID).fetchOne().value1();
        insertCalls(dsl, id, b.firstDate(), b.callsDue());
        return id;
    }

    /** A booking's status (ACTIVE, DONE, CANCELLED), its row locked for the rest of the transaction. */
    public Optional<String> lockStatus(long bookingId) {
        return dsl.select(WAKEUP_BOOKINGS.STATUS).from(WAKEUP_BOOKINGS).where(WAKEUP_BOOKINGS.ID.eq(bookingId))
                .forUpdate().fetchOptional(WAKEUP_BOOKINGS.STATUS);
    }

    /** Adds a daily booking's calls for another day; false when they exist already or the booking ended. */
    public boolean addDay(long bookingId, LocalDate date, List<Instant> callsDue) {
        return dsl.transactionResult(trx -> {
            DSLContext tx = trx.dsl();
            String status = tx.select(WAKEUP_BOOKINGS.STATUS).from(WAKEUP_BOOKINGS).where(WAKEUP_BOOKINGS.ID.eq(bookingId))
                    .forUpdate().fetchOne(WAKEUP_BOOKINGS.STATUS);
            boolean exists = tx.fetchExists(WAKEUP_CALLS, WAKEUP_CALLS.BOOKING_ID.eq(bookingId).and(WAKEUP_CALLS.WAKE_DATE.eq(date)));
            if (!"ACTIVE".equals(status) || exists) {
                return false;
            }
            insertCalls(tx, bookingId, date, callsDue);
            return true;
        });
    }

    private static void insertCalls(DSLContext tx, long bookingId, LocalDate date, List<Instant> callsDue) {
        for (int i = 0; i < callsDue.size(); i++) {
            tx.insertInto(WAKEUP_CALLS).set(WAKEUP_CALLS.BOOKING_ID, bookingId).set(WAKEUP_CALLS.CALL_NO, i + 1)
                    .set(WAKEUP_CALLS.WAKE_DATE, date).set(WAKEUP_CALLS.DUE_AT, utc(callsDue.get(i)))
                    .set(WAKEUP_CALLS.STATUS, CallStatus.SCHEDULED.name()).set(WAKEUP_CALLS.ATTEMPTS, 0)
                    .set(WAKEUP_CALLS.NEXT_ATTEMPT, 1).set(WAKEUP_CALLS.NEXT_AT, utc(callsDue.get(i))).execute();
        }
    }

    /** Cancels a booking and its open calls; returns the cancelled calls' ids. */
    public List<Long> cancel(long bookingId, String reason, Instant at) {
        List<Long> calls = dsl.select(WAKEUP_CALLS.ID).from(WAKEUP_CALLS).where(WAKEUP_CALLS.BOOKING_ID.eq(bookingId))
                .and(WAKEUP_CALLS.STATUS.eq(CallStatus.SCHEDULED.name())).fetch(WAKEUP_CALLS.ID);
        dsl.update(WAKEUP_CALLS).set(WAKEUP_CALLS.STATUS, CallStatus.CANCELLED.name())
                .set(WAKEUP_CALLS.OUTCOME_NOTE, reason).set(WAKEUP_CALLS.FINISHED_AT, utc(at))
                .set(WAKEUP_CALLS.NEXT_ATTEMPT, (Integer) null).set(WAKEUP_CALLS.NEXT_AT, (java.time.LocalDateTime) null)
                .where(WAKEUP_CALLS.ID.in(calls)).execute();
        dsl.update(WAKEUP_BOOKINGS).set(WAKEUP_BOOKINGS.STATUS, "CANCELLED").set(WAKEUP_BOOKINGS.ENDED_AT, utc(at))
                .set(WAKEUP_BOOKINGS.END_REASON, reason).where(WAKEUP_BOOKINGS.ID.eq(bookingId)).execute();
        return calls;
    }

    /** Active bookings of a room, oldest first. */
    public List<Long> activeBookings(String room) {
        return dsl.select(WAKEUP_BOOKINGS.ID).from(WAKEUP_BOOKINGS).where(WAKEUP_BOOKINGS.ROOM.eq(room))
                .and(WAKEUP_BOOKINGS.STATUS.eq("ACTIVE")).orderBy(WAKEUP_BOOKINGS.ID).fetch(WAKEUP_BOOKINGS.ID);
    }

    public Optional<WakeupCall> call(long callId) {
        return calls(WAKEUP_CALLS.ID.eq(callId)).stream().findFirst();
    }

    /** Calls still waiting or being attempted, in due order. */
    public List<WakeupCall> openCalls() {
        return calls(WAKEUP_CALLS.STATUS.eq(CallStatus.SCHEDULED.name()));
    }

    /** Open calls whose pending attempt is due at or before {@code now}, in due-then-booking order. */
    public List<WakeupCall> dueCalls(Instant now) {
        return calls(WAKEUP_CALLS.STATUS.eq(CallStatus.SCHEDULED.name()).and(WAKEUP_CALLS.NEXT_AT.le(utc(now))),
                WAKEUP_CALLS.NEXT_AT, WAKEUP_CALLS.ID);
    }

    /** Escalated calls no operator has acknowledged yet, oldest first: the open alarms. */
    public List<WakeupCall> unacknowledgedEscalations() {
        return calls(WAKEUP_CALLS.STATUS.eq(CallStatus.ESCALATED.name()).and(WAKEUP_CALLS.ALARM_ACKNOWLEDGED_AT.isNull()));
    }

    /** Acknowledges an escalated call's alarm; false when it is not an open alarm. */
    public boolean acknowledge(long callId, String by, Instant at) {
        return dsl.update(WAKEUP_CALLS).set(WAKEUP_CALLS.ALARM_ACKNOWLEDGED_AT, utc(at)).set(WAKEUP_CALLS.ALARM_ACKNOWLEDGED_BY, by)
                .where(WAKEUP_CALLS.ID.eq(callId)).and(WAKEUP_CALLS.STATUS.eq(CallStatus.ESCALATED.name()))
                .and(WAKEUP_CALLS.ALARM_ACKNOWLEDGED_AT.isNull()).execute() == 1;
    }

    /** Calls due on a hotel date (the wake date the guest asked for), in due order. */
    public List<WakeupCall> callsOn(LocalDate date) {
        return calls(WAKEUP_CALLS.WAKE_DATE.eq(date));
    }

    public List<WakeupCall> callsOfBooking(long bookingId) {
        return calls(WAKEUP_CALLS.BOOKING_ID.eq(bookingId));
    }

    public List<WakeupCall> callsOfBookings(List<Long> bookingIds) {
        return calls(WAKEUP_CALLS.BOOKING_ID.in(bookingIds));
    }

    private List<WakeupCall> calls(org.jooq.Condition where) {
        return calls(where, WAKEUP_CALLS.DUE_AT, WAKEUP_CALLS.ID);
    }

    private List<WakeupCall> calls(org.jooq.Condition where, org.jooq.OrderField<?>... order) {
        return dsl.select(WAKEUP_CALLS.fields()).select(WAKEUP_BOOKINGS.ROOM, WAKEUP_BOOKINGS.EXTENSION,
                        WAKEUP_BOOKINGS.DAILY, WAKEUP_BOOKINGS.SECOND_AFTER_S, WAKEUP_BOOKINGS.LOCAL_TIME,
                        WAKEUP_BOOKINGS.GROUP_NAME)
                .from(WAKEUP_CALLS).join(WAKEUP_BOOKINGS).on(WAKEUP_BOOKINGS.ID.eq(WAKEUP_CALLS.BOOKING_ID))
                .where(where).orderBy(order).fetch(WakeupRepository::callRow);
    }

    private static WakeupCall callRow(Record r) {
        Integer second = r.get(WAKEUP_BOOKINGS.SECOND_AFTER_S);
        return new WakeupCall(r.get(WAKEUP_CALLS.ID), r.get(WAKEUP_CALLS.BOOKING_ID), r.get(WAKEUP_BOOKINGS.ROOM),
                r.get(WAKEUP_BOOKINGS.EXTENSION), r.get(WAKEUP_CALLS.CALL_NO), r.get(WAKEUP_CALLS.WAKE_DATE),
                instant(r.get(WAKEUP_CALLS.DUE_AT)), CallStatus.valueOf(r.get(WAKEUP_CALLS.STATUS)),
                r.get(WAKEUP_CALLS.ATTEMPTS), r.get(WAKEUP_CALLS.NEXT_ATTEMPT), instant(r.get(WAKEUP_CALLS.NEXT_AT)),
                r.get(WAKEUP_CALLS.OUTCOME_NOTE), Boolean.TRUE.equals(r.get(WAKEUP_BOOKINGS.DAILY)),
                second == null ? null : Duration.ofSeconds(second), r.get(WAKEUP_BOOKINGS.LOCAL_TIME),
                r.get(WAKEUP_BOOKINGS.GROUP_NAME));
    }

    /**
     * Records that an attempt's time came: a QUEUED attempt row, and the call's pending timer cleared.
     * Empty when this attempt exists already (a timer that fired twice) or the call is no longer open.
     */
    public Optional<Long> attemptDue(long callId, int attemptNo, Instant scheduledAt) {
        return dsl.transactionResult(trx -> {
            DSLContext tx = trx.dsl();
            String status = tx.select(WAKEUP_CALLS.STATUS).from(WAKEUP_CALLS).where(WAKEUP_CALLS.ID.eq(callId))
                    .forUpdate().fetchOne(WAKEUP_CALLS.STATUS);
            if (!CallStatus.SCHEDULED.name().equals(status)
                    || tx.fetchExists(WAKEUP_ATTEMPTS, WAKEUP_ATTEMPTS.CALL_ID.eq(callId).and(WAKEUP_ATTEMPTS.ATTEMPT_NO.eq(attemptNo)))) {
                return Optional.<Long>empty();
            }
            long id = tx.insertInto(WAKEUP_ATTEMPTS).set(WAKEUP_ATTEMPTS.CALL_ID, callId)
                    .set(WAKEUP_ATTEMPTS.ATTEMPT_NO, attemptNo).set(WAKEUP_ATTEMPTS.SCHEDULED_AT, utc(scheduledAt))
                    .set(WAKEUP_ATTEMPTS.OUTCOME, AttemptOutcome.QUEUED.name())
                    .returningResult(WAKEUP_ATTEMPTS.ID).fetchOne().value1();
            tx.update(WAKEUP_CALLS).set(WAKEUP_CALLS.ATTEMPTS, attemptNo).set(WAKEUP_CALLS.NEXT_ATTEMPT, (Integer) null)
                    .set(WAKEUP_CALLS.NEXT_AT, (java.time.LocalDateTime) null).where(WAKEUP_CALLS.ID.eq(callId)).execute();
            return Optional.of(id);
        });
    }

    public void placed(long attemptId, Instant placedAt, String actionId) {
        dsl.update(WAKEUP_ATTEMPTS).set(WAKEUP_ATTEMPTS.OUTCOME, AttemptOutcome.PLACED.name())
                .set(WAKEUP_ATTEMPTS.PLACED_AT, utc(placedAt)).set(WAKEUP_ATTEMPTS.ACTION_ID, actionId)
                .where(WAKEUP_ATTEMPTS.ID.eq(attemptId)).execute();
    }

    /** What an attempt came to, with the call's next step, in one transaction. */
    public void finish(WakeupAttempt a, CallStatus callStatus, String note, Integer nextAttempt, Instant nextAt) {
        dsl.transaction(trx -> {
            DSLContext tx = trx.dsl();
            tx.update(WAKEUP_ATTEMPTS).set(WAKEUP_ATTEMPTS.OUTCOME, a.outcome().name())
                    .set(WAKEUP_ATTEMPTS.PLACED_AT, utc(a.placedAt())).set(WAKEUP_ATTEMPTS.ENDED_AT, utc(a.endedAt()))
                    .set(WAKEUP_ATTEMPTS.RING_MS, a.ringMillis()).set(WAKEUP_ATTEMPTS.TALK_MS, a.talkMillis())
                    .set(WAKEUP_ATTEMPTS.REASON_CODE, a.reasonCode()).set(WAKEUP_ATTEMPTS.ACTION_ID, a.actionId())
                    .set(WAKEUP_ATTEMPTS.UNIQUE_ID, a.uniqueId()).set(WAKEUP_ATTEMPTS.CHANNEL, a.channel())
                    .set(WAKEUP_ATTEMPTS.DETAIL, a.detail()).where(WAKEUP_ATTEMPTS.ID.eq(a.id())).execute();
            var update = tx.update(WAKEUP_CALLS).set(WAKEUP_CALLS.STATUS, callStatus.name())
                    .set(WAKEUP_CALLS.NEXT_ATTEMPT, nextAttempt).set(WAKEUP_CALLS.NEXT_AT, utc(nextAt))
                    .set(WAKEUP_CALLS.OUTCOME_NOTE, note);
            (callStatus.isOpen() ? update : update.set(WAKEUP_CALLS.FINISHED_AT, utc(a.endedAt())))
                    .where(WAKEUP_CALLS.ID.eq(a.callId())).and(WAKEUP_CALLS.STATUS.eq(CallStatus.SCHEDULED.name())).execute();
            closeFinishedBooking(tx, a.callId(), a.endedAt());
        });
    }

    /** A one-off booking whose calls are all finished is done. */
    private static void closeFinishedBooking(DSLContext tx, long callId, Instant at) {
        Long booking = tx.select(WAKEUP_CALLS.BOOKING_ID).from(WAKEUP_CALLS).where(WAKEUP_CALLS.ID.eq(callId))
                .fetchOne(WAKEUP_CALLS.BOOKING_ID);
        boolean open = tx.fetchExists(WAKEUP_CALLS, WAKEUP_CALLS.BOOKING_ID.eq(booking)
                .and(WAKEUP_CALLS.STATUS.eq(CallStatus.SCHEDULED.name())));
        if (!open) {
            tx.update(WAKEUP_BOOKINGS).set(WAKEUP_BOOKINGS.STATUS, "DONE").set(WAKEUP_BOOKINGS.ENDED_AT, utc(at))
                    .where(WAKEUP_BOOKINGS.ID.eq(booking)).and(WAKEUP_BOOKINGS.STATUS.eq("ACTIVE"))
                    .and(WAKEUP_BOOKINGS.DAILY.isFalse()).execute();
        }
    }

    /** Attempts that were queued or ringing when the daemon stopped. */
    public List<WakeupAttempt> unfinishedAttempts() {
        return attempts(WAKEUP_ATTEMPTS.OUTCOME.in(AttemptOutcome.QUEUED.name(), AttemptOutcome.PLACED.name()));
    }

    public List<WakeupAttempt> attemptsOf(long callId) {
        return attempts(WAKEUP_ATTEMPTS.CALL_ID.eq(callId));
    }

    /** Every attempt of the calls due on a date. */
    public List<WakeupAttempt> attemptsOn(LocalDate date) {
        return attempts(WAKEUP_ATTEMPTS.CALL_ID.in(
                dsl.select(WAKEUP_CALLS.ID).from(WAKEUP_CALLS).where(WAKEUP_CALLS.WAKE_DATE.eq(date))));
    }

    private List<WakeupAttempt> attempts(org.jooq.Condition where) {
        return dsl.selectFrom(WAKEUP_ATTEMPTS).where(where).orderBy(WAKEUP_ATTEMPTS.CALL_ID, WAKEUP_ATTEMPTS.ATTEMPT_NO)
                .fetch(r -> new WakeupAttempt(r.getId(), r.getCallId(), r.getAttemptNo(), instant(r.getScheduledAt()),
                        instant(r.getPlacedAt()), instant(r.getEndedAt()), AttemptOutcome.valueOf(r.getOutcome()),
                        r.getRingMs(), r.getTalkMs(), r.getReasonCode(), r.getActionId(), r.getUniqueId(),
                        r.getChannel(), r.getDetail()));
    }
}
