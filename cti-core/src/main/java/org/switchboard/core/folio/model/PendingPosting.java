package org.switchboard.core.folio.model;

import org.switchboard.billing.audit.AuditLine.Cause;

/** A row of the posting outbox: a call whose charge was written and has to reach the ledger. */
public record PendingPosting(long outboxId, long callId, Cause cause) {
}
