package org.switchboard.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.switchboard.billing.money.Money;
import org.switchboard.billing.rating.CallToRate;
import org.switchboard.billing.rating.Rater;
import org.switchboard.billing.rating.RatingResult;
import org.switchboard.billing.rating.TariffBook;
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
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Calls rated per second, single-threaded: a realistic mix of dialled numbers (national, mobile,
 * local, international, internal) against a tariff with ~300 prefixes and night/weekend bands.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class RatingBenchmark {

    private Rater rater;
    private CallToRate[] calls;
    private int next;

    private static Money cny(String s) {
        return Money.of(s, "CNY");
    }

    private static RatePlan plan(String id, int first, String p1, int nextBlock, String p2, List<Band> bands) {
        return new RatePlan(id, first, cny(p1), nextBlock, cny(p2), cny("0"), 10, cny("0"), bands);
    }

    @Setup
    public void setUp() {
        Band night = new Band("night", EnumSet.allOf(DayOfWeek.class), LocalTime.of(21, 0), LocalTime.of(7, 0), 60);
        Band weekend = new Band("weekend", EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.MIDNIGHT,
                LocalTime.MIDNIGHT, 80);
        Map<Category, RatePlan> plans = new EnumMap<>(Category.class);
        RatePlan free = plan("free", 60, "0", 60, "0", List.of());
        plans.put(Category.INTERNAL, free);
        plans.put(Category.EMERGENCY, free);
        plans.put(Category.TOLL_FREE, free);
        plans.put(Category.LOCAL, plan("local", 180, "0.50", 60, "0.20", List.of()));
        plans.put(Category.NATIONAL, plan("national", 60, "1.00", 60, "1.00", List.of(night, weekend)));
        plans.put(Category.MOBILE, plan("mobile", 60, "0.80", 60, "0.80", List.of()));
        plans.put(Category.INTERNATIONAL, plan("international", 60, "8.00", 60, "8.00", List.of()));
        plans.put(Category.PREMIUM, plan("premium", 60, "5.00", 60, "5.00", List.of()));
        List<PrefixRule> rules = new ArrayList<>();
        int line = 1;
        for (int area = 300; area < 600; area++) {
            rules.add(new PrefixRule(String.valueOf(area), "Area " + area, Category.NATIONAL, line++));
        }
        for (int m = 13; m <= 19; m++) {
            rules.add(new PrefixRule(String.valueOf(m), "Mobile", Category.MOBILE, line++));
        }
        rules.add(new PrefixRule("10", "Beijing", Category.LOCAL, line++));
        rules.add(new PrefixRule("0044", "United Kingdom", Category.INTERNATIONAL, line++));
        rules.add(new PrefixRule("001", "USA", Category.INTERNATIONAL, line++));
        rules.add(new PrefixRule("00", "Other", Category.INTERNATIONAL, line));
        Tariff t = new Tariff("bench", LocalDate.of(2026, 1, 1), java.util.Currency.getInstance("CNY"),
                RoundingMode.HALF_UP, new BigDecimal("15"), cny("1.00"), BigDecimal.ZERO,
                new DiallingRules("0", "00", "", "10", 8), Map.of(), plans, new PrefixTable(rules));
        rater = new Rater(new TariffBook(List.of(t)));
        Random r = new Random(7);
        calls = new CallToRate[4096];
        String[] patterns = {"0%d1234567", "013%d12345678", "06%d234567", "0044%d1234567", "00120%d555", "1%d2"};
        for (int i = 0; i < calls.length; i++) {
            String dialled = String.format(patterns[r.nextInt(patterns.length)], 300 + r.nextInt(300));
            LocalDateTime start = LocalDateTime.of(2026, 11, 1 + r.nextInt(28), r.nextInt(24), r.nextInt(60));
            calls[i] = new CallToRate("101", dialled, start, r.nextInt(600));
        }
    }

    @Benchmark
    public RatingResult rateOneCall() {
        CallToRate c = calls[next++ & (calls.length - 1)];
        return rater.rate(c);
    }

    /** The same, also writing the one-line explanation (as when a charge is stored or exported). */
    @Benchmark
    public String rateAndExplainOneCall() {
        CallToRate c = calls[next++ & (calls.length - 1)];
        RatingResult r = rater.rate(c);
        return r instanceof RatingResult.Rated rated ? rated.explanation() : ((RatingResult.NotRated) r).detail();
    }
}
