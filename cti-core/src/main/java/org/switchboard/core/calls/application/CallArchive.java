package org.switchboard.core.calls.application;

import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.calls.model.CallCorrection;
import org.switchboard.core.calls.model.CallEdit;
import org.switchboard.core.calls.model.CompletedCall;
import org.switchboard.core.calls.model.StoredCall;
import org.switchboard.core.storage.Database;
import org.switchboard.core.storage.Transaction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The stored calls as the other capabilities use them: search, the audit trail of a record, and (inside a
 * transaction the caller opened) a call entered by hand or a corrected record.
 */
public final class CallArchive {

    private final CallRepository calls;

    public CallArchive(Database db) {
        this.calls = new CallRepository(db.dsl());
    }

    public Optional<StoredCall> find(long id) {
        return calls.findById(id);
    }

    /** Calls of the hotel-zone dates [from, to]; room, extension and account narrow it when given. */
    public List<StoredCall> find(LocalDate from, LocalDate to, String room, String extension, String account) {
        return calls.findBetween(from, to, room, extension, account);
    }

    /** The audit trail of a record, oldest first. */
    public List<CallEdit> history(long id) {
        return calls.history(id);
    }

    /** Stores a call entered by hand, in {@code tx}; returns its id. */
    public static long enter(Transaction tx, CompletedCall call, String enteredBy, Instant at) {
        return new CallRepository(tx.dsl()).storeManual(call, enteredBy, at);
    }

    /** A stored call whose duration is still a guess. */
    public record Guessed(long id, String linkedId, Instant startedAt) {
    }

    /** The calls started since {@code since} whose times are still a guess, oldest first. */
    public static List<Guessed> guessedSince(Database db, Instant since) {
        return new org.switchboard.core.calls.infrastructure.GuessedCalls(db.dsl()).since(since).stream()
                .map(g -> new Guessed(g.id(), g.linkedId(), g.startedAt())).toList();
    }

    /** Writes the CDR's figures over a guessed call, in {@code tx}; false if it is no longer a guess. */
    public static boolean confirm(Transaction tx, long callId, org.switchboard.core.calls.model.CdrRow row,
                                  ZoneId hotelZone, Instant at) {
        return org.switchboard.core.calls.infrastructure.GuessedCalls.confirm(tx.dsl(), callId, row, hotelZone, at);
    }

    /** Corrects a record and writes each changed field to its audit trail, in {@code tx}; false if there is none. */
    public static boolean correct(Transaction tx, long callId, CallCorrection fix, ZoneId hotelZone, String by,
                                  String reason, Instant at) {
        return new CallRepository(tx.dsl()).correct(callId, fix, hotelZone, by, reason, at);
    }
}
