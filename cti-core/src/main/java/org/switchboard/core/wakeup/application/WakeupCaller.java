package org.switchboard.core.wakeup.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.wakeup.infrastructure.WakeupRepository;
import org.switchboard.core.wakeup.model.AttemptOutcome;
import org.switchboard.core.wakeup.model.CallStatus;
import org.switchboard.core.wakeup.model.LocalWakeTime;
import org.switchboard.core.wakeup.model.NextStep;
import org.switchboard.core.wakeup.model.WakeupAttempt;
import org.switchboard.core.wakeup.model.WakeupCall;
import org.switchboard.core.wakeup.model.WakeupSettings;
import org.switchboard.pbx.ami.OriginateRequest;
import org.switchboard.pbx.ami.Originator;
import org.switchboard.pbx.event.PbxEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Places wake-up calls when their timers fire: at most {@code max-channels} ring at once, the rest
 * wait in due-then-booking order; each is an async AMI Originate whose outcome comes from the
 * OriginateResponse and the call's events (a failed Originate has no real channel and no DialEnd).
 * After an attempt: woken, retry later, or escalate (the operator's phone rings and the live stream
 * raises an alarm). Nothing is dropped: every attempt is written before it is placed, and at start
 * the calls and attempts a stopped daemon left behind are taken up again.
 * <p>All state lives on one thread ({@code wakeup-caller}); events and timers are handed to it.
 */
