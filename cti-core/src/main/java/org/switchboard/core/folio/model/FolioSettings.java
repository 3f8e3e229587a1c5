package org.switchboard.core.folio.model;

import org.switchboard.billing.folio.CreditLimit;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Objects;

/**
 * The {@code folio:} settings: when the business date closes (calls after midnight but before it belong
 * to the previous date), the share of the deposit at which a room is barred, and the AstDB family the
 * dialplan reads a phone's class of service from ({@code full} or {@code internal}).
 */
public record FolioSettings(LocalTime businessDayClosesAt, CreditLimit creditLimit, String cosFamily,
                            java.time.Duration provisionalWait) {

    public FolioSettings {
        Objects.requireNonNull(businessDayClosesAt, "businessDayClosesAt");
        Objects.requireNonNull(creditLimit, "creditLimit");
        Objects.requireNonNull(cosFamily, "cosFamily");
        Objects.requireNonNull(provisionalWait, "provisionalWait");
    }

    public FolioSettings(LocalTime businessDayClosesAt, CreditLimit creditLimit, String cosFamily) {
        this(businessDayClosesAt, creditLimit, cosFamily, DEFAULT_PROVISIONAL_WAIT);
    }

    /** How long a charge on a guessed duration waits for the CDR before it is posted unconfirmed. */
    public static final java.time.Duration DEFAULT_PROVISIONAL_WAIT = java.time.Duration.ofMinutes(60);

    public static FolioSettings defaults() {
        return new FolioSettings(LocalTime.of(4, 0), new CreditLimit(BigDecimal.valueOf(80)), "cos");
    }
}
