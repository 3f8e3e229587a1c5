package org.switchboard.pbx.sim;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Replays a {@link Transcript} through an {@link AmiServer} with its recorded timing, divided by
 * {@code speed}. With {@code timestampEvents} each event also gets the {@code Timestamp} header that
 * Asterisk adds under {@code timestampevents = yes}, holding the moment it is sent. Durations seen
 * by a client are the recorded ones only at speed 1.
 */
public final class TranscriptPlayer {

    private final AmiServer server;
    private final double speed;
    private final boolean timestampEvents;
    private final Clock clock;

    public TranscriptPlayer(AmiServer server, double speed, boolean timestampEvents, Clock clock) {
        if (speed <= 0) {
            throw new IllegalArgumentException("speed must be positive: " + speed);
        }
        this.server = server;
        this.speed = speed;
        this.timestampEvents = timestampEvents;
        this.clock = clock;
    }

    public void play(Transcript t) {
        play(t, 0, t.size());
    }

    /** Plays events [from, to) and returns when the last one has been sent. */
    public void play(Transcript t, int from, int to) {
        if (from >= to) {
            return;
        }
        long base = t.events().get(from).offsetMicros();
        long startNanos = System.nanoTime();
        Instant startInstant = clock.instant();
        List<AmiMessage> batch = new ArrayList<>();
        long batchDue = -1;
        for (int i = from; i < to; i++) {
            Transcript.TimedMessage tm = t.events().get(i);
            long dueNanos = Math.round((tm.offsetMicros() - base) * 1000d / speed);
            if (dueNanos != batchDue && !batch.isEmpty()) {
                sendAt(startNanos + batchDue, batch);
                batch = new ArrayList<>();
            }
            batchDue = dueNanos;
            AmiMessage m = tm.message();
            if (timestampEvents) {
                m = m.withSecondHeader("Timestamp", Timestamps.epochMicros(startInstant.plusNanos(dueNanos)));
            }
            batch.add(m);
        }
        sendAt(startNanos + batchDue, batch);
    }

    private void sendAt(long nanoTime, List<AmiMessage> batch) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        server.broadcast(batch);
    }
}
