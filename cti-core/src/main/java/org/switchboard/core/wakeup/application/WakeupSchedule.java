package org.switchboard.core.wakeup.application;

import org.switchboard.core.wakeup.infrastructure.WakeupRepository;
import org.switchboard.core.wakeup.model.LocalWakeTime;
import org.switchboard.core.wakeup.model.WakeupCall;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** Keeps a timer on every wake-up call that has an attempt to come: daily bookings' next day, and after a stop. */
final class WakeupSchedule {

    private final WakeupRepository repository;
    private final WakeupTimers timers;
    private final ZoneId zone;

    WakeupSchedule(WakeupRepository repository, WakeupTimers timers, ZoneId zone) {
        this.repository = repository;
        this.timers = timers;
        this.zone = zone;
    }

    /** A daily booking's calls for the day after {@code call}'s, with their timers (once, however often asked). */
    void bookNextDay(WakeupCall call) {
        LocalDate next = call.wakeDate().plusDays(1);
        LocalWakeTime t = LocalWakeTime.on(next, LocalTime.parse(call.localTime()), zone);
        if (repository.addDay(call.bookingId(), next, WakeupDesk.callsDue(t, call.secondAfter()))) {
            repository.callsOfBooking(call.bookingId()).stream().filter(c -> c.wakeDate().equals(next))
                    .forEach(c -> timers.schedule(c.id(), 1, c.dueAt()));
        }
    }

    /** Sets the timer of every open call's next attempt (also re-based if the clock moved while down); how many open. */
    int rearmOpenCalls() {
        var open = repository.openCalls();
        for (WakeupCall c : open) {
            if (c.nextAttempt() != null) {
                timers.schedule(c.id(), c.nextAttempt(), c.nextAt());
            }
        }
        return open.size();
    }

    /** Every open call with a pending attempt has its timer (a booking written just before a crash, a lost trigger). */
    int reconcileTimers() {
        int set = 0;
        for (WakeupCall c : repository.openCalls()) {
            if (c.nextAttempt() != null && !timers.isScheduled(c.id(), c.nextAttempt())) {
                timers.schedule(c.id(), c.nextAttempt(), c.nextAt());
                set++;
            }
        }
        return set;
    }
}
