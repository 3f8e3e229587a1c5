package org.switchboard.core.wakeup.application;

import java.time.Instant;

/**
 * Durable timers for wake-up attempts: one pending timer per call (its next attempt). They survive
 * restarts; a timer whose time passed while nothing ran fires as soon as timers run again.
 */
public interface WakeupTimers extends AutoCloseable {

    /** What runs when a timer fires: the call, the attempt and the instant it was due. */
    interface DueHandler {
        void due(long callId, int attemptNo, Instant dueAt);
    }

    /** Sets (or replaces) the call's timer. */
    void schedule(long callId, int attemptNo, Instant at);

    /** Sets several calls' first timers in one go (a group booking): {@code due} maps call id to instant. */
    void scheduleFirstAttempts(java.util.Map<Long, Instant> due);

    void cancel(long callId);

    /** True when the call has a pending timer for this attempt. */
    boolean isScheduled(long callId, int attemptNo);

    /** Starts firing timers into {@code handler} (the daemon only; the CLI just sets timers). */
    void start(DueHandler handler);

    @Override
    void close();
}
