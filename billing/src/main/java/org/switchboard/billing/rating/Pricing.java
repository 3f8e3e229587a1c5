package org.switchboard.billing.rating;

import org.switchboard.billing.money.Money;
import org.switchboard.billing.tariff.Band;
import org.switchboard.billing.tariff.Category;
import org.switchboard.billing.tariff.RatePlan;

import java.math.BigDecimal;

/**
 * The steps that priced a call, kept so that the one-line explanation is written only when someone
 * reads it (building text for every call would cost more than the arithmetic). {@code noCharge}
 * is the reason when nothing was charged, else null; {@code band} is null when none applied.
 */
record Pricing(String shownPrefix, String area, Category category, long talkSeconds, String noCharge, RatePlan plan,
               long nextBlocks, Money blocksAndConnection, Band band, Money afterBand, boolean minimumApplied,
               Money amount, BigDecimal serviceFeePercent, Money serviceFee, Money surcharge, BigDecimal taxPercent,
               Money tax, Money total) {

    String explain() {
        StringBuilder why = new StringBuilder(160).append(shownPrefix).append("… ").append(area).append(", ")
                .append(category.name().toLowerCase().replace('_', ' ')).append(", ").append(talkSeconds).append(" s");
        if (noCharge != null) {
            return why.append(" → ").append(noCharge).toString();
        }
        why.append(" → ");
        if (plan.initialBlockSeconds() == plan.nextBlockSeconds() && plan.initialBlockPrice().equals(plan.nextBlockPrice())) {
            why.append(nextBlocks + 1).append(nextBlocks == 0 ? " block of " : " blocks of ")
                    .append(plan.nextBlockSeconds()).append(" s × ").append(plain(plan.nextBlockPrice()));
        } else {
            why.append("first ").append(plan.initialBlockSeconds()).append(" s ").append(plain(plan.initialBlockPrice()));
            if (nextBlocks > 0) {
                why.append(" + ").append(nextBlocks).append(" × ").append(plan.nextBlockSeconds()).append(" s × ")
                        .append(plain(plan.nextBlockPrice()));
            }
        }
        if (!plan.connectionFee().isZero()) {
            why.append(" + connection ").append(plain(plan.connectionFee()));
        }
        why.append(" = ").append(plain(blocksAndConnection));
        if (band != null) {
            why.append("; ").append(band.name()).append(' ').append(band.percent()).append("% = ").append(plain(afterBand));
        }
        if (minimumApplied) {
            why.append("; minimum charge ").append(plain(amount));
        }
        if (!serviceFee.isZero()) {
            why.append("; service fee ").append(serviceFeePercent.stripTrailingZeros().toPlainString()).append("% = ")
                    .append(plain(serviceFee));
        }
        if (!surcharge.isZero()) {
            why.append("; surcharge ").append(plain(surcharge));
        }
        if (!tax.isZero()) {
            why.append("; tax ").append(taxPercent.stripTrailingZeros().toPlainString()).append("% = ").append(plain(tax));
        }
        return why.append("; total ").append(plain(total)).toString();
    }

    private static String plain(Money m) {
        return m.amount().toPlainString();
    }
}
