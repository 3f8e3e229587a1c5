package org.switchboard.billing.rating;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.switchboard.billing.money.Money;
import org.switchboard.billing.tariff.Category;
import org.switchboard.billing.tariff.RatePlan;
import org.switchboard.billing.tariff.Tariff;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.billing.rating.ExampleTariffs.cny;

class RaterTest {

    /** Monday 2026-11-23, 15:52 in the hotel's zone: no band applies. */
    static final LocalDateTime WEEKDAY_AFTERNOON = LocalDateTime.of(2026, 11, 23, 15, 52, 7);

    private static RatingResult.Rated rated(String dialled, long talk, LocalDateTime start) {
        return assertInstanceOf(RatingResult.Rated.class,
                ExampleTariffs.rater().rate(new CallToRate("101", dialled, start, talk)));
    }

    private static RatingResult.Rated rated(String dialled, long talk) {
        return rated(dialled, talk, WEEKDAY_AFTERNOON);
    }

    @Test
    @DisplayName("The recorded international call (00441234567890, 65 s) costs 2 blocks × 8.00 + 15% + 1.00")
    void recordedInternationalCall() {
        RatingResult.Rated r = rated("00441234567890", 65);
        assertEquals(Category.INTERNATIONAL, r.category());
        assertEquals("United Kingdom", r.area());
        assertEquals(cny("16.00"), r.amount());
        assertEquals(cny("2.40"), r.serviceFee());
        assertEquals(cny("1.00"), r.surcharge());
        assertEquals(cny("19.40"), r.total());
        assertEquals("0044… United Kingdom, international, 65 s → 2 blocks of 60 s × 8.00 = 16.00; "
                + "service fee 15% = 2.40; surcharge 1.00; total 19.40", r.explanation());
        assertEquals("prefix 0044 (line 16)", r.rule());
        assertEquals("CN-2026-11", r.tariffVersion());
    }

    @Test
    @DisplayName("The recorded national call (0612345678, 20 s) costs one block of 1.00 + 15% + 1.00")
    void recordedNationalCall() {
        RatingResult.Rated r = rated("0612345678", 20);
        assertEquals(Category.NATIONAL, r.category());
        assertEquals(cny("1.00"), r.amount());
        assertEquals(cny("0.15"), r.serviceFee());
        assertEquals(cny("2.15"), r.total());
    }

    @Test
    void sixtySecondsIsOneBlockAndSixtyOneIsTwo() {
        assertEquals(cny("8.00"), rated("00441234567890", 60).amount());
        assertEquals(cny("16.00"), rated("00441234567890", 61).amount());
        assertEquals(cny("8.00"), rated("00441234567890", 1).amount());
    }

    @Test
    void callsWithinTheGraceSecondsAreFreeAndOneSecondMoreIsNot() {
        assertEquals(cny("0.00"), rated("0612345678", 5).total());
        assertEquals(cny("1.00"), rated("0612345678", 6).amount());
    }

    @Test
    void unansweredCallsCostNothing() {
        RatingResult.Rated r = rated("00441234567890", 0);
        assertEquals(cny("0.00"), r.total());
        assertTrue(r.explanation().endsWith("not answered, no charge"), r.explanation());
    }

    @Test
    void aLocalNumberDialledWithoutTheAreaCodeIsLocalAndHasAMinimum() {
        RatingResult.Rated r = rated("062345678", 100); // 0 + 8-digit local number
        assertEquals(Category.LOCAL, r.category());
        assertEquals("北京", r.area());
        assertEquals(cny("0.50"), r.amount(), "within the 180 s first block");
        assertEquals(cny("0.90"), rated("062345678", 180 + 120).amount(), "0.50 + 2 × 0.20");
        assertEquals(cny("1.10"), rated("062345678", 180 + 121).amount(), "one second into a third block");
    }

    @Test
    void theMinimumChargeApplies() {
        assertEquals(cny("5.00"), rated("0168123", 10).amount()); // premium: 5.00 block, minimum 5.00
    }

    @Test
    void theNightBandStartsAtNineAndEndsAtSevenNextMorning() {
        LocalDateTime monday = LocalDateTime.of(2026, 11, 23, 0, 0);
        assertEquals(cny("1.00"), rated("0612345678", 30, monday.withHour(20).withMinute(59).withSecond(59)).amount());
        assertEquals(cny("0.60"), rated("0612345678", 30, monday.withHour(21)).amount());
        assertEquals(cny("0.60"), rated("0612345678", 30, monday.plusDays(1).withHour(6).withMinute(59)).amount());
        assertEquals(cny("1.00"), rated("0612345678", 30, monday.plusDays(1).withHour(7)).amount());
    }

