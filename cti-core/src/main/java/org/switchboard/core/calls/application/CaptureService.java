package org.switchboard.core.calls.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.calls.model.CallAssembler;
import org.switchboard.core.calls.model.CdrCheck;
import org.switchboard.core.calls.model.CompletedCall;
import org.switchboard.pbx.ami.PbxEventQueue;
import org.switchboard.pbx.event.PbxEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one consumer of PBX events: drains the queue in order into the {@link CallAssembler} and
 * stores each completed call once. A storage failure is retried (the call stays pending) rather
 * than losing the call.
 */
public final class CaptureService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CaptureService.class);

    private final PbxEventQueue queue;
    private final CallAssembler assembler;
    private final CallRepository repository;
    private final Clock clock;
    private final AtomicLong stored = new AtomicLong();
    private Long failingSince; // capture thread only
    private final AtomicLong duplicates = new AtomicLong();
    private final List<CompletedCall> pending = new ArrayList<>();
    private final List<StoredCallListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<PbxEvent>> observers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread thread;

    public CaptureService(PbxEventQueue queue, CallAssembler assembler, CallRepository repository, Clock clock) {
        this.queue = queue;
        this.assembler = assembler;
        this.repository = repository;
        this.clock = clock;
    }

    /** Told about each newly stored call, on the capture thread (keep it short; failures are logged, not fatal). */
    public interface StoredCallListener {
        void stored(long callId, CompletedCall call);
    }

    public void addListener(StoredCallListener listener) {
        listeners.add(listener);
    }

    /** Shown every event before the assembler takes it, on the capture thread (must be quick and not throw). */
    public void addObserver(java.util.function.Consumer<PbxEvent> observer) {
        observers.add(observer);
    }

    /** Calls stored in one transaction at most: big enough to spare commits, small enough to stay quick. */
    static final int STORE_CHUNK = 200;

    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "call-capture");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        List<PbxEvent> batch = new ArrayList<>(1024);
        while (running) {
            try {
                PbxEvent first = queue.poll(Duration.ofMillis(100));
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, 1023);
                    Instant now = clock.instant();
                    for (PbxEvent e : batch) {
                        for (java.util.function.Consumer<PbxEvent> o : observers) {
                            o.accept(e);
                        }
                        assembler.accept(e, now);
                    }
                    batch.clear();
                }
                pending.addAll(assembler.collectCompleted(clock.instant()));
                storePending();
                if (failingSince != null) {
                    log.info("calls are stored again ({} s without storage)", (System.nanoTime() - failingSince) / 1_000_000_000);
                    failingSince = null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Said once per outage, not every second: the calls stay held and are stored when it passes.
                if (failingSince == null) {
                    failingSince = System.nanoTime();
                    log.warn("cannot store calls ({}); holding {} completed call(s) and retrying every second",
                            e.getMessage(), pending.size());
                } else {
                    log.debug("still cannot store calls: {}", e.toString());
                }
                sleepQuietly();
            }
        }
    }

    /** Stores the completed calls in chunks of {@value #STORE_CHUNK}, each one commit; then tells the listeners. */
    private void storePending() {
        while (!pending.isEmpty()) {
            List<CompletedCall> chunk = List.copyOf(pending.subList(0, Math.min(STORE_CHUNK, pending.size())));
            List<Long> ids = repository.storeAll(chunk, clock.instant());
            for (int i = 0; i < chunk.size(); i++) {
                stored(chunk.get(i), ids.get(i));
            }
            pending.subList(0, chunk.size()).clear();
        }
    }

    private void stored(CompletedCall call, Long id) {
        if (id != null) {
            stored.incrementAndGet();
            for (StoredCallListener l : listeners) {
                try {
                    l.stored(id, call);
                } catch (RuntimeException e) {
                    log.error("after storing call {}: {}", call.linkedId(), e.toString());
                }
            }
            if (call.cdrCheck() == CdrCheck.MISMATCH) {
                log.warn("call {}: CDR disagrees (ours {} talk {} s; CDR {} billsec {})", call.linkedId(),
                        call.disposition().cdrName(), call.talk().toSeconds(), call.cdrDisposition(),
                        call.cdrBillableSeconds());
            }
        } else {
            duplicates.incrementAndGet();
            log.debug("call {} was already stored; skipped", call.linkedId());
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long storedCalls() {
        return stored.get();
    }

    public long duplicateCalls() {
        return duplicates.get();
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Read after the capture thread has ended: the assembler is that thread's alone.
        log.info("capture closed: {} call(s) still in progress, {} event(s) about unknown channels, {} late CDR(s)",
                assembler.callsInProgress(), assembler.orphanEvents(), assembler.lateCdrs());
    }
}
