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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Measures each stored call on its own thread, so capture never waits for it, and stores the
 * measurements with the call's {@code measured} mark in one transaction. A call not measured
 * (crash, database failure) is measured by {@link #measureMissing()} at the next start.
 */
public final class MetricsRecorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MetricsRecorder.class);
    private static final int BATCH = 1000;

    private final AnswerMeasurer measurer;
    private final MeasurementRepository repository;
    private final LiveBoard board;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "answer-metrics");
        t.setDaemon(true);
        return t;
    });

    public MetricsRecorder(AnswerMeasurer measurer, MeasurementRepository repository, LiveBoard board) {
        this.measurer = measurer;
        this.repository = repository;
        this.board = board;
    }

    /** Queues a just-stored call for measuring (called on the capture thread; returns at once). */
    public void stored(long callId, CompletedCall call) {
        OfferedCall offered = OfferedCall.of(callId, call);
        worker.execute(() -> {
            try {
                record(List.of(offered));
            } catch (RuntimeException e) {
                log.error("call #{} not measured now (will be at next start): {}", callId, e.toString());
            }
        });
    }

    /** Measures every stored call that has not been measured yet; returns how many calls were measured. */
    public int measureMissing() {
        int total = 0;
        List<OfferedCall> batch;
        while (!(batch = repository.unmeasured(BATCH)).isEmpty()) {
            record(batch);
            total += batch.size();
        }
        return total;
    }

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

    /** Waits (briefly) for queued calls to be measured. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("answer metrics still busy at shutdown; the rest is measured at next start");
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
