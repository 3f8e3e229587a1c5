package org.switchboard.core.calls.infrastructure;

import org.jooq.DSLContext;

import java.time.Instant;
import java.util.Optional;

import static org.switchboard.core.storage.UtcColumns.instant;
import static org.switchboard.core.storage.UtcColumns.utc;
import static org.switchboard.core.storage.jooq.Tables.CAPTURE_SEEN;

/** How far capture has seen the PBX (the last event's time, noted every few seconds): the start of the next gap. */
public final class SeenUntil {

    private final DSLContext dsl;
    private final CallRepository calls;

    SeenUntil(DSLContext dsl, CallRepository calls) {
        this.dsl = dsl;
        this.calls = calls;
    }

    /** Notes that capture has seen the PBX up to {@code t}. */
    public void note(Instant t) {
        dsl.insertInto(CAPTURE_SEEN).set(CAPTURE_SEEN.ID, (byte) 1).set(CAPTURE_SEEN.SEEN_UNTIL, utc(t))
                .onDuplicateKeyUpdate().set(CAPTURE_SEEN.SEEN_UNTIL, utc(t)).execute();
    }

    /** How far the last run had seen when it ended (or died): the later of its note and its last stored call's end. */
    public Optional<Instant> lastRun() {
        Optional<Instant> noted = Optional.ofNullable(dsl.select(CAPTURE_SEEN.SEEN_UNTIL).from(CAPTURE_SEEN)
                .where(CAPTURE_SEEN.ID.eq((byte) 1)).fetchOne(CAPTURE_SEEN.SEEN_UNTIL)).map(t -> instant(t));
        Optional<Instant> lastCall = calls.lastPbxCallEnd();
        return noted.isEmpty() ? lastCall : lastCall.isEmpty() || noted.get().isAfter(lastCall.get()) ? noted : lastCall;
    }
}
