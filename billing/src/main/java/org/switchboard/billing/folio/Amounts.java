package org.switchboard.billing.folio;

import java.math.BigDecimal;
import java.util.Objects;

/** A charge's parts — amount (金额), service fee (服务费), surcharge (附加), tax — and their total. */
public record Amounts(BigDecimal amount, BigDecimal serviceFee, BigDecimal surcharge, BigDecimal tax, BigDecimal total) {

    public static final Amounts ZERO = new Amounts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO);

    public Amounts {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(serviceFee, "serviceFee");
        Objects.requireNonNull(surcharge, "surcharge");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(total, "total");
        if (amount.add(serviceFee).add(surcharge).add(tax).compareTo(total) != 0) {
            throw new IllegalArgumentException("total " + total + " is not the sum of its parts");
        }
    }

    public Amounts plus(Amounts o) {
        return new Amounts(amount.add(o.amount), serviceFee.add(o.serviceFee), surcharge.add(o.surcharge),
                tax.add(o.tax), total.add(o.total));
    }

    public Amounts negate() {
        return new Amounts(amount.negate(), serviceFee.negate(), surcharge.negate(), tax.negate(), total.negate());
    }

    public Amounts minus(Amounts o) {
        return plus(o.negate());
    }

    /** True when every part is zero. */
    public boolean isZero() {
        return amount.signum() == 0 && serviceFee.signum() == 0 && surcharge.signum() == 0 && tax.signum() == 0
                && total.signum() == 0;
    }
}
