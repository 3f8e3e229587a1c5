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

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
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
        DiallingRules rules = tariff.dialling();
        String dialled = call.dialled();
        PrefixRule rule;
        String shown;
        boolean international = !rules.internationalPrefix().isEmpty() && dialled.startsWith(rules.internationalPrefix());
        if (international || (dialled.startsWith(rules.outsideLine()) && dialled.length() > rules.outsideLine().length())) {
            // International numbers are looked up as dialled (00 + country code); others without the access code.
            String key = international ? dialled : dialled.substring(rules.outsideLine().length());
            if (!international && rules.localNumberLength() > 0 && key.length() == rules.localNumberLength()) {
                key = rules.localAreaCode() + key; // a local number, dialled without the area code
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
        Money zero = Money.zero(tariff.currency());
        String ruleRef = rule.line() > 0 ? "prefix " + rule.prefix() + " (line " + rule.line() + ")" : "internal";
        StringBuilder why = new StringBuilder(120).append(shownPrefix).append("… ").append(rule.area()).append(", ")
                .append(rule.category().name().toLowerCase().replace('_', ' ')).append(", ")
                .append(call.talkSeconds()).append(" s");
        long talk = call.talkSeconds();
        if (talk == 0 || talk <= plan.graceSeconds() || plan.isFree()) {
            why.append(talk == 0 ? " → not answered, no charge" : plan.isFree() ? " → free"
                    : " → within " + plan.graceSeconds() + " s grace, no charge");
            return new RatingResult.Rated(rule.category(), rule.area(), zero, zero, zero, zero, zero,
                    tariff.version(), ruleRef, why.toString());
        }
        long nextBlocks = talk <= plan.initialBlockSeconds() ? 0
                : (talk - plan.initialBlockSeconds() + plan.nextBlockSeconds() - 1) / plan.nextBlockSeconds();
        Money amount = plan.initialBlockPrice().plus(plan.nextBlockPrice().times(BigDecimal.valueOf(nextBlocks),
                tariff.rounding()));
        why.append(" → ");
        if (plan.initialBlockSeconds() == plan.nextBlockSeconds()
                && plan.initialBlockPrice().equals(plan.nextBlockPrice())) {
            why.append(nextBlocks + 1).append(nextBlocks == 0 ? " block of " : " blocks of ").append(plan.nextBlockSeconds()).append(" s × ")
                    .append(plan.nextBlockPrice().amount().toPlainString());
        } else {
            why.append("first ").append(plan.initialBlockSeconds()).append(" s ")
                    .append(plan.initialBlockPrice().amount().toPlainString());
            if (nextBlocks > 0) {
                why.append(" + ").append(nextBlocks).append(" × ").append(plan.nextBlockSeconds()).append(" s × ")
                        .append(plan.nextBlockPrice().amount().toPlainString());
            }
        }
        if (!plan.connectionFee().isZero()) {
            amount = amount.plus(plan.connectionFee());
            why.append(" + connection ").append(plan.connectionFee().amount().toPlainString());
        }
        why.append(" = ").append(amount.amount().toPlainString());
        for (Band band : plan.bands()) {
            if (band.covers(call.start())) {
                amount = amount.times(BigDecimal.valueOf(band.percent()).divide(HUNDRED), tariff.rounding());
                why.append("; ").append(band.name()).append(' ').append(band.percent()).append("% = ")
                        .append(amount.amount().toPlainString());
                break;
            }
        }
        if (amount.compareTo(plan.minimumCharge()) < 0) {
            amount = plan.minimumCharge();
            why.append("; minimum charge ").append(amount.amount().toPlainString());
        }
        Money fee = amount.times(tariff.serviceFeePercent().divide(HUNDRED), tariff.rounding());
        if (!fee.isZero()) {
            why.append("; service fee ").append(tariff.serviceFeePercent().stripTrailingZeros().toPlainString())
                    .append("% = ").append(fee.amount().toPlainString());
        }
        Money surcharge = tariff.surcharge();
        if (!surcharge.isZero()) {
            why.append("; surcharge ").append(surcharge.amount().toPlainString());
        }
        Money tax = amount.plus(fee).plus(surcharge).times(tariff.taxPercent().divide(HUNDRED), tariff.rounding());
        if (!tax.isZero()) {
            why.append("; tax ").append(tariff.taxPercent().stripTrailingZeros().toPlainString()).append("% = ")
                    .append(tax.amount().toPlainString());
        }
        Money total = amount.plus(fee).plus(surcharge).plus(tax);
        why.append("; total ").append(total.amount().toPlainString());
        return new RatingResult.Rated(rule.category(), rule.area(), amount, fee, surcharge, tax, total,
                tariff.version(), ruleRef, why.toString());
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
