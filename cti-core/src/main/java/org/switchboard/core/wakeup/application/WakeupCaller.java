package org.switchboard.core.wakeup.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.calls.application.CdrRecords;
import org.switchboard.core.wakeup.infrastructure.WakeupRepository;
import org.switchboard.core.wakeup.model.AttemptOutcome;
import org.switchboard.core.wakeup.model.WakeupAttempt;
import org.switchboard.core.wakeup.model.WakeupCall;
import org.switchboard.core.wakeup.model.WakeupSettings;
import org.switchboard.pbx.ami.OriginateRequest;
import org.switchboard.pbx.ami.Originator;
import org.switchboard.pbx.event.PbxEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
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
    /** The PBX events an attempt is followed by (besides its room's WAKEUP_ROOM variable). */
    private static final java.util.Set<Class<?>> FOLLOWED = java.util.Set.of(PbxEvent.OriginateResult.class,
            PbxEvent.DialProgressed.class, PbxEvent.DialEnded.class, PbxEvent.ChannelHungUp.class, PbxEvent.LinkDown.class,
            PbxEvent.LinkUp.class, PbxEvent.ChannelSnapshot.class);

    private final WakeupRepository repository;
    private final WakeupTimers timers;
    private final Originator pbx;
    private final WakeupSettings settings;
    private final ZoneId zone;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wakeup-caller");
        t.setDaemon(true);
        return t;
    });
    private final PriorityQueue<WaitingAttempt> waiting = new PriorityQueue<>(Comparator.comparing(WaitingAttempt::scheduledAt)
            .thenComparingLong(w -> w.call().id()).thenComparingInt(WaitingAttempt::attemptNo));
    private final RingingCalls ringing = new RingingCalls();
    private volatile boolean stopped;
    /** Calls are placed only while the AMI link is up; until then they wait (and count as late). */
    private boolean linkUp;
    private final OperatorEscalation escalation;
    private final WakeupSchedule schedule;
    private final AttemptEnd ended;
    /** How a call ended while the link was down (Asterisk's CDR store, when configured). */
    private final CdrOutcome lost;

    /** {@code cdr}: Asterisk's CDR store, or null when none is configured. */
    public WakeupCaller(WakeupRepository repository, WakeupTimers timers, Originator pbx, WakeupSettings settings,
                        ZoneId zone, Clock clock, WakeupAnnouncer announcer, CdrRecords cdr) {
        this.lost = new CdrOutcome(cdr, settings);
        this.repository = repository;
        this.timers = timers;
        this.pbx = pbx;
        this.settings = settings;
        this.zone = zone;
        this.clock = clock;
        this.escalation = new OperatorEscalation(pbx, settings, zone, announcer, () -> linkUp, this::run);
        this.schedule = new WakeupSchedule(repository, timers, zone);
        this.ended = new AttemptEnd(repository, timers, settings, announcer, escalation);
    }

    /** Takes up what a stopped daemon left, then lets the timers fire. */
    public void start() {
        run(this::recover);
        timers.start((callId, attemptNo, dueAt) -> run(() -> due(callId, attemptNo, dueAt)));
        thread.scheduleWithFixedDelay(() -> guard(this::watch), 1, 1, TimeUnit.SECONDS);
        thread.scheduleWithFixedDelay(() -> guard(schedule::reconcileTimers), 60, 60, TimeUnit.SECONDS);
    }

    /** Sees the PBX's events (called on the capture thread: only hands them over). */
    public void observe(PbxEvent e) {
        if (FOLLOWED.contains(e.getClass()) || (e instanceof PbxEvent.VariableSet v && "WAKEUP_ROOM".equals(v.name()))) {
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
            schedule.bookNextDay(call);
        }
        enqueue(new WaitingAttempt(attemptId.get(), attemptNo, dueAt, call));
    }

    private void enqueue(WaitingAttempt w) {
        if (!ended.tooLate(w, clock.instant(), "due " + w.scheduledAt().atZone(zone).toLocalTime().withNano(0))) {
            waiting.add(w);
        }
    }

    /** Places waiting attempts while channels are free; a room already ringing waits its turn. */
    private void dispatch() {
        while (linkUp && ringing.size() < settings.maxChannels()) {
            WaitingAttempt next = waiting.stream().filter(w -> !ringing.ringing(w.call().extension()))
                    .min(waiting.comparator()).orElse(null);
            if (next == null) {
                return;
            }
            waiting.remove(next);
            place(next);
        }
    }

    private void place(WaitingAttempt w) {
        Instant now = clock.instant();
        String actionId = "wakeup-" + w.call().room() + "-" + w.attemptId();
        repository.placed(w.attemptId(), now, actionId);
        RingingAttempt r = new RingingAttempt(w, actionId, now);
        ringing.add(r);
        pbx.originate(new OriginateRequest(actionId, settings.dialString(w.call().extension()), settings.context(),
                        settings.exten(), settings.ringTimeout(), settings.callerId(), Map.of("WAKEUP_ROOM", w.call().room())),
                refusal -> {
                    if (refusal != null) {
                        run(() -> refused(actionId, refusal));
                    }
                });
    }

    private void refused(String actionId, String why) {
        ringing.byActionId(actionId).ifPresent(r -> end(r, AttemptOutcome.FAILED, clock.instant(), why));
    }

    // --- the PBX's events -----------------------------------------------------------------

    private void onEvent(PbxEvent e) {
        ringing.follow(e).filter(r -> Boolean.TRUE.equals(r.success)).ifPresent(this::endAnswered);
        if (e instanceof PbxEvent.OriginateResult o) {
            RingingAttempt r = ringing.byActionId(o.actionId()).orElse(null);
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
            escalation.linkUp();
            dispatch();
        } else if (e instanceof PbxEvent.LinkDown down) {
            linkUp = false;
            // Asterisk may still be ringing these rooms: their outcomes come from the re-sync after the login.
            // Out of sight from the drop itself, not from when this thread got to it.
            ringing.outOfSight(down.time().instant()).forEach(room -> log.info(
                    "room {}'s wake-up call was ringing when the PBX link dropped; following it up after the re-sync", room));
        } else if (e instanceof PbxEvent.ChannelSnapshot snapshot) {
            resynced(snapshot);
        }
    }

    /** Attempts out of sight while the link was down and gone from the PBX by the re-sync: ended as the CDR says. */
    private void resynced(PbxEvent.ChannelSnapshot snapshot) {
        lost.of(ringing.resync(snapshot), clock.instant()).forEach(this::end);
    }

    private void endAnswered(RingingAttempt r) {
        end(r, AttemptVerdict.answered(r, settings.minimumAnswer(), null));
    }

    private void end(RingingAttempt r, AttemptVerdict v) {
        end(r, v.outcome(), v.endedAt(), v.detail());
    }

    /**
     * Attempts the PBX never reported on, or whose hang-up never came; and calls that waited past the
     * late limit because the PBX link is down (escalated: the alarm reaches a person).
     */
    private void watch() {
        Instant now = clock.instant();
        if (!linkUp) {
            waiting.removeIf(w -> ended.tooLate(w, clock.instant(), "PBX link down"));
        } else {
            escalation.linkUp(); // rings those refused as "link down" just before this login's LinkUp
        }
        for (RingingAttempt r : ringing.all()) {
            if (r.outOfSightSince != null) {
                // Decided at the re-sync; but a link down past the late limit must not hold the alarm back.
                if (!linkUp && Duration.between(r.outOfSightSince, now).compareTo(settings.lateLimit()) > 0) {
                    end(r, AttemptOutcome.FAILED, r.outOfSightSince, "the PBX link went down while the call rang");
                }
                continue;
            }
            if (r.success == null && now.isAfter(r.placedAt.plus(settings.ringTimeout()).plus(RESPONSE_GRACE))) {
                end(r, AttemptOutcome.FAILED, now, "no OriginateResponse from the PBX");
            } else if (Boolean.TRUE.equals(r.success) && now.isAfter(r.answeredAt.plus(ANSWERED_LIMIT))) {
                r.hungUpAt = now;
                endAnswered(r);
            }
        }
    }

    private void end(RingingAttempt r, AttemptOutcome outcome, Instant endedAt, String detail) {
        ringing.remove(r);
        Instant ringFrom = r.ringingAt != null ? r.ringingAt : r.placedAt;
        Long ring = r.answeredAt != null ? Duration.between(ringFrom, r.answeredAt).toMillis()
                : Duration.between(ringFrom, endedAt).toMillis();
        Long talk = r.answeredAt != null && r.hungUpAt != null ? Duration.between(r.answeredAt, r.hungUpAt).toMillis() : null;
        ended.finish(new WakeupAttempt(r.w.attemptId(), r.w.call().id(), r.w.attemptNo(), r.w.scheduledAt(), r.placedAt,
                endedAt, outcome, Math.max(0, ring), talk, r.reason, r.actionId, r.uniqueId, r.channel, detail));
        dispatch();
    }

    /** Start-up: attempts a stopped daemon left: queued ones are placed (or escalated if too late), ringing ones retried. */
    private void recover() {
        List<WakeupAttempt> unfinished = repository.unfinishedAttempts();
        for (WakeupAttempt a : unfinished) {
            WakeupCall call = repository.call(a.callId()).orElseThrow();
            WaitingAttempt w = new WaitingAttempt(a.id(), a.attemptNo(), a.scheduledAt(), call);
            if (a.outcome() == AttemptOutcome.QUEUED) {
                enqueue(w);
                dispatch();
            } else {
                ended.stoppedWhilePlaced(a, clock.instant());
            }
        }
        int open = schedule.rearmOpenCalls();
        log.info("wake-up calls: {} open, {} attempt(s) taken up after a stop", open, unfinished.size());
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
