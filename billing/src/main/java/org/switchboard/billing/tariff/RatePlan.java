package org.switchboard.billing.tariff;

import org.switchboard.billing.money.Money;

import java.util.List;
import java.util.Objects;

/**
 * How a category is priced: an initial block (its length in seconds and its price), following
 * blocks, a minimum charge, free grace seconds (answered calls this short cost nothing), a
 * connection fee, and bands that scale the price by time of day or weekday (first match wins).
 */
public record RatePlan(String id, int initialBlockSeconds, Money initialBlockPrice, int nextBlockSeconds,
                       Money nextBlockPrice, Money minimumCharge, int graceSeconds, Money connectionFee,
                       List<Band> bands) {
    public RatePlan {
        Objects.requireNonNull(id, "id");
        if (initialBlockSeconds < 1 || nextBlockSeconds < 1) {
            throw new IllegalArgumentException("plan " + id + ": blocks must be at least 1 s");
        }
        if (graceSeconds < 0) {
            throw new IllegalArgumentException("plan " + id + ": grace seconds must not be negative");
        }
        Objects.requireNonNull(initialBlockPrice, "initialBlockPrice");
        Objects.requireNonNull(nextBlockPrice, "nextBlockPrice");
        Objects.requireNonNull(minimumCharge, "minimumCharge");
        Objects.requireNonNull(connectionFee, "connectionFee");
        bands = List.copyOf(bands);
    }

    /** True if every call on this plan costs nothing. */
    public boolean isFree() {
        return initialBlockPrice.isZero() && nextBlockPrice.isZero() && minimumCharge.isZero() && connectionFee.isZero();
    }
}
