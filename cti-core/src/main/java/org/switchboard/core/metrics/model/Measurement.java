package org.switchboard.core.metrics.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A call offered to one department, measured once and stored as measured: the threshold, talk
 * target and shift in force at the time travel with it, so a past day's report never changes.
 * {@code ringMs} runs from the department's first ring to its first answer (or, when missed, to
 * the end of ringing); null when nothing rang. {@code rings} is that time in rings of the cadence.
 */
public record Measurement(long callId, String department, String offeredExtension, Instant ringStartedAt,
                          Instant answeredAt, Long ringMs, int rings, String answeredBy, long talkMs,
                          AnswerOutcome outcome, long thresholdMs, String callType, Integer talkTargetSeconds,
                          LocalDate shiftDate, String shiftName, int localHour, List<ExtensionRing> phones) {

    public Measurement {
        phones = List.copyOf(phones);
    }

    public boolean overTalkTarget() {
        return talkTargetSeconds != null && talkMs > talkTargetSeconds * 1000L;
    }
}
