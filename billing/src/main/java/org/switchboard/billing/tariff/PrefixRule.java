package org.switchboard.billing.tariff;

import java.util.Objects;

/**
 * One row of the prefix table: numbers starting with {@code prefix} (as normalised by the
 * dialling rules: {@code 00} + country code, or the national number) are in {@code area}, of
 * {@code category}. {@code line} is where the administrator wrote it, for explanations and errors.
 */
public record PrefixRule(String prefix, String area, Category category, int line) {
    public PrefixRule {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(category, "category");
        if (!prefix.chars().allMatch(Character::isDigit) || prefix.isEmpty()) {
            throw new IllegalArgumentException("a prefix is one or more digits: '" + prefix + "'");
        }
    }
}
