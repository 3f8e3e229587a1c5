package org.switchboard.billing.tariff;

/**
 * What kind of destination a number is. Internal, emergency and toll-free calls are recorded but
 * must be priced at zero; blocked destinations are never priced, only reported.
 */
public enum Category {
    INTERNAL, LOCAL, NATIONAL, MOBILE, INTERNATIONAL, TOLL_FREE, EMERGENCY, PREMIUM, BLOCKED;

    /** Categories a tariff must price at zero. */
    public boolean mustBeFree() {
        return this == INTERNAL || this == EMERGENCY || this == TOLL_FREE;
    }
}
