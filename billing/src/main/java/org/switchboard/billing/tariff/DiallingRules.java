package org.switchboard.billing.tariff;

import java.util.Objects;

/**
 * How guests dial out on a trunk: the outside-line access code (e.g. {@code 0} or {@code 9}); the
 * international prefix as the guest dials it (e.g. {@code 00} or {@code 900}, then the country code —
 * the prefix table holds international destinations as {@code 00} + country code, e.g. {@code 0044}); the
 * national prefix that follows the access code before an area code (e.g. {@code 0} where guests dial
 * 9-0-10-…; empty where they dial the area code directly); the hotel's own area code; and how long a
 * local number is. A local number (no national prefix where there is one, or of the local length
 * where there is none) is looked up with the hotel's area code in front.
 */
public record DiallingRules(String outsideLine, String internationalPrefix, String nationalPrefix,
                            String localAreaCode, int localNumberLength) {
    public DiallingRules {
        Objects.requireNonNull(nationalPrefix, "nationalPrefix");
        Objects.requireNonNull(outsideLine, "outsideLine");
        Objects.requireNonNull(internationalPrefix, "internationalPrefix");
        Objects.requireNonNull(localAreaCode, "localAreaCode");
        if (localNumberLength < 0) {
            throw new IllegalArgumentException("local number length must not be negative");
        }
    }
}