    @Test
    void theWeekendBandCoversSaturdayAndSunday() {
        LocalDateTime saturdayNoon = LocalDateTime.of(2026, 11, 28, 12, 0);
        RatingResult.Rated r = rated("0612345678", 30, saturdayNoon);
        assertEquals(cny("0.80"), r.amount());
        assertTrue(r.explanation().contains("weekend 80% = 0.80"), r.explanation());
        assertEquals(cny("1.00"), rated("0612345678", 30, saturdayNoon.plusDays(2)).amount(), "Monday");
    }

    @Test
    void aNewTariffAppliesFromItsDateAndOlderCallsKeepTheirPrice() {
        Tariff november = ExampleTariffs.tariff("CN-2026-11", LocalDate.of(2026, 11, 1), RoundingMode.HALF_UP);
        Map<Category, RatePlan> plans = ExampleTariffs.plans();
        plans.put(Category.INTERNATIONAL, ExampleTariffs.plan("intl-2", 60, "6.00", 60, "6.00", "0", 0, List.of()));
        Tariff december = new Tariff("CN-2026-12", LocalDate.of(2026, 12, 1), ExampleTariffs.CNY, RoundingMode.HALF_UP,
                new BigDecimal("15"), cny("1.00"), BigDecimal.ZERO, november.dialling(), Map.of(), plans, november.prefixes());
        Rater rater = new Rater(new TariffBook(List.of(december, november)));
        RatingResult before = rater.rate(new CallToRate("101", "00441234567890",
                LocalDateTime.of(2026, 11, 30, 23, 59, 59), 60));
        RatingResult after = rater.rate(new CallToRate("101", "00441234567890", LocalDateTime.of(2026, 12, 1, 0, 0), 60));
        assertEquals(cny("8.00"), ((RatingResult.Rated) before).amount());
        assertEquals("CN-2026-11", ((RatingResult.Rated) before).tariffVersion());
        assertEquals(cny("6.00"), ((RatingResult.Rated) after).amount());
        assertEquals("CN-2026-12", ((RatingResult.Rated) after).tariffVersion());
        RatingResult tooEarly = rater.rate(new CallToRate("101", "0044", LocalDateTime.of(2026, 10, 31, 12, 0), 60));
        assertEquals(RatingResult.Reason.NO_TARIFF_FOR_DATE, ((RatingResult.NotRated) tooEarly).reason());
    }

    @Test
    void theRoundingModeDecidesHalfCents() {
        // 2.30 after a 60% night band: 1.38; 15% service fee = 0.207 → HALF_UP 0.21, DOWN 0.20.
        Tariff halfUp = ExampleTariffs.tariff("A", LocalDate.of(2026, 1, 1), RoundingMode.HALF_UP);
        Tariff down = ExampleTariffs.tariff("B", LocalDate.of(2026, 1, 1), RoundingMode.DOWN);
        CallToRate call = new CallToRate("101", "0612345678", LocalDateTime.of(2026, 11, 23, 22, 0), 61);
        RatingResult.Rated up = (RatingResult.Rated) new Rater(new TariffBook(List.of(halfUp))).rate(call);
        RatingResult.Rated dn = (RatingResult.Rated) new Rater(new TariffBook(List.of(down))).rate(call);
        assertEquals(cny("1.20"), up.amount(), "2.00 × 60%");
        assertEquals(cny("0.18"), up.serviceFee());
        assertEquals(cny("0.18"), dn.serviceFee());
        RatingResult.Rated up2 = (RatingResult.Rated) new Rater(new TariffBook(List.of(halfUp)))
                .rate(new CallToRate("101", "0131234567890", LocalDateTime.of(2026, 11, 23, 12, 0), 61 + 60));
        RatingResult.Rated dn2 = (RatingResult.Rated) new Rater(new TariffBook(List.of(down)))
                .rate(new CallToRate("101", "0131234567890", LocalDateTime.of(2026, 11, 23, 12, 0), 61 + 60));
        assertEquals(cny("2.40"), up2.amount(), "3 × 0.80");
        assertEquals(cny("0.36"), up2.serviceFee(), "15% of 2.40 = 0.36 exactly");
        assertEquals(up2.serviceFee(), dn2.serviceFee());
        RatingResult.Rated odd = (RatingResult.Rated) new Rater(new TariffBook(List.of(halfUp)))
                .rate(new CallToRate("101", "0131234567890", LocalDateTime.of(2026, 11, 23, 12, 0), 30));
        RatingResult.Rated oddDown = (RatingResult.Rated) new Rater(new TariffBook(List.of(down)))
                .rate(new CallToRate("101", "0131234567890", LocalDateTime.of(2026, 11, 23, 12, 0), 30));
        assertEquals(cny("0.12"), odd.serviceFee(), "15% of 0.80 = 0.12");
        assertEquals(cny("0.12"), oddDown.serviceFee());
        Money base = cny("2.30");
        assertEquals(cny("0.35"), base.times(new BigDecimal("0.15"), RoundingMode.HALF_UP));
        assertEquals(cny("0.34"), base.times(new BigDecimal("0.15"), RoundingMode.DOWN));
    }

