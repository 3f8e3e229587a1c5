package org.switchboard.billing.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MoneyTest {

    @Test
    void amountsAreKeptAtTheCurrencysScale() {
        assertEquals("CNY 3.50", Money.of("3.5", "CNY").toString());
        assertEquals("JPY 120", Money.of("120", "JPY").toString());
    }

    @Test
    void moreDecimalsThanTheCurrencyAllowsAreRefusedNotRounded() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("0.005", "CNY"));
    }

    @Test
    void aServiceFeeOfFifteenPercentRoundsHalfUpOnlyWhenAsked() {
        Money charge = Money.of("2.30", "CNY");
        assertEquals(Money.of("0.35", "CNY"), charge.times(new BigDecimal("0.15"), RoundingMode.HALF_UP));
        assertEquals(Money.of("0.34", "CNY"), charge.times(new BigDecimal("0.15"), RoundingMode.DOWN));
    }

    @Test
    void differentCurrenciesDoNotMix() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1", "CNY").plus(Money.of("1", "USD")));
    }
}
