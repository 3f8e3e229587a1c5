package org.switchboard.core.folio.infrastructure;

import org.jooq.DSLContext;
import org.switchboard.billing.audit.AuditLine;
import org.switchboard.billing.folio.Occupancy;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import static org.switchboard.core.storage.UtcColumns.utc;
import static org.switchboard.core.storage.jooq.Tables.GUEST_ACCOUNTS;
import static org.switchboard.core.storage.jooq.Tables.POSTING_ASSIGNMENTS;
import static org.switchboard.core.storage.jooq.Tables.POSTING_OUTBOX;

/** Exception calls an auditor assigned to a guest's account (used inside the caller's transaction). */
public final class AssignmentBook {

    /** The account an auditor charged the call to, who did and why. */
    public record Assignment(long callId, Occupancy.Account account, String by, String reason) {
    }

    private final DSLContext tx;

    public AssignmentBook(DSLContext tx) {
        this.tx = tx;
    }

    public Map<Long, Assignment> forCalls(Collection<Long> callIds) {
        return tx.select(POSTING_ASSIGNMENTS.CALL_ID, GUEST_ACCOUNTS.ID, GUEST_ACCOUNTS.ACCOUNT_ID, GUEST_ACCOUNTS.NAME,
                        GUEST_ACCOUNTS.CURRENCY, POSTING_ASSIGNMENTS.ASSIGNED_BY, POSTING_ASSIGNMENTS.REASON)
                .from(POSTING_ASSIGNMENTS).join(GUEST_ACCOUNTS).on(GUEST_ACCOUNTS.ID.eq(POSTING_ASSIGNMENTS.ACCOUNT_PK))
                .where(POSTING_ASSIGNMENTS.CALL_ID.in(callIds))
                .fetchMap(r -> r.value1(), r -> new Assignment(r.value1(),
                        new Occupancy.Account(r.value2(), r.value3(), r.value4(), r.value5()), r.value6(), r.value7()));
    }

    /** Records the decision (replacing an earlier one) and queues the call for posting again — together. */
    public void assign(long callId, long accountKey, String by, String reason, Instant at) {
        tx.insertInto(POSTING_ASSIGNMENTS).set(POSTING_ASSIGNMENTS.CALL_ID, callId)
                .set(POSTING_ASSIGNMENTS.ACCOUNT_PK, accountKey).set(POSTING_ASSIGNMENTS.ASSIGNED_BY, by)
                .set(POSTING_ASSIGNMENTS.REASON, reason).set(POSTING_ASSIGNMENTS.ASSIGNED_AT, utc(at))
                .onDuplicateKeyUpdate().set(POSTING_ASSIGNMENTS.ACCOUNT_PK, accountKey)
                .set(POSTING_ASSIGNMENTS.ASSIGNED_BY, by).set(POSTING_ASSIGNMENTS.REASON, reason)
                .set(POSTING_ASSIGNMENTS.ASSIGNED_AT, utc(at)).execute();
        tx.insertInto(POSTING_OUTBOX).set(POSTING_OUTBOX.CALL_ID, callId).set(POSTING_OUTBOX.CAUSE, AuditLine.Cause.ASSIGNED.name())
                .set(POSTING_OUTBOX.CREATED_AT, utc(at)).execute();
    }
}
