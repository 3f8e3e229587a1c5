package org.switchboard.billing.folio;

import org.junit.jupiter.api.Test;
import org.switchboard.billing.folio.Attribution.Outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostingRuleTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Occupancy.Account MAIN = new Occupancy.Account(1, "A", "张三", "CNY");
    static final Occupancy.Account SHARER = new Occupancy.Account(2, "B", "李四", "CNY");

    static Instant t(String hhmm) {
        return LocalDate.of(2026, 11, 20).atTime(LocalTime.parse(hhmm)).atZone(ZONE).toInstant();
    }

    static Attribution at(String start, String end, List<Occupancy> stays) {
        return PostingRule.attribute("801", t(start), t(end), "CNY", stays, ZONE);
    }

    @Test
    void theGuestInTheRoomAtTheCallsStartPays() {
        List<Occupancy> stays = List.of(new Occupancy("801", MAIN, MAIN, t("09:00"), t("12:00"), t("12:00")),
                new Occupancy("801", SHARER, MAIN, t("09:30"), t("12:00"), t("12:00")));
        assertEquals(new Attribution(Outcome.POSTED, MAIN, ""), at("10:00", "10:05", stays));
        assertEquals(Outcome.VACANT_ROOM, at("08:59", "09:05", stays).outcome(), "before check-in");
        assertEquals(Outcome.VACANT_ROOM, at("12:00", "12:05", stays).outcome(), "from check-out on");
        Attribution late = at("11:58", "12:03", stays);
        assertEquals(Outcome.LATE_CHARGE, late.outcome());
        assertEquals(MAIN, late.payer());
        assertEquals("call still up at check-out 2026-11-20 12:00:00", late.detail());
        assertEquals(Outcome.POSTED, PostingRule.attribute("801", t("10:00"), t("10:01"), "CNY",
                List.of(new Occupancy("801", SHARER, MAIN, t("09:30"), null, null)), ZONE).outcome(), "a sharer alone: main pays");
    }

    @Test
    void exceptionsNeverReachAGuest() {
        List<Occupancy> stays = List.of(new Occupancy("801", MAIN, MAIN, t("09:00"), null, null));
        assertEquals(Outcome.HOUSE_CALL, PostingRule.attribute(null, t("10:00"), t("10:01"), "CNY", stays, ZONE).outcome());
        assertEquals(Outcome.UNRATED, PostingRule.attribute("801", t("10:00"), t("10:01"), null, stays, ZONE).outcome());
        Attribution usd = PostingRule.attribute("801", t("10:00"), t("10:01"), "USD", stays, ZONE);
        assertEquals(Outcome.FAILED, usd.outcome());
        assertTrue(usd.detail().contains("keeps CNY, the charge is in USD"));
        assertEquals(Outcome.VACANT_ROOM, PostingRule.attribute("802", t("10:00"), t("10:01"), "CNY", stays, ZONE).outcome());
    }

    @Test
    void bookingAgainBooksOnlyTheDifferenceOrMovesTheCharge() {
        Amounts five = new Amounts(new BigDecimal("4.00"), new BigDecimal("0.60"), new BigDecimal("0.40"), BigDecimal.ZERO,
                new BigDecimal("5.00"));
        Amounts seven = new Amounts(new BigDecimal("6.00"), new BigDecimal("0.60"), new BigDecimal("0.40"), BigDecimal.ZERO,
                new BigDecimal("7.00"));
        Attribution toMain = new Attribution(Outcome.POSTED, MAIN, "");
        FolioBooking.Holder main = FolioBooking.Holder.of(toMain);
        List<FolioBooking.Change> first = FolioBooking.changes(toMain, five, Map.of());
        assertEquals(1, first.size());
        assertTrue(first.get(0).firstCharge());
        assertTrue(FolioBooking.changes(toMain, five, Map.of(main, five)).isEmpty(), "the same state books nothing");
        List<FolioBooking.Change> up = FolioBooking.changes(toMain, seven, Map.of(main, five));
        assertEquals(1, up.size());
        assertEquals(new BigDecimal("2.00"), up.get(0).amounts().total());
        assertFalse(up.get(0).firstCharge());
        Attribution vacant = new Attribution(Outcome.VACANT_ROOM, null, "no guest");
        List<FolioBooking.Change> moved = FolioBooking.changes(vacant, seven, Map.of(main, five));
        assertEquals(2, moved.size());
        assertEquals(new BigDecimal("-5.00"), moved.get(0).amounts().total());
        assertEquals(main, moved.get(0).holder());
        assertEquals(new BigDecimal("7.00"), moved.get(1).amounts().total());
    }

    @Test
    void creditLimitIsAShareOfTheDepositAndNoDepositMeansNoLimit() {
        CreditLimit limit = new CreditLimit(BigDecimal.valueOf(80));
        assertEquals(org.switchboard.billing.money.Money.of("8.00", "CNY"), limit.limit(org.switchboard.billing.money.Money.of("10", "CNY")));
        assertTrue(limit.reached(org.switchboard.billing.money.Money.of("10", "CNY"), org.switchboard.billing.money.Money.of("8.00", "CNY")));
        assertFalse(limit.reached(org.switchboard.billing.money.Money.of("10", "CNY"), org.switchboard.billing.money.Money.of("7.99", "CNY")));
        assertFalse(limit.reached(org.switchboard.billing.money.Money.of("0", "CNY"), org.switchboard.billing.money.Money.of("99", "CNY")));
        assertThrows(IllegalArgumentException.class, () -> new CreditLimit(BigDecimal.valueOf(120)));
    }

    @Test
    void theBusinessDateClosesAtTheConfiguredTime() {
        BusinessDay day = new BusinessDay(LocalTime.of(4, 0), ZONE);
        assertEquals(LocalDate.of(2026, 11, 19), day.dateOf(t("03:59")));
        assertEquals(LocalDate.of(2026, 11, 20), day.dateOf(t("04:00")));
        assertEquals(t("04:00"), day.startOf(LocalDate.of(2026, 11, 20)));
        assertEquals(LocalDate.of(2026, 11, 20), new BusinessDay(LocalTime.MIDNIGHT, ZONE).dateOf(t("00:00")));
    }

    @Test
    void anAuditorsAssignmentSettlesExceptionsOnly() {
        Attribution vacant = at("08:00", "08:05", List.of());
        assertEquals(new Attribution(Outcome.POSTED, SHARER, "assigned by x: late check-in"),
                PostingRule.withAssignment(vacant, SHARER, "CNY", "assigned by x: late check-in"));
        Attribution house = PostingRule.attribute(null, t("10:00"), t("10:01"), "CNY", List.of(), ZONE);
        assertEquals(Outcome.POSTED, PostingRule.withAssignment(house, SHARER, "CNY", "d").outcome());

        Attribution byRules = at("10:00", "10:05", List.of(new Occupancy("801", MAIN, MAIN, t("09:00"), null, null)));
        assertEquals(byRules, PostingRule.withAssignment(byRules, SHARER, "CNY", "d"), "the guest the rules found stays");
        Attribution unrated = PostingRule.attribute("801", t("10:00"), t("10:01"), null, List.of(), ZONE);
        assertEquals(unrated, PostingRule.withAssignment(unrated, SHARER, null, "d"), "nothing to charge");
        assertEquals(vacant, PostingRule.withAssignment(vacant, null, "CNY", "d"));

        Attribution otherCurrency = PostingRule.withAssignment(vacant, new Occupancy.Account(3, "U", "Smith", "USD"), "CNY", "d");
        assertEquals(Outcome.FAILED, otherCurrency.outcome());
        assertEquals("assigned to account U, which keeps USD, but the charge is in CNY", otherCurrency.detail());
    }
}
