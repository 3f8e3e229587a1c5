package org.switchboard.billing.tariff;

import java.util.Objects;

/**
 * How guests dial out: the outside-line access code (e.g. {@code 0}) that precedes a national
 * number; the international prefix as the guest dials it (e.g. {@code 00}, then the country code —
 * international numbers are looked up as dialled, so the prefix table holds {@code 0044}); and how
 * long a local number is (dialled without the hotel's area code, which is then prepended for lookup).
 */
public record DiallingRules(String outsideLine, String internationalPrefix, String localAreaCode,
                            int localNumberLength) {
    public DiallingRules {
        Objects.requireNonNull(outsideLine, "outsideLine");
        Objects.requireNonNull(internationalPrefix, "internationalPrefix");
        Objects.requireNonNull(localAreaCode, "localAreaCode");
        if (localNumberLength < 0) {
            throw new IllegalArgumentException("local number length must not be negative");
        }
    }
}
