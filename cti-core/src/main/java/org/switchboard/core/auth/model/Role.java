package org.switchboard.core.auth.model;

import java.util.Locale;

/** What a user may do: operators work the switchboard, auditors the records and reports, admins everything. */
public enum Role {
    OPERATOR, AUDITOR, ADMIN;

    public static Role parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("'" + s + "' is not a role (operator, auditor, admin)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
