package org.switchboard.core.storage;

import org.jooq.DSLContext;

/**
 * One database transaction, opened by a use case ({@link Database#inTransaction}) and handed to the repositories
 * that join it, of its own capability or, through their application API, of others: what they write commits
 * together or not at all.
 */
public final class Transaction {

    private final DSLContext dsl;

    Transaction(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** For repositories: the jOOQ context bound to this transaction. */
    public DSLContext dsl() {
        return dsl;
    }
}
