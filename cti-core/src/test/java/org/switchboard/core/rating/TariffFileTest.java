package org.switchboard.core.rating;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.billing.money.Money;
import org.switchboard.billing.rating.CallToRate;
import org.switchboard.billing.rating.Rater;
import org.switchboard.billing.rating.RatingResult;
import org.switchboard.billing.rating.TariffBook;
import org.switchboard.billing.tariff.Category;
import org.switchboard.billing.tariff.Tariff;
import org.switchboard.core.config.ConfigError;
import org.switchboard.core.config.ConfigException;
import org.switchboard.core.rating.config.TariffLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example tariff in config/ as the PBX administrator ships it, and the loader's error reports. */
class TariffFileTest {

    static final Path EXAMPLE = Path.of("..", "config", "tariff-cn.yaml");
    static final ZoneId HOTEL = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    private static RatingResult.Rated rate(String dialled, LocalDateTime start, long talk) {
        Rater rater = new Rater(new TariffBook(List.of(TariffLoader.loadFile(EXAMPLE))));
        return assertInstanceOf(RatingResult.Rated.class, rater.rate(new CallToRate("101", dialled, start, talk)));
    }

    /** The recording's start instant (UTC) seen in the hotel's zone. */
    private static LocalDateTime recorded(String utc) {
        return ZonedDateTime.parse(utc).withZoneSameInstant(HOTEL).toLocalDateTime();
    }

    @Test
    void theRecordedInternationalCallCosts19Yuan40() {
        RatingResult.Rated r = rate("00441234567890", recorded("2026-11-23T07:50:50Z"), 65);
        assertEquals(Money.of("16.00", "CNY"), r.amount());
        assertEquals(Money.of("19.40", "CNY"), r.total());
        assertEquals("0044… United Kingdom, international, 65 s → 2 blocks of 60 s × 8.00 = 16.00; "
                + "service fee 15% = 2.40; surcharge 1.00; total 19.40", r.explanation());
    }

    @Test
    void theRecordedNationalCallCosts2Yuan15() {
        RatingResult.Rated r = rate("0612345678", recorded("2026-11-23T07:52:07Z"), 20);
        assertEquals(Category.NATIONAL, r.category());
        assertEquals(Money.of("2.15", "CNY"), r.total());
        assertTrue(r.explanation().contains("1 block of 60 s × 1.00 = 1.00"), r.explanation());
    }

    @Test
    void theExampleKnowsBeijingLocalMobileEmergencyAndTollFree() {
        LocalDateTime monday = LocalDateTime.of(2026, 11, 23, 10, 0);
        assertEquals(Category.LOCAL, rate("065123456", monday, 100).category());
        assertEquals("上海", rate("02112345678", monday, 100).area());
        assertEquals(Category.MOBILE, rate("013912345678", monday, 100).category());
        assertEquals(Money.of("0.00", "CNY"), rate("0120", monday, 100).total());
        assertEquals(Money.of("0.00", "CNY"), rate("04008123456", monday, 300).total());
        assertEquals(Category.INTERNAL, rate("8000", monday, 300).category());
    }

    private List<String> errors(String yaml) throws Exception {
        Path f = dir.resolve("tariff-test.yaml");
        Files.writeString(f, yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> TariffLoader.loadFile(f));
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void aTariffThatLeavesACategoryUnpricedIsRefusedAtLoad() throws Exception {
        String yaml = Files.readString(EXAMPLE).replace("  mobile: mobile\n", "");
        List<String> errs = errors(yaml);
        assertEquals(1, errs.size(), errs.toString());
        assertTrue(errs.get(0).matches(".*tariff-test.yaml:\\d+: categories.mobile: missing: every category needs a plan.*"),
                errs.toString());
    }

    @Test
    void badValuesAreReportedWithFileLineAndField() throws Exception {
        String yaml = Files.readString(EXAMPLE)
                .replace("initial-block-price: \"0.50\"", "initial-block-price: \"0,50\"")
                .replace("{ prefix: \"21\", area: 上海, category: national }", "{ prefix: \"2l\", area: 上海, category: national }")
                .replace("  emergency: free", "  emergency: national");
        List<String> errs = errors(yaml);
        String f = dir.resolve("tariff-test.yaml").toString();
        assertTrue(errs.contains(f + ":27: plans.local.initial-block-price: '0,50' is not an amount like 0.50"), errs.toString());
        assertTrue(errs.stream().anyMatch(e -> e.matches(".*:\\d+: prefixes\\[9\\]\\.prefix: '2l' is not digits")), errs.toString());
        assertTrue(errs.stream().anyMatch(e -> e.contains("categories.emergency: must be a free plan, but 'national' charges")),
                errs.toString());
    }

    @Test
    void aPrefixGivenTwiceNamesBothLines() throws Exception {
        String yaml = Files.readString(EXAMPLE) + "  - { prefix: \"0044\", area: UK again, category: international }\n";
        List<String> errs = errors(yaml);
        assertEquals(List.of(dir.resolve("tariff-test.yaml") + ":130: prefixes[63].prefix: prefix 0044 is already defined on line 117"),
                errs);
    }

    @Test
    void theExampleLoadsAsOneVersion() {
        Tariff t = TariffLoader.loadFile(EXAMPLE);
        assertEquals("CN-BJ-2026-11", t.version());
        assertTrue(t.prefixes().size() > 50);
    }
}
