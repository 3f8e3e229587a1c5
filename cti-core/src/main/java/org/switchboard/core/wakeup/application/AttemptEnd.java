package org.switchboard.core.wakeup.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.wakeup.infrastructure.WakeupRepository;
import org.switchboard.core.wakeup.model.AttemptOutcome;
import org.switchboard.core.wakeup.model.CallStatus;
import org.switchboard.core.wakeup.model.NextStep;
import org.switchboard.core.wakeup.model.WakeupAttempt;
import org.switchboard.core.wakeup.model.WakeupCall;
import org.switchboard.core.wakeup.model.WakeupSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What follows an ended attempt: the attempt and the call's next step are written together, then the retry's
 * timer is set, the guest counts as woken, or the call is escalated to a person.
 */
final class AttemptEnd {

    private static final Logger log = LoggerFactory.getLogger(WakeupCaller.class);

    private final WakeupRepository repository;
    private final WakeupTimers timers;
    private final WakeupSettings settings;
    private final WakeupAnnouncer announcer;
    private final OperatorEscalation escalation;

    AttemptEnd(WakeupRepository repository, WakeupTimers timers, WakeupSettings settings,
               WakeupAnnouncer announcer, OperatorEscalation escalation) {
        this.repository = repository;
        this.timers = timers;
        this.settings = settings;
        this.announcer = announcer;
        this.escalation = escalation;
    }

    void finish(WakeupAttempt a) {
        WakeupCall call = repository.call(a.callId()).orElseThrow();
        NextStep next = NextStep.after(a.outcome(), a.attemptNo(), a.endedAt(), settings);
        log.info("wake-up room {} call {} attempt {}: {}", call.room(), call.callNo(), a.attemptNo(), describe(a));
        if (call.status() == CallStatus.CANCELLED) {
            repository.finish(a, CallStatus.CANCELLED, call.note(), null, null);
            return;
        }
        if (next instanceof NextStep.Woken) {
            repository.finish(a, CallStatus.WOKEN, "woken at attempt " + a.attemptNo(), null, null);
            announcer.announce("wakeup-woken", Map.of("room", call.room(), "callNo", call.callNo(), "attempts", a.attemptNo()));
        } else if (next instanceof NextStep.Retry retry) {
            repository.finish(a, CallStatus.SCHEDULED, "attempt " + a.attemptNo() + ": " + describe(a), retry.attemptNo(), retry.at());
            timers.schedule(call.id(), retry.attemptNo(), retry.at());
        } else {
            String reason = ((NextStep.Escalate) next).reason() + (a.detail() == null ? "" : " (" + a.detail() + ")");
            repository.finish(a, CallStatus.ESCALATED, reason, null, null);
            escalation.escalate(new WakeupAlarm(call.id(), call.room(), call.callNo(), call.dueAt(), a.attemptNo(),
                    reason, a.endedAt()));
        }
    }

    /** An attempt past the late limit is not placed but escalated: true when that happened. */
    boolean tooLate(WaitingAttempt w, Instant now, String why) {
        Duration late = Duration.between(w.scheduledAt(), now);
        if (late.compareTo(settings.lateLimit()) <= 0) {
            return false;
        }
        finish(new WakeupAttempt(w.attemptId(), w.call().id(), w.attemptNo(), w.scheduledAt(), null, now,
                AttemptOutcome.TOO_LATE, null, null, null, null, null, null,
                why + ", " + late.toMinutes() + " min late (limit " + settings.lateLimit().toMinutes() + " min)"));
        return true;
    }

    private static String describe(WakeupAttempt a) {
        return a.outcome().name().toLowerCase().replace('_', ' ') + (a.detail() == null ? "" : " — " + a.detail());
    }

    /** An attempt a stopped daemon had placed: its outcome is lost with the stop, so it counts as failed. */
    void stoppedWhilePlaced(WakeupAttempt a, java.time.Instant now) {
        finish(new WakeupAttempt(a.id(), a.callId(), a.attemptNo(), a.scheduledAt(), a.placedAt(), now,
                AttemptOutcome.FAILED, null, null, null, a.actionId(), a.uniqueId(), a.channel(),
                "the daemon stopped while this call was placed"));
    }
}
