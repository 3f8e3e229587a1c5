package org.switchboard.core.calls.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.calls.infrastructure.SpillFile;
import org.switchboard.core.calls.model.CallAssembler;
import org.switchboard.core.calls.model.CdrCheck;
import org.switchboard.core.calls.model.CompletedCall;
import org.switchboard.pbx.ami.PbxEventQueue;
import org.switchboard.pbx.event.PbxEvent;

import java.nio.file.Path;
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
    private final HeldCalls held;
    private final Gaps gaps;
    private final List<StoredCallListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<PbxEvent>> observers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread thread;

    /**
     * {@code spill}: where calls that cannot be stored at a stop are kept for the next start (null: nowhere);
     * {@code recovery}: the CDR store that tells the calls of a gap (null: none configured).
     */
    public CaptureService(PbxEventQueue queue, CallAssembler assembler, CallRepository repository, Clock clock,
                          SpillFile spill, GapRecovery recovery) {
        this.queue = queue;
        this.assembler = assembler;
        this.repository = repository;
        this.clock = clock;
        this.held = new HeldCalls(spill);
        this.gaps = recovery == null ? null : new Gaps(recovery, repository, assembler, held);
    }

    /** A call just stored, with its id. */
    public record Captured(long callId, CompletedCall call) {
    }

    /**
     * Told about the calls of each commit, in order, on the capture thread (keep it short; failures are logged,
     * not fatal): one call at a time would cost the listener a transaction per call.
     */
    public interface StoredCallListener {
        void stored(List<Captured> calls);
    }

    public void addListener(StoredCallListener listener) {
        listeners.add(listener);
    }

    /** Shown every event before the assembler takes it, on the capture thread (must be quick and not throw). */
    public void addObserver(java.util.function.Consumer<PbxEvent> observer) {
        observers.add(observer);
    }

    /**
     * Events taken from the queue at once. When capture is behind, what they complete is stored together: about 90
     * calls a commit at 94 events a call, instead of a commit per handful.
     */
    static final int DRAIN = 8192;

    /** Calls stored in one transaction at most: big enough to spare commits, small enough to stay quick. */
    static final int STORE_CHUNK = 200;

    /** Stores what an earlier stop kept in the spill file, then starts the capture thread. */
    public synchronized void start() {
        storeSpilled();
        running = true;
        thread = new Thread(this::run, "call-capture");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        List<PbxEvent> batch = new ArrayList<>(DRAIN);
        while (running) {
            try {
                PbxEvent first = queue.poll(Duration.ofMillis(100));
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, DRAIN - 1);
                    take(batch);
                }
                held.add(assembler.collectCompleted(clock.instant()));
                storePending();
                if (failingSince != null) {
                    log.info("calls are stored again ({} s without storage)", (System.nanoTime() - failingSince) / 1_000_000_000);
                    failingSince = null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Said at once and then once a minute: the calls stay held and are stored when it passes.
                held.notStored(HeldCalls.why(e), failingSince == null);
                if (failingSince == null) {
                    failingSince = System.nanoTime();
                }
                sleepQuietly();
            }
        }
    }

    /** Stores the completed calls in chunks of {@value #STORE_CHUNK}, each one commit; then tells the listeners. */
    private void storePending() {
        List<CompletedCall> pending = held.calls();
        while (!pending.isEmpty()) {
            List<CompletedCall> chunk = List.copyOf(pending.subList(0, Math.min(STORE_CHUNK, pending.size())));
            List<Long> ids = repository.storeAll(chunk, clock.instant());
            pending.subList(0, chunk.size()).clear();
            List<Captured> captured = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                if (stored(chunk.get(i), ids.get(i))) {
                    captured.add(new Captured(ids.get(i), chunk.get(i)));
                }
            }
            tell(captured);
        }
    }

    private void tell(List<Captured> captured) {
        if (captured.isEmpty()) {
            return;
        }
        for (StoredCallListener l : listeners) {
            try {
                l.stored(captured);
            } catch (RuntimeException e) {
                log.error("after storing {} call(s) from {}: {}", captured.size(), captured.get(0).call().linkedId(),
                        e.toString());
            }
        }
    }

    /** Counts a stored call (true) or a duplicate (false). */
    private boolean stored(CompletedCall call, Long id) {
        if (id != null) {
            stored.incrementAndGet();
            if (call.cdrCheck() == CdrCheck.MISMATCH) {
                log.warn("call {}: CDR disagrees (ours {} talk {} s; CDR {} billsec {})", call.linkedId(),
                        call.disposition().cdrName(), call.talk().toSeconds(), call.cdrDisposition(),
                        call.cdrBillableSeconds());
            }
            return true;
        }
        duplicates.incrementAndGet();
        log.debug("call {} was already stored; skipped", call.linkedId());
        return false;
    }

    /** Shows each event to the observers and the assembler, once: a failure on one does not replay the batch. */
    private void take(List<PbxEvent> batch) {
        Instant now = clock.instant();
        try {
            for (PbxEvent e : batch) {
                for (java.util.function.Consumer<PbxEvent> o : observers) {
                    o.accept(e);
                }
                if (gaps != null) {
                    gaps.note(e);
                }
                assembler.accept(e, now);
            }
        } finally {
            batch.clear();
        }
    }

    /** The calls an earlier stop could not store; a file is deleted once its calls are stored. */
    private void storeSpilled() {
        for (Path file : held.spilled()) {
            List<CompletedCall> calls = held.read(file);
            held.add(calls);
            try {
                storePending();
                held.stored(file);
                log.info("stored {} call(s) kept at the last stop in {}", calls.size(), file);
            } catch (RuntimeException e) {
                log.warn("calls kept at the last stop are not stored yet ({}); capture holds them and retries", HeldCalls.why(e));
                return; // the rest of the files wait for the next start; the calls read are held now
            }
        }
    }

    /**
     * After the capture thread: the events still queued are assembled, the calls they end stored without waiting for
     * a late CDR, and what cannot be stored is kept for the next start. Nothing that was received is dropped silently.
     */
    private void storeWhatIsLeft() {
        List<PbxEvent> rest = new ArrayList<>();
        queue.drainTo(rest, Integer.MAX_VALUE);
        Instant now = clock.instant();
        rest.forEach(e -> assembler.accept(e, now));
        held.add(assembler.collectCompleted(Instant.MAX));
        try {
            storePending();
        } catch (RuntimeException e) {
            held.keepAtStop(HeldCalls.why(e), now);
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
        if (thread == null || !thread.isAlive()) {
            storeWhatIsLeft();
        }
        log.info("capture closed: {} call(s) still in progress, {} event(s) about unknown channels, {} late CDR(s)",
                assembler.callsInProgress(), assembler.orphanEvents(), assembler.lateCdrs());
    }
}
