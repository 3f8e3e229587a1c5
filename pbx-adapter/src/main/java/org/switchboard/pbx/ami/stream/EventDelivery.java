package org.switchboard.pbx.ami.stream;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import org.switchboard.pbx.ami.PbxEventQueue;
import org.switchboard.pbx.event.PbxEvent;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Hands events to the capture queue and never drops one. When capture falls behind and the queue is full, the
 * event waits here, the session's socket stops being read ({@code autoRead} off) so TCP holds Asterisk back, and
 * the backlog is retried every millisecond until it is gone; then reading resumes. One per link, shared by its
 * sessions in turn, so events keep their order across a reconnect. Runs on the link's single event loop only.
 */
public final class EventDelivery {

    private final PbxEventQueue queue;
    private final StreamCounters counters;
    private final ArrayDeque<PbxEvent> backlog = new ArrayDeque<>();
    private Channel paused;
    private boolean drainScheduled;

    public EventDelivery(PbxEventQueue queue, StreamCounters counters) {
        this.queue = queue;
        this.counters = counters;
    }

    /** Delivers {@code event} from {@code from}'s session (pausing that socket while the queue is full). */
    void deliver(Channel from, PbxEvent event) {
        if (backlog.isEmpty() && queue.offer(event)) {
            return;
        }
        backlog.add(event);
        if (from.isActive() && from.config().isAutoRead()) {
            from.config().setAutoRead(false);
            paused = from;
            counters.pauses.increment();
        }
        scheduleDrain(from.eventLoop());
    }

    /** Events waiting for room in the capture queue. */
    int waiting() {
        return backlog.size();
    }

    private void scheduleDrain(EventLoop loop) {
        if (!drainScheduled) {
            drainScheduled = true;
            loop.schedule(() -> drain(loop), 1, TimeUnit.MILLISECONDS);
        }
    }

    private void drain(EventLoop loop) {
        drainScheduled = false;
        while (!backlog.isEmpty() && queue.offer(backlog.peek())) {
            backlog.poll();
        }
        if (!backlog.isEmpty()) {
            scheduleDrain(loop);
        } else if (paused != null) {
            paused.config().setAutoRead(true);
            paused = null;
        }
    }
}
