package org.switchboard.billing.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in one currency, always held at the currency's scale (CNY 2 decimals, JPY 0).
 * Arithmetic that could produce more decimals takes an explicit {@link RoundingMode}: a tariff's
 * rounding rule, never an accident. Immutable; thread-safe.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = currency.getDefaultFractionDigits();
        if (amount.scale() != scale) {
            if (amount.stripTrailingZeros().scale() > scale) {
                throw new IllegalArgumentException(amount + " has more decimals than " + currency + " allows (" + scale + ")");
            }
            amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
        }
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** This amount times a factor (e.g. a block count or a percentage), rounded to the currency's scale. */
    public Money times(BigDecimal factor, RoundingMode rounding) {
        return new Money(amount.multiply(factor).setScale(currency.getDefaultFractionDigits(), rounding), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
