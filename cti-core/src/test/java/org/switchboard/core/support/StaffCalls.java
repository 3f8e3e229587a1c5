package org.switchboard.core.support;

import org.switchboard.core.calls.model.CallDirection;
import org.switchboard.core.calls.model.CdrCheck;
import org.switchboard.core.calls.model.CompletedCall;
import org.switchboard.core.calls.model.CompletedLeg;
import org.switchboard.core.calls.model.Completeness;
import org.switchboard.core.calls.model.Disposition;
import org.switchboard.core.calls.model.LegRole;
import org.switchboard.core.calls.model.TimeSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Completed calls offered to staff phones, built by hand (times in Asia/Shanghai): which phones
 * rang from when, which answered when, when each stopped.
 */
public final class StaffCalls {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private StaffCalls() {
    }

    public static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    public record Phone(String ext, long ringMs, Long answerMs, long endMs) {
    }

    public static Phone phone(String ext, long ringMs, Long answerMs, long endMs) {
        return new Phone(ext, ringMs, answerMs, endMs);
    }

    public static CompletedCall call(String id, String start, CallDirection direction, long talkMs, Phone... phones) {
        Instant t0 = at(start);
        List<CompletedLeg> legs = new ArrayList<>();
        legs.add(new CompletedLeg(id + ".0", direction == CallDirection.INBOUND ? "SIP/trunk-1" : "SIP/101-1",
                LegRole.CALLER, direction == CallDirection.INBOUND ? null : "101", t0, null, null,
                t0.plusMillis(300_000), null, 16));
        int n = 1;
        Instant answered = null;
        String by = null;
        for (Phone p : phones) {
            Instant answer = p.answerMs() == null ? null : t0.plusMillis(p.answerMs());
            legs.add(new CompletedLeg(id + "." + n++, "SIP/" + p.ext() + "-" + n, LegRole.CALLEE, p.ext(), t0,
                    t0.plusMillis(p.ringMs()), answer, t0.plusMillis(p.endMs()), answer == null ? "CANCEL" : "ANSWER", 16));
            if (answer != null) {
                answered = answer;
                by = p.ext();
            }
        }
        Instant end = t0.plusMillis(300_000);
        return new CompletedCall(id, direction, "4912345678", null, "5550100", null, null, phones[0].ext(), by, null,
                null, t0, t0, answered, end, Duration.ofMillis(1000), Duration.ofMillis(talkMs),
                answered == null ? Disposition.NO_ANSWER : Disposition.ANSWERED, 16, null, TimeSource.PBX_TIMESTAMP, 0,
                null, null, CdrCheck.ABSENT, Completeness.COMPLETE, t0.atZone(SHANGHAI).toLocalDate(), legs);
    }
}