public final class WakeupCaller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WakeupCaller.class);
    /** Beyond the ring timeout, how long to wait for the PBX's OriginateResponse before calling it failed. */
    private static final Duration RESPONSE_GRACE = Duration.ofSeconds(30);
    /** An answered wake-up whose hang-up never arrives is closed after this. */
    private static final Duration ANSWERED_LIMIT = Duration.ofMinutes(15);
    /** The room an escalation call is about; not WAKEUP_ROOM, which marks the room's own wake-up call. */
    public static final String ESCALATION_VARIABLE = "WAKEUP_FOR_ROOM";

    /** Where alarms and progress go (the daemon's live stream). */
    public interface Announcer {
        void announce(String type, Object data);
    }

    /** A wake-up the guest could not be woken by, for a person to act on. */
    public record Alarm(long callId, String room, int callNo, Instant dueAt, int attempts, String reason, Instant at) {
    }

    private record Waiting(long attemptId, int attemptNo, Instant scheduledAt, WakeupCall call) {
    }

    /** An attempt ringing now, filled in as its events arrive. */
    private static final class Ringing {
        final Waiting w;
        final String actionId;
        final Instant placedAt;
        String uniqueId;
        String channel;
        Instant ringingAt;
        Instant answeredAt;
        Instant hungUpAt;
        Boolean success;
        Integer reason;

        Ringing(Waiting w, String actionId, Instant placedAt) {
            this.w = w;
            this.actionId = actionId;
            this.placedAt = placedAt;
        }
    }

    private final WakeupRepository repository;
    private final WakeupTimers timers;
    private final Originator pbx;
    private final WakeupSettings settings;
    private final ZoneId zone;
    private final Clock clock;
    private final Announcer announcer;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wakeup-caller");
        t.setDaemon(true);
        return t;
    });
    private final PriorityQueue<Waiting> waiting = new PriorityQueue<>(Comparator.comparing(Waiting::scheduledAt)
            .thenComparingLong(w -> w.call().id()).thenComparingInt(Waiting::attemptNo));
    private final Map<String, Ringing> byActionId = new LinkedHashMap<>();
    private final Map<String, Ringing> byRoom = new HashMap<>();
    private final Map<String, Ringing> byUniqueId = new HashMap<>();
    private volatile boolean stopped;
    /** Calls are placed only while the AMI link is up; until then they wait (and count as late). */
    private boolean linkUp;
    /** Escalations whose operator call could not be placed yet (link down); rung at the next login. */
    private final List<Alarm> operatorRingsWaiting = new java.util.ArrayList<>();

    public WakeupCaller(WakeupRepository repository, WakeupTimers timers, Originator pbx, WakeupSettings settings,
                        ZoneId zone, Clock clock, Announcer announcer) {
        this.repository = repository;
        this.timers = timers;
        this.pbx = pbx;
        this.settings = settings;
        this.zone = zone;
        this.clock = clock;
        this.announcer = announcer;
    }

    /** Takes up what a stopped daemon left, then lets the timers fire. */
    public void start() {
        run(this::recover);
        timers.start((callId, attemptNo, dueAt) -> run(() -> due(callId, attemptNo, dueAt)));
        thread.scheduleWithFixedDelay(() -> guard(this::watch), 1, 1, TimeUnit.SECONDS);
        thread.scheduleWithFixedDelay(() -> guard(this::reconcileTimers), 60, 60, TimeUnit.SECONDS);
    }

    /** Sees the PBX's events (called on the capture thread: only hands them over). */
    public void observe(PbxEvent e) {
        if (e instanceof PbxEvent.OriginateResult || e instanceof PbxEvent.DialProgressed
                || e instanceof PbxEvent.DialEnded || e instanceof PbxEvent.ChannelHungUp
                || e instanceof PbxEvent.LinkDown || e instanceof PbxEvent.LinkUp
                || (e instanceof PbxEvent.VariableSet v && "WAKEUP_ROOM".equals(v.name()))) {
            run(() -> onEvent(e));
        }
    }

    private void run(Runnable r) {
        if (!stopped) {
            thread.execute(() -> guard(r));
        }
    }

    private static void guard(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.error("wake-up caller: {}", e.toString(), e);
        }
    }

    // --- timers and the queue -------------------------------------------------------------

    /**
     * A timer fired. Every other attempt already due is taken up with it, so calls due together wait for
     * channels in booking order (Quartz fires same-time triggers in no set order); their own timers then
     * find the attempt taken and do nothing.
     */
    private void due(long callId, int attemptNo, Instant dueAt) {
        for (WakeupCall c : repository.dueCalls(clock.instant())) {
            takeUp(c.id(), c.nextAttempt(), c.nextAt());
            dispatch(); // the first rooms ring while the rest are still being written
        }
        takeUp(callId, attemptNo, dueAt);
        dispatch();
    }

    private void takeUp(long callId, int attemptNo, Instant dueAt) {
        Optional<Long> attemptId = repository.attemptDue(callId, attemptNo, dueAt);
        if (attemptId.isEmpty()) {
            return; // cancelled meanwhile, or this attempt was already taken up
        }
        WakeupCall call = repository.call(callId).orElseThrow();
        if (call.daily() && call.callNo() == 1 && attemptNo == 1) {
            bookNextDay(call);
        }
        enqueue(new Waiting(attemptId.get(), attemptNo, dueAt, call));
    }

    private void enqueue(Waiting w) {
        if (!escalatedAsTooLate(w, "due " + w.scheduledAt().atZone(zone).toLocalTime().withNano(0))) {
            waiting.add(w);
        }
    }

    /** An attempt past the late limit is not placed but escalated: true when that happened. */
    private boolean escalatedAsTooLate(Waiting w, String why) {
        Instant now = clock.instant();
        Duration late = Duration.between(w.scheduledAt(), now);
        if (late.compareTo(settings.lateLimit()) <= 0) {
            return false;
        }
        finish(new WakeupAttempt(w.attemptId(), w.call().id(), w.attemptNo(), w.scheduledAt(), null, now,
                AttemptOutcome.TOO_LATE, null, null, null, null, null, null,
                why + ", " + late.toMinutes() + " min late (limit " + settings.lateLimit().toMinutes() + " min)"));
        return true;
    }

    /** Places waiting attempts while channels are free; a room already ringing waits its turn. */
    private void dispatch() {
        while (linkUp && byActionId.size() < settings.maxChannels()) {
            Waiting next = waiting.stream().filter(w -> !byRoom.containsKey(w.call().extension()))
                    .min(waiting.comparator()).orElse(null);
            if (next == null) {
                return;
            }
            waiting.remove(next);
            place(next);
        }
    }

    private void place(Waiting w) {
        Instant now = clock.instant();
        String actionId = "wakeup-" + w.call().room() + "-" + w.attemptId();
        repository.placed(w.attemptId(), now, actionId);
        Ringing r = new Ringing(w, actionId, now);
        byActionId.put(actionId, r);
        byRoom.put(w.call().extension(), r);
        pbx.originate(new OriginateRequest(actionId, settings.dialString(w.call().extension()), settings.context(),
                        settings.exten(), settings.ringTimeout(), settings.callerId(), Map.of("WAKEUP_ROOM", w.call().room())),
                refusal -> {
                    if (refusal != null) {
                        run(() -> refused(actionId, refusal));
                    }
                });
    }

    private void refused(String actionId, String why) {
        Ringing r = byActionId.get(actionId);
        if (r != null) {
            end(r, AttemptOutcome.FAILED, clock.instant(), why);
        }
    }

    // --- the PBX's events -----------------------------------------------------------------

    private void onEvent(PbxEvent e) {
        if (e instanceof PbxEvent.VariableSet v) {
            Ringing r = byRoomValue(v.value());
            if (r != null && r.uniqueId == null) {
                r.uniqueId = v.uniqueId();
                byUniqueId.put(v.uniqueId(), r);
            }
        } else if (e instanceof PbxEvent.DialProgressed d) {
            Ringing r = byUniqueId.get(d.destUniqueId());
            if (r != null && "RINGING".equals(d.status()) && r.ringingAt == null) {
                r.ringingAt = d.time().instant();
            }
        } else if (e instanceof PbxEvent.DialEnded d) {
            Ringing r = byUniqueId.get(d.destUniqueId());
            if (r != null && "ANSWER".equals(d.status())) {
                r.answeredAt = d.time().instant();
            }
        } else if (e instanceof PbxEvent.ChannelHungUp h) {
            Ringing r = byUniqueId.get(h.uniqueId());
            if (r != null) {
                r.hungUpAt = h.time().instant();
                r.channel = r.channel == null ? h.channel() : r.channel;
                if (Boolean.TRUE.equals(r.success)) {
                    endAnswered(r);
                }
            }
        } else if (e instanceof PbxEvent.OriginateResult o) {
            Ringing r = o.actionId() == null ? null : byActionId.get(o.actionId());
            if (r == null) {
                return; // the operator's escalation call, or not ours
            }
            r.success = o.success();
            r.reason = o.reason();
            if (o.success()) {
                r.channel = o.channel();
                r.answeredAt = r.answeredAt == null ? o.time().instant() : r.answeredAt;
                if (r.hungUpAt != null) {
                    endAnswered(r);
                }
            } else {
                end(r, AttemptOutcome.ofOriginateReason(false, o.reason()), o.time().instant(), null);
            }
        } else if (e instanceof PbxEvent.LinkUp) {
            linkUp = true;
            ringWaitingOperatorCalls();
            dispatch();
        } else if (e instanceof PbxEvent.LinkDown) {
            linkUp = false;
            for (Ringing r : List.copyOf(byActionId.values())) {
                end(r, AttemptOutcome.FAILED, clock.instant(), "PBX link lost while the call was placed");
            }
        }
    }

    private Ringing byRoomValue(String room) {
        return byActionId.values().stream().filter(r -> r.w.call().room().equals(room)).findFirst().orElse(null);
    }

    private void endAnswered(Ringing r) {
        Duration talk = Duration.between(r.answeredAt, r.hungUpAt);
        boolean tooShort = talk.compareTo(settings.minimumAnswer()) < 0;
        end(r, tooShort ? AttemptOutcome.SHORT_ANSWER : AttemptOutcome.ANSWERED, r.hungUpAt,
                tooShort ? "answered for " + talk.toMillis() + " ms, under the minimum "
                        + settings.minimumAnswer().toSeconds() + " s" : null);
    }

    /**
     * Attempts the PBX never reported on, or whose hang-up never came; and calls that waited past the
     * late limit because the PBX link is down (escalated: the alarm reaches a person).
     */
    private void watch() {
        Instant now = clock.instant();
        if (!linkUp) {
            waiting.removeIf(w -> escalatedAsTooLate(w, "PBX link down"));
        } else if (!operatorRingsWaiting.isEmpty()) {
            ringWaitingOperatorCalls(); // refused as "link down" just before this login's LinkUp
        }
        for (Ringing r : List.copyOf(byActionId.values())) {
            if (r.success == null && now.isAfter(r.placedAt.plus(settings.ringTimeout()).plus(RESPONSE_GRACE))) {
                end(r, AttemptOutcome.FAILED, now, "no OriginateResponse from the PBX");
            } else if (Boolean.TRUE.equals(r.success) && now.isAfter(r.answeredAt.plus(ANSWERED_LIMIT))) {
                r.hungUpAt = now;
                endAnswered(r);
            }
        }
    }

    private void end(Ringing r, AttemptOutcome outcome, Instant endedAt, String detail) {
        byActionId.remove(r.actionId);
        byRoom.remove(r.w.call().extension());
        if (r.uniqueId != null) {
            byUniqueId.remove(r.uniqueId);
        }
        Instant ringFrom = r.ringingAt != null ? r.ringingAt : r.placedAt;
        Long ring = r.answeredAt != null ? Duration.between(ringFrom, r.answeredAt).toMillis()
                : Duration.between(ringFrom, endedAt).toMillis();
        Long talk = r.answeredAt != null && r.hungUpAt != null ? Duration.between(r.answeredAt, r.hungUpAt).toMillis() : null;
        finish(new WakeupAttempt(r.w.attemptId(), r.w.call().id(), r.w.attemptNo(), r.w.scheduledAt(), r.placedAt,
                endedAt, outcome, Math.max(0, ring), talk, r.reason, r.actionId, r.uniqueId, r.channel, detail));
        dispatch();
    }

    /** Writes the attempt and the call's next step together, then sets the retry timer or escalates. */
    private void finish(WakeupAttempt a) {
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
            escalate(new Alarm(call.id(), call.room(), call.callNo(), call.dueAt(), a.attemptNo(), reason, a.endedAt()));
        }
    }

    private static String describe(WakeupAttempt a) {
        return a.outcome().name().toLowerCase().replace('_', ' ') + (a.detail() == null ? "" : " — " + a.detail());
    }

    /** The guest was not woken: a person must act. The operator's phone rings and the live stream raises an alarm. */
    private void escalate(Alarm alarm) {
        log.warn("WAKE-UP NOT ANSWERED: room {} (call {}, due {}): {} — ringing the operator {}",
                alarm.room(), alarm.callNo(), alarm.dueAt().atZone(zone).toLocalTime(), alarm.reason(),
                settings.operatorExtension());
        announcer.announce("wakeup-alarm", alarm);
        ringOperator(alarm);
    }

    /**
     * Rings the operator about {@code alarm}, or, while the PBX link is down (a start before the first login, an
     * outage), keeps it and rings at the next login: the operator is never rung only in the log.
     */
    private void ringOperator(Alarm alarm) {
        if (!linkUp) {
            keepForTheLink(alarm);
            return;
        }
        pbx.originate(new OriginateRequest("wakeup-escalate-" + alarm.room() + "-" + alarm.callId(),
                        settings.dialString(settings.operatorExtension()), settings.escalationContext(), "s",
                        settings.ringTimeout(), "\"Wake-up " + alarm.room() + "\" <" + settings.operatorExtension() + ">",
                        Map.of(ESCALATION_VARIABLE, alarm.room())),
                refusal -> {
                    if (refusal != null) {
                        run(() -> operatorNotRung(alarm, refusal));
                    }
                });
    }

    private void keepForTheLink(Alarm alarm) {
        operatorRingsWaiting.add(alarm);
        log.info("the operator will be rung for room {}'s wake-up when the PBX link is up", alarm.room());
    }

    private void ringWaitingOperatorCalls() {
        List<Alarm> rings = List.copyOf(operatorRingsWaiting);
        operatorRingsWaiting.clear();
        rings.forEach(this::ringOperator);
    }

    private void operatorNotRung(Alarm alarm, String refusal) {
        if (refusal.contains("link is down")) {
            keepForTheLink(alarm); // tried again at the next login, or by watch() within a second
        } else {
            log.error("could not ring the operator for room {}'s wake-up: {}", alarm.room(), refusal);
        }
    }

    private void bookNextDay(WakeupCall call) {
        java.time.LocalDate next = call.wakeDate().plusDays(1);
        LocalWakeTime t = LocalWakeTime.on(next, LocalTime.parse(call.localTime()), zone);
        if (repository.addDay(call.bookingId(), next, WakeupDesk.callsDue(t, call.secondAfter()))) {
            repository.callsOfBooking(call.bookingId()).stream().filter(c -> c.wakeDate().equals(next))
                    .forEach(c -> timers.schedule(c.id(), 1, c.dueAt()));
        }
    }

    // --- start-up and safety net ----------------------------------------------------------

    /** Attempts a stopped daemon left: queued ones are placed (or escalated if too late), ringing ones retried. */
    private void recover() {
        List<WakeupAttempt> unfinished = repository.unfinishedAttempts();
        for (WakeupAttempt a : unfinished) {
            WakeupCall call = repository.call(a.callId()).orElseThrow();
            Waiting w = new Waiting(a.id(), a.attemptNo(), a.scheduledAt(), call);
            if (a.outcome() == AttemptOutcome.QUEUED) {
                enqueue(w);
                dispatch();
            } else {
                finish(new WakeupAttempt(a.id(), a.callId(), a.attemptNo(), a.scheduledAt(), a.placedAt(), clock.instant(),
                        AttemptOutcome.FAILED, null, null, null, a.actionId(), a.uniqueId(), a.channel(),
                        "the daemon stopped while this call was placed"));
            }
        }
        List<WakeupCall> open = repository.openCalls();
        for (WakeupCall c : open) {
            if (c.nextAttempt() != null) {
                timers.schedule(c.id(), c.nextAttempt(), c.nextAt()); // also re-based if the clock moved while down
            }
        }
        log.info("wake-up calls: {} open, {} attempt(s) taken up after a stop", open.size(), unfinished.size());
    }

    /** Every open call with a pending attempt has its timer (a booking written just before a crash, a lost trigger). */
    private int reconcileTimers() {
        int set = 0;
        for (WakeupCall c : repository.openCalls()) {
            if (c.nextAttempt() != null && !timers.isScheduled(c.id(), c.nextAttempt())) {
                timers.schedule(c.id(), c.nextAttempt(), c.nextAt());
                set++;
            }
        }
        return set;
    }

    @Override
    public void close() {
        stopped = true;
        timers.close();
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
