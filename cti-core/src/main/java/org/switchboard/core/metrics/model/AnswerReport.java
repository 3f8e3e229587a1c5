package org.switchboard.core.metrics.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The answer-speed report over stored measurements: per department, optionally split by shift,
 * hour or extension, each department followed by its total and the whole report by a grand total.
 * Ring-time averages and percentiles are over answered calls (speed of answer); the longest ring
 * is over all calls, missed ones included. Deterministic: the same measurements give the same rows.
 */
public final class AnswerReport {

    public enum By { DEPARTMENT, SHIFT, HOUR, EXTENSION }

    public static final String ALL = "all";

    /**
     * One line. {@code missed} is ring-no-answer in the extension view. Service level is the share
     * of offered calls answered within the threshold, in percent to one decimal (null when nothing
     * was offered).
     */
    public record Row(String department, String group, long offered, long answered, long withinThreshold, long missed,
                      long busy, BigDecimal serviceLevelPercent, Long avgRingMs, Long p90RingMs, Long longestRingMs,
                      int mostRings, long overTalkTarget) {
    }

    /** One sample for a line: a department's call or a phone's part in it. */
    private record Sample(boolean answered, boolean within, boolean missed, boolean busy, Long ringMs, int rings,
                          boolean overTalk) {
    }

    private AnswerReport() {
    }

    public static List<Row> build(List<Measurement> measurements, By by, ShiftPlan shifts) {
        Map<String, List<Measurement>> byDepartment = new TreeMap<>();
        for (Measurement m : measurements) {
            byDepartment.computeIfAbsent(m.department(), k -> new ArrayList<>()).add(m);
        }
        List<Row> rows = new ArrayList<>();
        List<Sample> everything = new ArrayList<>();
        byDepartment.forEach((department, ms) -> {
            List<Sample> departmentSamples = ms.stream().map(AnswerReport::sample).toList();
            everything.addAll(departmentSamples);
            if (by == By.EXTENSION) {
                Map<String, List<Sample>> phones = new TreeMap<>();
                for (Measurement m : ms) {
                    for (ExtensionRing p : m.phones()) {
                        boolean overTalk = p.result() == RingResult.ANSWERED && m.overTalkTarget();
                        phones.computeIfAbsent(p.extension(), k -> new ArrayList<>()).add(new Sample(
                                p.result() == RingResult.ANSWERED, p.withinThreshold(),
                                p.result() == RingResult.RING_NO_ANSWER, p.result() == RingResult.BUSY,
                                p.ringStartedAt() == null ? null : p.ringMs(), p.rings(), overTalk));
                    }
                }
                phones.forEach((ext, samples) -> rows.add(row(department, ext, samples)));
            } else if (by != By.DEPARTMENT) {
                Function<Measurement, String> key = by == By.SHIFT ? Measurement::shiftName
                        : m -> String.format("%02d:00", m.localHour());
                Comparator<String> order = by == By.SHIFT
                        ? Comparator.comparingInt(shifts::order).thenComparing(Comparator.naturalOrder())
                        : Comparator.comparingInt((String h) -> shifts.hourOrder(Integer.parseInt(h.substring(0, 2))));
                Map<String, List<Sample>> groups = new TreeMap<>(order);
                for (Measurement m : ms) {
                    groups.computeIfAbsent(key.apply(m), k -> new ArrayList<>()).add(sample(m));
                }
                groups.forEach((g, samples) -> rows.add(row(department, g, samples)));
            }
            rows.add(row(department, ALL, departmentSamples));
        });
        rows.add(row(ALL, ALL, everything));
        return rows;
    }

    private static Sample sample(Measurement m) {
        return new Sample(m.outcome().answered(), m.outcome() == AnswerOutcome.ANSWERED_IN_TIME,
                m.outcome() == AnswerOutcome.MISSED, m.outcome() == AnswerOutcome.BUSY, m.ringMs(), m.rings(),
                m.overTalkTarget());
    }

    private static Row row(String department, String group, List<Sample> samples) {
        long offered = samples.size();
        long answered = samples.stream().filter(Sample::answered).count();
        long within = samples.stream().filter(Sample::within).count();
        long missed = samples.stream().filter(Sample::missed).count();
        long busy = samples.stream().filter(Sample::busy).count();
        long overTalk = samples.stream().filter(Sample::overTalk).count();
        long[] answeredRings = samples.stream().filter(s -> s.answered() && s.ringMs() != null)
                .mapToLong(Sample::ringMs).sorted().toArray();
        Long avg = answeredRings.length == 0 ? null
                : Math.round((double) java.util.Arrays.stream(answeredRings).sum() / answeredRings.length);
        Long p90 = answeredRings.length == 0 ? null
                : answeredRings[(int) Math.ceil(0.9 * answeredRings.length) - 1]; // nearest rank
        Long longest = samples.stream().map(Sample::ringMs).filter(java.util.Objects::nonNull)
                .max(Long::compare).orElse(null);
        int mostRings = samples.stream().mapToInt(Sample::rings).max().orElse(0);
        BigDecimal level = offered == 0 ? null : BigDecimal.valueOf(within * 100L)
                .divide(BigDecimal.valueOf(offered), 1, RoundingMode.HALF_UP);
        return new Row(department, group, offered, answered, within, missed, busy, level, avg, p90, longest,
                mostRings, overTalk);
    }
}
