package org.switchboard.billing.rating;

import org.switchboard.billing.money.Money;
import org.switchboard.billing.tariff.Band;
import org.switchboard.billing.tariff.Category;
import org.switchboard.billing.tariff.DiallingRules;
import org.switchboard.billing.tariff.PrefixRule;
import org.switchboard.billing.tariff.PrefixTable;
import org.switchboard.billing.tariff.RatePlan;
import org.switchboard.billing.tariff.Tariff;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Test fixtures: a small mainland-China hotel tariff (Beijing, CNY), built in code. */
final class ExampleTariffs {

    static final Currency CNY = Currency.getInstance("CNY");

    private ExampleTariffs() {
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    static RatePlan plan(String id, int first, String firstPrice, int next, String nextPrice, String minimum,
                         int grace, List<Band> bands) {
        return new RatePlan(id, first, cny(firstPrice), next, cny(nextPrice), cny(minimum), grace, cny("0"), bands);
    }

    static RatePlan free() {
        return plan("free", 60, "0", 60, "0", "0", 0, List.of());
    }

    static final Band NIGHT = new Band("night", EnumSet.allOf(DayOfWeek.class), LocalTime.of(21, 0),
            LocalTime.of(7, 0), 60);
    static final Band WEEKEND = new Band("weekend", EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, 80);

    static Map<Category, RatePlan> plans() {
        Map<Category, RatePlan> plans = new EnumMap<>(Category.class);
        plans.put(Category.INTERNAL, free());
        plans.put(Category.EMERGENCY, free());
        plans.put(Category.TOLL_FREE, free());
        plans.put(Category.LOCAL, plan("local", 180, "0.50", 60, "0.20", "0.50", 5, List.of()));
        plans.put(Category.NATIONAL, plan("national", 60, "1.00", 60, "1.00", "0", 5, List.of(NIGHT, WEEKEND)));
        plans.put(Category.MOBILE, plan("mobile", 60, "0.80", 60, "0.80", "0", 5, List.of()));
        plans.put(Category.INTERNATIONAL, plan("international", 60, "8.00", 60, "8.00", "0", 0, List.of()));
        plans.put(Category.PREMIUM, plan("premium", 60, "5.00", 60, "5.00", "5.00", 0, List.of()));
        return plans;
    }

    static List<PrefixRule> prefixes() {
        return List.of(
                new PrefixRule("10", "北京", Category.LOCAL, 10),
                new PrefixRule("21", "上海", Category.NATIONAL, 11),
                new PrefixRule("6", "中国 (其他地区)", Category.NATIONAL, 12),
                new PrefixRule("13", "移动电话", Category.MOBILE, 13),
                new PrefixRule("110", "匪警", Category.EMERGENCY, 14),
                new PrefixRule("800", "免费电话", Category.TOLL_FREE, 15),
                new PrefixRule("0044", "United Kingdom", Category.INTERNATIONAL, 16),
                new PrefixRule("001", "United States / Canada", Category.INTERNATIONAL, 17),
                new PrefixRule("00882", "Satellite", Category.BLOCKED, 18),
                new PrefixRule("168", "信息台", Category.PREMIUM, 19));
    }

    static Tariff tariff(String version, LocalDate from, RoundingMode rounding) {
        return new Tariff(version, from, CNY, rounding, new BigDecimal("15"), cny("1.00"), BigDecimal.ZERO,
                new DiallingRules("0", "00", "", "10", 8), Map.of(), plans(), new PrefixTable(prefixes()));
    }

    static Rater rater() {
        return new Rater(new TariffBook(List.of(tariff("CN-2026-11", LocalDate.of(2026, 11, 1), RoundingMode.HALF_UP))));
    }
}
