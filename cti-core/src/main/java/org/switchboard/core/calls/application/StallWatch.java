package org.switchboard.core.calls.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.calls.model.Stalls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * Notices when this process froze or the wall clock jumped: a tick every quarter second compares the monotonic
 * clock with the expected tick (a freeze stops every thread, this one too, so the next tick comes late) and with
 * the wall clock (a jump moves one and not the other). Each window is logged and kept a day, for {@link Stalls}.
 * {@link #tick()} is public so a test can drive it with its own clocks.
 */
public final class StallWatch implements Stalls, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StallWatch.class);
    static final Duration TICK = Duration.ofMillis(250);
    /** A tick later than this is a freeze: a busy 2-core box delays a tick by far less. */
    static final Duration FREEZE = Duration.ofSeconds(3);
    /** Wall and monotonic time drifting apart by more than this within a tick is a clock jump. */
    static final Duration JUMP = Duration.ofSeconds(2);
    private static final Duration KEPT = Duration.ofDays(1);

    private record Window(Instant from, Instant to) {
    }

    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Deque<Window> windows = new ArrayDeque<>();
    private long lastNanos;
    private Instant lastWall;
    private Thread thread;

    public StallWatch(Clock clock, LongSupplier nanoTime) {
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.lastNanos = nanoTime.getAsLong();
        this.lastWall = clock.instant();
    }

    public void start() {
        thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(TICK.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                tick();
            }
        }, "stall-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** One look at the clocks. */
    public synchronized void tick() {
        long nanos = nanoTime.getAsLong();
        Instant wall = clock.instant();
        Duration mono = Duration.ofNanos(nanos - lastNanos);
        Duration walled = Duration.between(lastWall, wall);
        if (walled.minus(mono).abs().compareTo(JUMP) > 0) {
            Instant from = lastWall.isBefore(wall) ? lastWall : wall;
            Instant to = lastWall.isBefore(wall) ? wall : lastWall;
            add(new Window(from, to.plus(mono)));
            log.warn("the wall clock jumped by {} ms (from {} to {}): calls timed by arrival across it are marked "
                    + "uncertain and take their CDR's times", walled.minus(mono).toMillis(), lastWall, wall);
        } else if (mono.compareTo(FREEZE) > 0) {
            add(new Window(lastWall, wall));
            log.warn("this process was frozen for {} ms (from {} to {}): calls timed by arrival across it are marked "
                    + "uncertain and take their CDR's times", mono.toMillis(), lastWall, wall);
        }
        lastNanos = nanos;
        lastWall = wall;
    }

    private void add(Window w) {
        windows.addLast(w);
        while (!windows.isEmpty() && windows.peekFirst().to().isBefore(w.to().minus(KEPT))) {
            windows.removeFirst();
        }
    }

    @Override
    public synchronized boolean overlap(Instant from, Instant to) {
        return windows.stream().anyMatch(w -> !w.to().isBefore(from) && !w.from().isAfter(to));
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
