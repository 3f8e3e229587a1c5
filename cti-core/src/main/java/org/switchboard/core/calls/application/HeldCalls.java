package org.switchboard.core.calls.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.calls.infrastructure.SpillFile;
import org.switchboard.core.calls.model.CompletedCall;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The completed calls capture holds while they cannot be stored (the database is down), in the order they ended.
 * Bounded: past {@link #MAX} the oldest are given up, counted and logged with their Linkedids, never silently.
 * While it holds calls it says how many, once a minute. At a stop what it holds goes to the spill file, which the
 * next start stores; only if there is no spill folder, or it cannot be written, are they lost, and logged so.
 */
final class HeldCalls {

    private static final Logger log = LoggerFactory.getLogger(HeldCalls.class);
    static final int MAX = 200_000;
    private static final long REPORT_NANOS = 60_000_000_000L;

    private final List<CompletedCall> calls = new ArrayList<>();
    private final SpillFile spill;
    private long givenUp;
    private long reportedAt;

    /** {@code spill}: where calls held at a stop are kept; null when there is nowhere to keep them. */
    HeldCalls(SpillFile spill) {
        this.spill = spill;
    }

    /** The held calls, oldest first (the capture thread's alone). */
    List<CompletedCall> calls() {
        return calls;
    }

    void add(List<CompletedCall> completed) {
        calls.addAll(completed);
        if (calls.size() > MAX) {
            List<CompletedCall> oldest = calls.subList(0, calls.size() - MAX);
            givenUp += oldest.size();
            log.error("GAVE UP {} completed call(s): capture already holds {} that cannot be stored; Linkedids {}",
                    oldest.size(), MAX, linkedIds(oldest));
            oldest.clear();
        }
    }

    /** The database refused the held calls: said at once, then once a minute while it lasts. */
    void notStored(String why, boolean firstTime) {
        long now = System.nanoTime();
        if (firstTime || now - reportedAt >= REPORT_NANOS) {
            reportedAt = now;
            log.warn("cannot store calls ({}); holding {} completed call(s) and retrying every second", why, calls.size());
        }
    }

    long givenUp() {
        return givenUp;
    }

    /** At a stop: keeps what is held in the spill file for the next start, or says which calls are lost. */
    void keepAtStop(String why, Instant at) {
        if (calls.isEmpty()) {
            return;
        }
        if (spill != null) {
            try {
                Path file = spill.write(calls, at);
                log.warn("stopping while the database cannot store calls ({}): {} completed call(s) kept in {}; the "
                        + "next start stores them", why, calls.size(), file);
                calls.clear();
                return;
            } catch (RuntimeException e) {
                log.error("cannot write the spill file: {}", e.toString());
            }
        }
        log.error("LOST at the stop: {} completed call(s) not stored ({}); Linkedids {}", calls.size(), why,
                linkedIds(calls));
        givenUp += calls.size();
        calls.clear();
    }

    /** The spill files an earlier stop left, oldest first, each with its calls. */
    List<Path> spilled() {
        return spill == null ? List.of() : spill.files();
    }

    List<CompletedCall> read(Path file) {
        return spill.read(file);
    }

    void stored(Path file) {
        spill.delete(file);
    }

    /** The database's own words (the root cause), not the SQL jOOQ wraps around them. */
    static String why(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    private static String linkedIds(List<CompletedCall> calls) {
        return calls.stream().map(CompletedCall::linkedId).collect(Collectors.joining(", "));
    }
}
