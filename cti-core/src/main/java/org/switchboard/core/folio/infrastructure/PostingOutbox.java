package org.switchboard.core.folio.infrastructure;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.List;

import static org.switchboard.core.storage.UtcColumns.instant;
import static org.switchboard.core.storage.UtcColumns.utc;
import static org.switchboard.core.storage.jooq.Tables.CALLS;
import static org.switchboard.core.storage.jooq.Tables.POSTING_OUTBOX;

/**
 * The posting outbox's bookkeeping outside a posting: which rows wait, a row's failed attempts, and the rows held
 * aside after failing on their own again and again (the night audit shows them; a start puts them back in line).
 */
public final class PostingOutbox {

    private final DSLContext dsl;

    PostingOutbox(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** An outbox row held aside after failing on its own again and again. */
    public record HeldPosting(long outboxId, long callId, int attempts, String error, Instant heldAt) {
    }

    /** Ids of the oldest outbox rows that are pending and not held. */
    public List<Long> pendingIds(int max) {
        return dsl.select(POSTING_OUTBOX.ID).from(POSTING_OUTBOX).where(POSTING_OUTBOX.DONE_AT.isNull())
                .and(POSTING_OUTBOX.HELD_AT.isNull()).orderBy(POSTING_OUTBOX.ID).limit(max).fetch(POSTING_OUTBOX.ID);
    }

    /** Counts a failed attempt to post the row on its own; holds it aside at {@code holdAfter} attempts. True when held. */
    public boolean failed(long outboxId, String error, int holdAfter, Instant at) {
        return dsl.transactionResult(trx -> {
            DSLContext tx = trx.dsl();
            // MariaDB assigns left to right, later expressions seeing earlier ones: held_at before attempts.
            tx.update(POSTING_OUTBOX)
                    .set(POSTING_OUTBOX.HELD_AT, DSL.when(POSTING_OUTBOX.ATTEMPTS.plus(1).ge(holdAfter), utc(at))
                            .otherwise(DSL.castNull(POSTING_OUTBOX.HELD_AT)))
                    .set(POSTING_OUTBOX.ATTEMPTS, POSTING_OUTBOX.ATTEMPTS.plus(1))
                    .set(POSTING_OUTBOX.LAST_ERROR, FolioLedger.truncate(error, 300))
                    .where(POSTING_OUTBOX.ID.eq(outboxId)).and(POSTING_OUTBOX.DONE_AT.isNull()).execute();
            return tx.fetchExists(POSTING_OUTBOX, POSTING_OUTBOX.ID.eq(outboxId).and(POSTING_OUTBOX.HELD_AT.isNotNull()));
        });
    }

    /** The held rows, oldest first. */
    public List<HeldPosting> held() {
        return dsl.select(POSTING_OUTBOX.ID, POSTING_OUTBOX.CALL_ID, POSTING_OUTBOX.ATTEMPTS, POSTING_OUTBOX.LAST_ERROR,
                        POSTING_OUTBOX.HELD_AT).from(POSTING_OUTBOX)
                .where(POSTING_OUTBOX.HELD_AT.isNotNull()).and(POSTING_OUTBOX.DONE_AT.isNull()).orderBy(POSTING_OUTBOX.ID)
                .fetch(r -> new HeldPosting(r.value1(), r.value2(), r.value3(), r.value4(), instant(r.value5())));
    }

    /** Puts held rows back in line (at a start: a fixed version may post them); returns how many. */
    public int releaseHeld() {
        return dsl.update(POSTING_OUTBOX).set(POSTING_OUTBOX.HELD_AT, DSL.castNull(POSTING_OUTBOX.HELD_AT))
                .set(POSTING_OUTBOX.ATTEMPTS, 0).where(POSTING_OUTBOX.HELD_AT.isNotNull())
                .and(POSTING_OUTBOX.DONE_AT.isNull()).execute();
    }

    /** Outbox rows not yet posted. */
    public int pending() {
        return dsl.fetchCount(POSTING_OUTBOX, POSTING_OUTBOX.DONE_AT.isNull());
    }

    static int pendingBefore(DSLContext dsl, Instant before) {
        return dsl.fetchCount(DSL.selectOne().from(POSTING_OUTBOX).join(CALLS).on(CALLS.ID.eq(POSTING_OUTBOX.CALL_ID))
                .where(POSTING_OUTBOX.DONE_AT.isNull()).and(CALLS.STARTED_AT.lt(utc(before))));
    }
}
