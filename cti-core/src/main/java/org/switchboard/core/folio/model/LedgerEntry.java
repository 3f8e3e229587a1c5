package org.switchboard.core.folio.model;

import org.switchboard.billing.audit.AuditLine;

/** A folio ledger entry to write: which outbox row (and line of it) produced it, for which call and account, in which currency. */
public record LedgerEntry(long outboxId, int lineNo, long callId, Long accountKey, String currency, AuditLine line) {
}
