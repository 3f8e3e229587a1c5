package org.switchboard.billing.rating;

import org.switchboard.billing.money.Money;
import org.switchboard.billing.tariff.Category;
import org.switchboard.billing.tariff.PrefixRule;

import java.util.Objects;

/** The outcome of rating one call: a price, or the reason there is none. */
public sealed interface RatingResult {

    /**
     * A priced call: amount (金额), service fee (服务费), surcharge (附加), tax, total; the area
     * (地区名) and category; the tariff version and the rule (prefix and its line) that priced it;
     * and a one-line explanation a night auditor can check by hand.
     */
    record Rated(Category category, String area, Money amount, Money serviceFee, Money surcharge, Money tax,
                 Money total, String tariffVersion, PrefixRule matched, Pricing pricing) implements RatingResult {
        public Rated {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(matched, "matched");
            Objects.requireNonNull(pricing, "pricing");
            if (!amount.plus(serviceFee).plus(surcharge).plus(tax).equals(total)) {
                throw new IllegalArgumentException("total " + total + " is not the sum of its parts");
            }
        }

        /** Which rule priced it: the prefix and its line in the tariff file, or "internal". */
        public String rule() {
            return matched.line() > 0 ? "prefix " + matched.prefix() + " (line " + matched.line() + ")" : "internal";
        }

        /** E.g. {@code 0044… United Kingdom, international, 65 s → 2 blocks of 60 s × 8.00 = 16.00; …; total 19.40}. */
        public String explanation() {
            return pricing.explain();
        }
    }

    /** No price: no tariff in force on that date, a destination the table does not know, or a blocked one. */
    record NotRated(Reason reason, String detail) implements RatingResult {
        public NotRated {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    enum Reason { NO_TARIFF_FOR_DATE, UNKNOWN_DESTINATION, BLOCKED }
}
