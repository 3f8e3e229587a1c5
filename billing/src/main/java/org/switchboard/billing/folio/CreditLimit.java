package org.switchboard.billing.folio;

import org.switchboard.billing.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Spending kept within the deposit (控制消费在预付款内): a room is barred from outside calls once the
 * guest's phone charges reach this share of the deposit. A guest without a deposit is not limited
 * (the hotel took none for the phone, e.g. a company account).
 */
public record CreditLimit(BigDecimal percentOfDeposit) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public CreditLimit {
        Objects.requireNonNull(percentOfDeposit, "percentOfDeposit");
        if (percentOfDeposit.signum() <= 0 || percentOfDeposit.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("credit limit " + percentOfDeposit + "% is not within 1-100% of the deposit");
        }
    }

    /** The charges at which the room is barred (rounded down to the currency's scale). */
    public Money limit(Money deposit) {
        return deposit.times(percentOfDeposit.divide(HUNDRED), RoundingMode.DOWN);
    }

    /** True when a deposit was taken and the charges have reached the limit. */
    public boolean reached(Money deposit, Money charged) {
        return deposit.amount().signum() > 0 && charged.compareTo(limit(deposit)) >= 0;
    }
}
