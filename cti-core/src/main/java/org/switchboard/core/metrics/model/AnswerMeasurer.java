package org.switchboard.core.metrics.model;

import org.switchboard.core.calls.model.CallDirection;
import org.switchboard.core.calls.model.CompletedLeg;
import org.switchboard.core.calls.model.LegRole;
import org.switchboard.core.directory.Department;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Measures how a call offered to staff phones was answered. Inbound and internal calls count;
 * outbound calls and calls the PBX placed (wake-ups) do not. The call counts once for each
 * department whose phones it rang — a ring group, queue or forward that rings several phones of
 * one department is one offered call, timed from the department's first ring to its first answer —
 * and each of those phones gets its own line (answered, ring-no-answer, busy). Ring time is
 * compared with the threshold at the report's precision (tenths of a second), so the recorded
 * "answered after 3 s" (3.006 s) is within a 3 s threshold. Stateless; thread-safe.
 */
public final class AnswerMeasurer {

    private final Directory directory;
    private final MetricsSettings settings;
    private final ZoneId zone;

    public AnswerMeasurer(Directory directory, MetricsSettings settings, ZoneId zone) {
        this.directory = directory;
        this.settings = settings;
        this.zone = zone;
    }

    /** Inbound and internal calls can be offered to staff; outbound and PBX-placed calls cannot. */
    public static final java.util.Set<CallDirection> MEASURED_DIRECTIONS =
            java.util.EnumSet.of(CallDirection.INBOUND, CallDirection.INTERNAL);

    public List<Measurement> measure(OfferedCall call) {
        if (!MEASURED_DIRECTIONS.contains(call.direction())) {
            return List.of();
        }
        Map<Department, List<CompletedLeg>> byDepartment = new LinkedHashMap<>();
        call.legs().stream().filter(l -> l.role() == LegRole.CALLEE).sorted(Comparator.comparing(CompletedLeg::createdAt))
                .forEach(l -> departmentOf(l.extension())
                        .ifPresent(d -> byDepartment.computeIfAbsent(d, k -> new ArrayList<>()).add(l)));
        List<Measurement> out = new ArrayList<>();
        byDepartment.forEach((d, legs) -> out.add(measure(call, d, legs)));
        return out;
    }

    private Optional<Department> departmentOf(String extension) {
        return directory.extension(extension).map(Extension::department).map(directory.departments()::get);
    }

    private Measurement measure(OfferedCall call, Department d, List<CompletedLeg> legs) {
        long thresholdMs = d.answerThresholdSeconds() * 1000L;
        CompletedLeg answering = legs.stream().filter(l -> l.answeredAt() != null)
                .min(Comparator.comparing(CompletedLeg::answeredAt)).orElse(null);
        Instant ringStart = legs.stream().map(CompletedLeg::ringStartedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        List<ExtensionRing> phones = legs.stream().map(l -> phone(l, thresholdMs)).toList();
        Long ringMs = null;
        AnswerOutcome outcome;
        if (answering != null) {
            Instant from = ringStart == null || ringStart.isAfter(answering.answeredAt()) ? answering.answeredAt() : ringStart;
            ringMs = Duration.between(from, answering.answeredAt()).toMillis();
            ringStart = from;
            outcome = within(ringMs, thresholdMs) ? AnswerOutcome.ANSWERED_IN_TIME : AnswerOutcome.ANSWERED_LATE;
        } else {
            if (ringStart != null) {
                Instant ringEnd = legs.stream().filter(l -> l.ringStartedAt() != null).map(CompletedLeg::hungUpAt)
                        .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(ringStart);
                ringMs = Math.max(0, Duration.between(ringStart, ringEnd).toMillis());
            }
            boolean rangOut = phones.stream().anyMatch(p -> p.result() == RingResult.RING_NO_ANSWER);
            boolean busy = phones.stream().anyMatch(p -> p.result() == RingResult.BUSY);
            outcome = busy && !rangOut ? AnswerOutcome.BUSY : AnswerOutcome.MISSED;
        }
        String callType = d.callType();
        Integer target = callType == null ? null : settings.talkTargetSeconds().get(callType);
        Instant when = ringStart != null ? ringStart : legs.get(0).createdAt();
        ShiftPlan.Slot slot = settings.shifts().slotOf(when, zone);
        return new Measurement(call.callId(), d.id(), legs.get(0).extension(), ringStart,
                answering == null ? null : answering.answeredAt(), ringMs,
                ringMs == null ? 0 : settings.cadence().rings(ringMs),
                answering == null ? null : answering.extension(),
                answering == null ? 0 : call.talk().toMillis(), outcome, thresholdMs, callType, target,
                slot.date(), slot.name(), when.atZone(zone).getHour(), phones);
    }

    /** A phone that returned busy is busy even if it rang first (a SIP 180 then 486). */
    private ExtensionRing phone(CompletedLeg l, long thresholdMs) {
        Instant end = l.answeredAt() != null ? l.answeredAt() : l.hungUpAt();
        long ms = l.ringStartedAt() == null || end == null ? 0
                : Math.max(0, Duration.between(l.ringStartedAt(), end).toMillis());
        RingResult result = l.answeredAt() != null ? RingResult.ANSWERED
                : busy(l) ? RingResult.BUSY
                : l.ringStartedAt() != null ? RingResult.RING_NO_ANSWER : RingResult.FAILED;
        return new ExtensionRing(l.extension(), l.ringStartedAt(), ms, settings.cadence().rings(ms), result,
                result == RingResult.ANSWERED && within(ms, thresholdMs));
    }

    /** Ring time at a tenth of a second, as reported, against the threshold. */
    static boolean within(long ringMs, long thresholdMs) {
        return (ringMs + 50) / 100 * 100 <= thresholdMs;
    }

    private static boolean busy(CompletedLeg l) {
        return "BUSY".equalsIgnoreCase(l.dialStatus())
                || (l.dialStatus() == null && Integer.valueOf(17).equals(l.hangupCause()));
    }
}
