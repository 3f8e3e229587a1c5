package org.switchboard.pbx.ami;

import org.switchboard.pbx.event.PbxEvent;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bounded hand-off between asterisk-java's event thread and the one capture consumer. Offering
 * never blocks (a blocked reader would stall the AMI socket and make asterisk-java drop events
 * itself); when full, the event is counted as dropped and the caller is told so it can re-sync.
 * Events are drained in arrival order. Thread-safe.
 */
public final class PbxEventQueue {

    private final BlockingQueue<PbxEvent> queue;

    public PbxEventQueue(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** False if the queue is full and the event was not taken. */
    public boolean offer(PbxEvent event) {
        return queue.offer(event);
    }

    /** The next event, or null after waiting {@code timeout}. */
    public PbxEvent poll(Duration timeout) throws InterruptedException {
        return queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Moves up to {@code max} waiting events into {@code sink}, without waiting. */
    public int drainTo(List<PbxEvent> sink, int max) {
        return queue.drainTo(sink, max);
    }

    public int size() {
        return queue.size();
    }
}