    @Test
    void internalEmergencyAndTollFreeCallsAreRecordedAtZero() {
        RatingResult.Rated internal = rated("102", 300);
        assertEquals(Category.INTERNAL, internal.category());
        assertEquals(cny("0.00"), internal.total());
        assertEquals(Category.EMERGENCY, rated("110", 60).category());
        assertEquals(cny("0.00"), rated("0110", 60).total());
        RatingResult.Rated tollFree = rated("08001234567", 600);
        assertEquals(Category.TOLL_FREE, tollFree.category());
        assertEquals(cny("0.00"), tollFree.total());
    }

    @Test
    void blockedAndUnknownDestinationsAreNotPricedButSaySo() {
        RatingResult blocked = ExampleTariffs.rater().rate(new CallToRate("101", "008821234", WEEKDAY_AFTERNOON, 60));
        assertEquals(RatingResult.Reason.BLOCKED, ((RatingResult.NotRated) blocked).reason());
        RatingResult unknown = ExampleTariffs.rater().rate(new CallToRate("101", "09999", WEEKDAY_AFTERNOON, 60));
        assertEquals(RatingResult.Reason.UNKNOWN_DESTINATION, ((RatingResult.NotRated) unknown).reason());
    }

    @Test
    void aTrunkWithItsOwnDiallingRulesUsesThem() {
        // On the "legacy" trunk guests dial 9, then 0 + area code for national calls, local numbers bare.
        Tariff base = ExampleTariffs.tariff("T", LocalDate.of(2026, 1, 1), RoundingMode.HALF_UP);
        Tariff t = new Tariff("T", base.effectiveFrom(), base.currency(), base.rounding(), base.serviceFeePercent(),
                base.surcharge(), base.taxPercent(), base.dialling(),
                Map.of("legacy", new org.switchboard.billing.tariff.DiallingRules("9", "900", "0", "10", 0)),
                ExampleTariffs.plans(), base.prefixes());
        Rater rater = new Rater(new TariffBook(List.of(t)));
        RatingResult.Rated shanghai = (RatingResult.Rated) rater.rate(
                new CallToRate("101", "902112345678", WEEKDAY_AFTERNOON, 30, "legacy"));
        assertEquals("上海", shanghai.area());
        RatingResult.Rated local = (RatingResult.Rated) rater.rate(
                new CallToRate("101", "962345678", WEEKDAY_AFTERNOON, 30, "legacy"));
        assertEquals(Category.LOCAL, local.category());
        RatingResult.Rated police = (RatingResult.Rated) rater.rate(
                new CallToRate("101", "9110", WEEKDAY_AFTERNOON, 30, "legacy"));
        assertEquals(Category.EMERGENCY, police.category());
        RatingResult.Rated uk = (RatingResult.Rated) rater.rate(
                new CallToRate("101", "90044123456", WEEKDAY_AFTERNOON, 30, "legacy"));
        assertEquals("United Kingdom", uk.area());
        assertEquals("上海", ((RatingResult.Rated) rater.rate(
                new CallToRate("101", "02112345678", WEEKDAY_AFTERNOON, 30, "other"))).area(), "other trunks: general rules");
    }

    @Test
    void aTariffThatLeavesACategoryUnpricedIsRefused() {
        Map<Category, RatePlan> plans = ExampleTariffs.plans();
        plans.remove(Category.MOBILE);
        Tariff t = ExampleTariffs.tariff("X", LocalDate.of(2026, 1, 1), RoundingMode.HALF_UP);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Tariff("X",
                t.effectiveFrom(), t.currency(), t.rounding(), t.serviceFeePercent(), t.surcharge(), t.taxPercent(),
                t.dialling(), Map.of(), plans, t.prefixes()));
        assertEquals("category mobile has no rate plan", e.getMessage());
    }

    @Test
    void aTariffThatChargesForEmergencyCallsIsRefused() {
        Map<Category, RatePlan> plans = ExampleTariffs.plans();
        plans.put(Category.EMERGENCY, ExampleTariffs.plan("oops", 60, "1.00", 60, "1.00", "0", 0, List.of()));
        Tariff t = ExampleTariffs.tariff("X", LocalDate.of(2026, 1, 1), RoundingMode.HALF_UP);
        assertThrows(IllegalArgumentException.class, () -> new Tariff("X", t.effectiveFrom(), t.currency(),
                t.rounding(), t.serviceFeePercent(), t.surcharge(), t.taxPercent(), t.dialling(), Map.of(), plans,
                t.prefixes()));
    }
}
