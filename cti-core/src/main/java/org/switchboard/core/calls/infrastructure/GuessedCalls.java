package org.switchboard.core.calls.infrastructure;

import org.jooq.DSLContext;
import org.switchboard.core.calls.model.CdrRow;
import org.switchboard.core.calls.model.Completeness;
import org.switchboard.core.calls.model.TimeSource;
import org.switchboard.core.storage.jooq.tables.records.CallsRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.switchboard.core.storage.UtcColumns.instant;
import static org.switchboard.core.storage.UtcColumns.utc;
import static org.switchboard.core.storage.jooq.Tables.CALLS;
import static org.switchboard.core.storage.jooq.Tables.CALL_EDITS;

/**
 * Stored calls whose duration is a guess ({@link Completeness#guessed}), and their confirmation: the CDR's start,
 * answer, end and billsec written over the guess, each change on the call's audit trail (by {@code cdr}).
 */
public final class GuessedCalls {

    /** A stored call waiting for its CDR. */
    public record Guessed(long id, String linkedId, Instant startedAt) {
    }

    private final DSLContext dsl;

    public GuessedCalls(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The calls started since {@code since} whose times are still a guess, oldest first. */
    public List<Guessed> since(Instant since) {
        List<Guessed> out = new ArrayList<>();
        dsl.select(CALLS.ID, CALLS.LINKEDID, CALLS.STARTED_AT, CALLS.COMPLETENESS, CALLS.TIME_SOURCE).from(CALLS)
                .where(CALLS.STARTED_AT.ge(utc(since))).and(CALLS.TIME_SOURCE.ne(TimeSource.CDR.name()))
                .and(CALLS.COMPLETENESS.ne(Completeness.COMPLETE.name())
                        .or(CALLS.TIME_SOURCE.eq(TimeSource.ARRIVAL_UNSURE.name())))
                .orderBy(CALLS.STARTED_AT).forEach(r -> {
                    if (Completeness.valueOf(r.value4()).guessed(TimeSource.valueOf(r.value5()))) {
                        out.add(new Guessed(r.value1(), r.value2(), instant(r.value3())));
                    }
                });
        return out;
    }

    /** Writes the CDR's figures over call {@code id}'s guess, in {@code tx}; false if it is no longer a guess. */
    public static boolean confirm(DSLContext tx, long id, CdrRow row, ZoneId hotelZone, Instant at) {
        CallsRecord r = tx.selectFrom(CALLS).where(CALLS.ID.eq(id)).forUpdate().fetchOne();
        if (r == null || !Completeness.valueOf(r.getCompleteness()).guessed(TimeSource.valueOf(r.getTimeSource()))) {
            return false;
        }
        Instant start = row.start().isBefore(instant(r.getStartedAt())) ? row.start() : instant(r.getStartedAt());
        long talk = row.answer() == null ? 0 : Duration.ofSeconds(row.billsec()).toMillis();
        String reason = "confirmed by Asterisk's CDR (" + row.where() + ")";
        List<org.jooq.Query> trail = new ArrayList<>();
        trail.add(edit(tx, id, at, "start", instant(r.getStartedAt()), start, reason));
        trail.add(edit(tx, id, at, "end", instant(r.getEndedAt()), row.end(), reason));
        trail.add(tx.insertInto(CALL_EDITS).set(CALL_EDITS.CALL_ID, id).set(CALL_EDITS.EDITED_AT, utc(at))
                .set(CALL_EDITS.EDITED_BY, "cdr").set(CALL_EDITS.FIELD, "talk")
                .set(CALL_EDITS.OLD_VALUE, r.getTalkMs() + " ms").set(CALL_EDITS.NEW_VALUE, talk + " ms")
                .set(CALL_EDITS.REASON, reason));
        r.setStartedAt(utc(start));
        r.setAnsweredAt(row.answer() == null ? null : utc(row.answer()));
        r.setEndedAt(utc(row.end()));
        r.setTalkMs(talk);
        r.setTimeSource(TimeSource.CDR.name());
        r.setCdrBillsec(row.billsec());
        r.setCdrCheck("MATCH");
        r.setLocalDate(start.atZone(hotelZone).toLocalDate());
        r.store();
        tx.batch(trail).execute();
        return true;
    }

    private static org.jooq.Query edit(DSLContext tx, long id, Instant at, String field, Instant from, Instant to,
                                       String reason) {
        return tx.insertInto(CALL_EDITS).set(CALL_EDITS.CALL_ID, id).set(CALL_EDITS.EDITED_AT, utc(at))
                .set(CALL_EDITS.EDITED_BY, "cdr").set(CALL_EDITS.FIELD, field).set(CALL_EDITS.OLD_VALUE, from.toString())
                .set(CALL_EDITS.NEW_VALUE, to.toString()).set(CALL_EDITS.REASON, reason);
    }
}
