package org.switchboard.core.metrics.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.calls.model.CompletedCall;
import org.switchboard.core.metrics.infrastructure.MeasurementRepository;
import org.switchboard.core.metrics.model.AnswerMeasurer;
import org.switchboard.core.metrics.model.Measurement;
import org.switchboard.core.metrics.model.OfferedCall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Measures stored calls on its own thread, so capture never waits for it: calls that can be offered
 * to staff (inbound, internal) are queued and measured in batches, each batch stored with the calls'
 * {@code measured} mark in one transaction. A call not measured because the database failed is measured again
 * by this worker {@link #RETRY} later; one left by a crash by {@link #measureMissing()} at the next start.
 */
public final class MetricsRecorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MetricsRecorder.class);
    private static final int BATCH = 1000;

    private final AnswerMeasurer measurer;
    private final MeasurementRepository repository;
    private final LiveBoard board;
    private final BlockingQueue<OfferedCall> queue = new LinkedBlockingQueue<>();
    private final Thread worker = new Thread(this::work, "answer-metrics");
    private volatile boolean running = true;

    public MetricsRecorder(AnswerMeasurer measurer, MeasurementRepository repository, LiveBoard board) {
        this.measurer = measurer;
        this.repository = repository;
        this.board = board;
        worker.setDaemon(true);
        worker.start();
    }

    /** The recorder for a configuration: its directory, metrics settings and hotel zone. */
    public static MetricsRecorder forConfig(org.switchboard.core.config.SwitchboardConfig config,
                                            MeasurementRepository repository, LiveBoard board) {
        return new MetricsRecorder(new AnswerMeasurer(config.directory(), config.metrics(), config.hotelZone()),
                repository, board);
    }

    /** Queues a just-stored call for measuring (called on the capture thread; returns at once). */
    public void stored(long callId, CompletedCall call) {
        if (AnswerMeasurer.MEASURED_DIRECTIONS.contains(call.direction())) {
            queue.add(OfferedCall.of(callId, call));
        }
    }

    private void work() {
        List<OfferedCall> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                retryMissed(); // between batches too: a busy line must not put the catch-up off for ever
                OfferedCall first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                record(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                missedAt = System.nanoTime();
                log.error("{} call(s) not measured now (retried in {} s): {}", batch.size(), RETRY.toSeconds(),
                        e.toString());
            }
            batch.clear();
        }
    }

    /**
     * Measures again what a failure left unmeasured, {@link #RETRY} after it, on this thread: the running daemon
     * catches up without a restart. Measuring a call twice stores nothing twice.
     */
    private void retryMissed() {
        if (missedAt == null || System.nanoTime() - missedAt < RETRY.toNanos()) {
            return;
        }
        try {
            int measured = measureMissing();
            missedAt = null;
            log.info("measured {} call(s) that an earlier failure had left unmeasured", measured);
        } catch (RuntimeException e) {
            missedAt = System.nanoTime();
            log.error("calls still not measured (retried in {} s): {}", RETRY.toSeconds(), e.toString());
        }
    }

    /** Measures every stored call that has not been measured yet; returns how many calls were measured. */
    public int measureMissing() {
        int total = 0;
        List<OfferedCall> batch;
        while (!(batch = repository.unmeasured(AnswerMeasurer.MEASURED_DIRECTIONS, BATCH)).isEmpty()) {
            record(batch);
            total += batch.size();
        }
        return total;
    }

    /** How long after a failure the worker measures the missed calls again. */
    static final java.time.Duration RETRY = java.time.Duration.ofSeconds(10);
    /** When measuring last failed (worker thread only), or null. */
    private Long missedAt;

    private void record(List<OfferedCall> calls) {
        Map<Long, List<Measurement>> byCall = new LinkedHashMap<>();
        List<Measurement> all = new ArrayList<>();
        for (OfferedCall c : calls) {
            List<Measurement> ms = measurer.measure(c);
            byCall.put(c.callId(), ms);
            all.addAll(ms);
        }
        repository.store(byCall);
        board.measured(all);
    }

    /** Measures what is queued (for up to 5 s), then stops. */
    @Override
    public void close() {
        running = false;
        try {
            worker.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            log.warn("answer metrics still busy at shutdown; the rest is measured at next start");
            worker.interrupt();
        }
    }
}
