package org.switchboard.billing.rating;

import org.switchboard.billing.money.Money;
import org.switchboard.billing.tariff.Band;
import org.switchboard.billing.tariff.Category;
import org.switchboard.billing.tariff.DiallingRules;
import org.switchboard.billing.tariff.PrefixRule;
import org.switchboard.billing.tariff.RatePlan;
import org.switchboard.billing.tariff.Tariff;

import java.math.BigDecimal;

/**
 * Prices calls from a {@link TariffBook}. The number is classified (outside-line code stripped;
 * international, local or national; no outside line = internal unless it is an emergency code),
 * the longest matching prefix gives area and category, the category's plan gives the charge:
 * <ol>
 *   <li>unanswered or within the grace seconds: nothing;</li>
 *   <li>the initial block, then following blocks, each started block paid in full;</li>
 *   <li>plus the connection fee; scaled by the first band that covers the start; at least the minimum;</li>
 *   <li>service fee = percent of that amount; surcharge per charged call; tax on the sum, if configured.</li>
 * </ol>
 * Each percentage is rounded once, to the currency's scale, with the tariff's rounding mode.
 * Stateless; thread-safe.
 */
public final class Rater {

    private final TariffBook book;

    public Rater(TariffBook book) {
        this.book = book;
    }

    public RatingResult rate(CallToRate call) {
        Tariff tariff = book.inForceOn(call.start().toLocalDate());
        if (tariff == null) {
            return new RatingResult.NotRated(RatingResult.Reason.NO_TARIFF_FOR_DATE,
                    "no tariff in force on " + call.start().toLocalDate());
        }
        DiallingRules rules = tariff.diallingFor(call.trunk());
        String dialled = call.dialled();
        PrefixRule rule;
        String shown;
        boolean international = !rules.internationalPrefix().isEmpty() && dialled.startsWith(rules.internationalPrefix());
        if (international || (dialled.startsWith(rules.outsideLine()) && dialled.length() > rules.outsideLine().length())) {
            // International numbers are looked up as 00 + country code, whatever the trunk's prefix; others
            // without the access code.
            String key = international ? "00" + dialled.substring(rules.internationalPrefix().length())
                    : dialled.substring(rules.outsideLine().length());
            if (!international) {
                key = nationalKey(key, rules);
            }
            rule = tariff.prefixes().longestMatch(key);
            if (rule == null) {
                return new RatingResult.NotRated(RatingResult.Reason.UNKNOWN_DESTINATION,
                        "no prefix in tariff " + tariff.version() + " matches " + dialled);
            }
            shown = rule.prefix();
        } else {
            PrefixRule emergency = tariff.prefixes().longestMatch(dialled);
            rule = emergency != null && emergency.category() == Category.EMERGENCY ? emergency
                    : new PrefixRule(dialled.isEmpty() ? "0" : onlyDigits(dialled), "internal", Category.INTERNAL, 0);
            shown = rule.prefix();
        }
        if (rule.category() == Category.BLOCKED) {
            return new RatingResult.NotRated(RatingResult.Reason.BLOCKED,
                    dialled + " is " + rule.area() + " (blocked, tariff line " + rule.line() + ")");
        }
        return price(tariff, rule, shown, call);
    }

    private static RatingResult.Rated price(Tariff tariff, PrefixRule rule, String shownPrefix, CallToRate call) {
        RatePlan plan = tariff.plans().get(rule.category());
        long talk = call.talkSeconds();
        if (talk == 0 || talk <= plan.graceSeconds() || plan.isFree()) {
            Money zero = Money.zero(tariff.currency());
            String noCharge = talk == 0 ? "not answered, no charge" : plan.isFree() ? "free"
                    : "within " + plan.graceSeconds() + " s grace, no charge";
            return new RatingResult.Rated(rule.category(), rule.area(), zero, zero, zero, zero, zero, tariff.version(),
                    rule, new Pricing(shownPrefix, rule.area(), rule.category(), talk, noCharge, plan, 0, zero, null,
                    zero, false, zero, tariff.serviceFeePercent(), zero, zero, tariff.taxPercent(), zero, zero));
        }
        long nextBlocks = talk <= plan.initialBlockSeconds() ? 0
                : (talk - plan.initialBlockSeconds() + plan.nextBlockSeconds() - 1) / plan.nextBlockSeconds();
        Money amount = nextBlocks == 0 ? plan.initialBlockPrice() : plan.initialBlockPrice().plus(
                plan.nextBlockPrice().times(BigDecimal.valueOf(nextBlocks), tariff.rounding()));
        if (!plan.connectionFee().isZero()) {
            amount = amount.plus(plan.connectionFee());
        }
        Money blocks = amount;
        Band applied = null;
        for (Band band : plan.bands()) {
            if (band.covers(call.start())) {
                amount = amount.times(BigDecimal.valueOf(band.percent(), 2), tariff.rounding()); // percent/100, exact
                applied = band;
                break;
            }
        }
        Money afterBand = amount;
        boolean minimum = amount.compareTo(plan.minimumCharge()) < 0;
        if (minimum) {
            amount = plan.minimumCharge();
        }
        Money fee = amount.times(tariff.serviceFeePercent().movePointLeft(2), tariff.rounding());
        Money surcharge = tariff.surcharge();
        Money tax = tariff.taxPercent().signum() == 0 ? Money.zero(tariff.currency())
                : amount.plus(fee).plus(surcharge).times(tariff.taxPercent().movePointLeft(2), tariff.rounding());
        Money total = amount.plus(fee).plus(surcharge).plus(tax);
        return new RatingResult.Rated(rule.category(), rule.area(), amount, fee, surcharge, tax, total,
                tariff.version(), rule, new Pricing(shownPrefix, rule.area(), rule.category(), talk, null, plan,
                nextBlocks, blocks, applied, afterBand, minimum, amount, tariff.serviceFeePercent(), fee, surcharge,
                tariff.taxPercent(), tax, total));
    }

    /** The lookup key of a number dialled after the access code: national as is, local with the area code. */
    private static String nationalKey(String number, DiallingRules rules) {
        if (!rules.nationalPrefix().isEmpty()) {
            return number.startsWith(rules.nationalPrefix()) ? number.substring(rules.nationalPrefix().length())
                    : isShortCode(number) ? number : rules.localAreaCode() + number;
        }
        if (rules.localNumberLength() > 0 && number.length() == rules.localNumberLength()) {
            return rules.localAreaCode() + number; // a local number, dialled without the area code
        }
        return number;
    }

    /** Emergency and service codes (110, 119 …) are dialled as they are, never with an area code. */
    private static boolean isShortCode(String number) {
        return number.length() <= 5;
    }

    private static String onlyDigits(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                sb.append(s.charAt(i));
            }
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }
}
