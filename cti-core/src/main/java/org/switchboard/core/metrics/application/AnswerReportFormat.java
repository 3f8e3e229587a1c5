package org.switchboard.core.metrics.application;

import org.switchboard.core.metrics.model.AnswerReport;
import org.switchboard.core.metrics.model.AnswerReport.By;
import org.switchboard.core.metrics.model.AnswerReport.Row;

import java.util.List;
import java.util.Locale;

/**
 * The answer-speed report as text for a terminal and as CSV for a spreadsheet. Only stored figures
 * go in (no configuration, no clock), so a past day's report prints the same every time.
 */
public final class AnswerReportFormat {

    private AnswerReportFormat() {
    }

    public static String text(String title, List<Row> rows, By by) {
        StringBuilder sb = new StringBuilder(title).append('\n');
        String group = by == By.DEPARTMENT ? "" : by.name();
        String fmt = "%-14s %-10s %7s %8s %7s %8s %7s %5s %8s %8s %8s %5s %9s%n";
        sb.append(String.format(Locale.ROOT, fmt, "DEPARTMENT", group, "OFFERED", "ANSWERED", "IN-TIME", "SERVICE",
                by == By.EXTENSION ? "NO-ANS" : "MISSED", "BUSY", "AVG-RING", "P90-RING", "LONGEST", "RINGS",
                "OVER-TALK"));
        for (Row r : rows) {
            boolean total = r.group().equals(AnswerReport.ALL);
            sb.append(String.format(Locale.ROOT, fmt, r.department(), by == By.DEPARTMENT ? "" : total ? "(all)" : r.group(),
                    r.offered(), r.answered(), r.withinThreshold(),
                    r.serviceLevelPercent() == null ? "-" : r.serviceLevelPercent().toPlainString() + "%",
                    r.missed(), r.busy(), seconds(r.avgRingMs()), seconds(r.p90RingMs()),
                    seconds(r.longestRingMs()), r.mostRings(), r.overTalkTarget()));
        }
        return sb.toString();
    }

    public static String csv(List<Row> rows, By by) {
        StringBuilder sb = new StringBuilder("department,").append(by == By.DEPARTMENT ? "group" : by.name().toLowerCase(Locale.ROOT))
                .append(",offered,answered,answered_within_threshold,service_level_percent,")
                .append(by == By.EXTENSION ? "ring_no_answer" : "missed")
                .append(",busy,avg_ring_seconds,p90_ring_seconds,longest_ring_seconds,most_rings,over_talk_target\r\n");
        for (Row r : rows) {
            sb.append(String.join(",", r.department(), r.group(), String.valueOf(r.offered()),
                    String.valueOf(r.answered()), String.valueOf(r.withinThreshold()),
                    r.serviceLevelPercent() == null ? "" : r.serviceLevelPercent().toPlainString(),
                    String.valueOf(r.missed()), String.valueOf(r.busy()), csvSeconds(r.avgRingMs()),
                    csvSeconds(r.p90RingMs()), csvSeconds(r.longestRingMs()),
                    String.valueOf(r.mostRings()), String.valueOf(r.overTalkTarget()))).append("\r\n");
        }
        return sb.toString();
    }

    /** Text: tenths of a second, "-" for none. */
    private static String seconds(Long ms) {
        return ms == null ? "-" : new java.math.BigDecimal(ms).movePointLeft(3)
                .setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "s";
    }

    /** CSV: milliseconds as seconds with three decimals, empty for none. */
    private static String csvSeconds(Long ms) {
        return ms == null ? "" : new java.math.BigDecimal(ms).movePointLeft(3).setScale(3).toPlainString();
    }
}
