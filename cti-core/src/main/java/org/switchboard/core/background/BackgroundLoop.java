package org.switchboard.core.background;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/** Runs a step on its own daemon thread every interval, and at once when nudged; a failing step is logged and retried. */
public final class BackgroundLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);

    private final String name;
    private final Duration interval;
    private final Runnable step;
    private final Object wake = new Object();
    private volatile boolean running;
    private Thread thread;

    public BackgroundLoop(String name, Duration interval, Runnable step) {
        this.name = name;
        this.interval = interval;
        this.step = step;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    public void nudge() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void run() {
        while (running) {
            try {
                step.run();
            } catch (RuntimeException e) {
                log.error("{} failed; will retry: {}", name, e.toString());
            }
            synchronized (wake) {
                try {
                    wake.wait(interval.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        nudge();
        if (thread != null) {
            try {
                thread.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
