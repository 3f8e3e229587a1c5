package org.switchboard.core.wakeup.model;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A day's wake-up calls for the night auditor, one line for the first calls and one for the guests'
 * second calls: booked (calls due that day), woken at the first attempt, woken after a retry,
 * escalated (no attempt woke the guest, or it came too late: the operator was rung), cancelled,
 * still pending; and how late the first attempts were placed (channel limit, outage).
 */
public record WakeupReport(LocalDate date, List<Line> lines) {

    public record Line(String calls, int booked, int wokenFirstAttempt, int wokenAfterRetry, int escalated,
                       int cancelled, int pending, Duration avgLateness, Duration maxLateness) {
    }

    public static WakeupReport of(LocalDate date, List<WakeupCall> calls, List<WakeupAttempt> attempts) {
        Map<Long, WakeupAttempt> firstAttempt = attempts.stream().filter(a -> a.attemptNo() == 1)
                .collect(Collectors.toMap(WakeupAttempt::callId, Function.identity(), (a, b) -> a));
        List<Line> lines = new ArrayList<>();
        lines.add(line("first call", calls.stream().filter(c -> c.callNo() == 1).toList(), firstAttempt));
        lines.add(line("second call", calls.stream().filter(c -> c.callNo() == 2).toList(), firstAttempt));
        lines.add(line("all", calls, firstAttempt));
        return new WakeupReport(date, lines);
    }

    private static Line line(String name, List<WakeupCall> calls, Map<Long, WakeupAttempt> firstAttempt) {
        List<Duration> late = calls.stream().map(c -> firstAttempt.get(c.id())).filter(a -> a != null && a.placedAt() != null)
                .map(WakeupAttempt::lateness).toList();
        Duration avg = late.isEmpty() ? null
                : Duration.ofMillis(Math.round(late.stream().mapToLong(Duration::toMillis).average().orElse(0)));
        Duration max = late.stream().max(Duration::compareTo).orElse(null);
        return new Line(name, calls.size(),
                count(calls, c -> c.status() == CallStatus.WOKEN && c.attempts() == 1),
                count(calls, c -> c.status() == CallStatus.WOKEN && c.attempts() > 1),
                count(calls, c -> c.status() == CallStatus.ESCALATED),
                count(calls, c -> c.status() == CallStatus.CANCELLED),
                count(calls, c -> c.status() == CallStatus.SCHEDULED), avg, max);
    }

    private static int count(List<WakeupCall> calls, java.util.function.Predicate<WakeupCall> p) {
        return (int) calls.stream().filter(p).count();
    }
}
