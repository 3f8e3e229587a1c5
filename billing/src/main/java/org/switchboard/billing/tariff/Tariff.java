package org.switchboard.billing.tariff;

import org.switchboard.billing.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One version of the hotel's tariff, in force from {@code effectiveFrom} (hotel-zone date of the
 * call's start) until the next version. Every category has a plan (a tariff that leaves one unpriced
 * is refused here, at load time); internal, emergency and toll-free plans must be free.
 * Percentages are exact decimals; amounts are rounded to the currency's scale with {@code rounding}.
 */
public record Tariff(String version, LocalDate effectiveFrom, Currency currency, RoundingMode rounding,
                     BigDecimal serviceFeePercent, Money surcharge, BigDecimal taxPercent, DiallingRules dialling,
                     Map<String, DiallingRules> trunkDialling, Map<Category, RatePlan> plans, PrefixTable prefixes) {

    public Tariff {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(rounding, "rounding");
        Objects.requireNonNull(serviceFeePercent, "serviceFeePercent");
        Objects.requireNonNull(surcharge, "surcharge");
        Objects.requireNonNull(taxPercent, "taxPercent");
        Objects.requireNonNull(dialling, "dialling");
        Objects.requireNonNull(prefixes, "prefixes");
        trunkDialling = Map.copyOf(trunkDialling);
        plans = new EnumMap<>(plans);
        for (Category c : Category.values()) {
            if (c == Category.BLOCKED) {
                continue;
            }
            RatePlan plan = plans.get(c);
            if (plan == null) {
                throw new IllegalArgumentException("category " + c.name().toLowerCase() + " has no rate plan");
            }
            if (c.mustBeFree() && !plan.isFree()) {
                throw new IllegalArgumentException("category " + c.name().toLowerCase()
                        + " must be free, but plan '" + plan.id() + "' charges");
            }
        }
        if (rounding == RoundingMode.UNNECESSARY) {
            throw new IllegalArgumentException("rounding mode UNNECESSARY cannot round percentages");
        }
    }

    /** The dialling rules of a trunk (by its name), or the tariff's general ones. */
    public DiallingRules diallingFor(String trunk) {
        DiallingRules r = trunk == null ? null : trunkDialling.get(trunk);
        return r != null ? r : dialling;
    }
}
