package org.switchboard.core.calls.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.calls.model.CallAssembler;
import org.switchboard.pbx.event.PbxEvent;

import java.time.Instant;

/** The gaps in what capture saw of the PBX, and their calls from the CDR store (the capture thread's alone). */
final class Gaps {

    private static final Logger log = LoggerFactory.getLogger(Gaps.class);
    /** How often (in PBX time) how far capture has seen is noted in the database. */
    private static final java.time.Duration NOTE_EVERY = java.time.Duration.ofSeconds(5);

    private final GapRecovery recovery;
    private final CallRepository repository;
    private final CallAssembler assembler;
    private final HeldCalls held;
    /** The time of the last PBX event, of the start of the gap now open, and whether a login was seen. */
    private Instant lastSeen;
    private Instant gapFrom;
    private boolean loggedInBefore;
    private Instant noted;

    Gaps(GapRecovery recovery, CallRepository repository, CallAssembler assembler, HeldCalls held) {
        this.recovery = recovery;
        this.repository = repository;
        this.assembler = assembler;
        this.held = held;
    }

    /**
     * Follows the gaps in what the PBX told: from the last event before a link drop (or, at the first login, how far
     * the last run had seen — noted every few seconds, or the end of its last stored call) to the next login. At
     * that login, before the re-sync, the calls the CDR store has for the gap are held for storing, after the calls
     * already complete here.
     */
    void note(PbxEvent e) {
        if (e instanceof PbxEvent.LinkDown down) {
            gapFrom = gapFrom != null ? gapFrom : lastSeen != null ? lastSeen : down.time().instant();
        } else if (e instanceof PbxEvent.LinkUp up) {
            Instant from = gapFrom;
            gapFrom = null;
            boolean first = !loggedInBefore;
            loggedInBefore = true;
            recover(first, from, up.time().instant());
            note(up.time().instant());
        } else {
            lastSeen = e.time().instant();
            if (noted == null || lastSeen.isAfter(noted.plus(NOTE_EVERY))) {
                note(lastSeen);
            }
        }
    }

    /** Keeps how far the PBX was seen, so a crash still leaves the next gap's start; a failure waits for the next note. */
    private void note(Instant seen) {
        noted = seen;
        try {
            repository.seen().note(seen);
        } catch (RuntimeException e) {
            log.debug("how far capture has seen the PBX is not noted now: {}", e.toString());
        }
    }

    /** Holds the CDR store's calls of the gap; a store or database that cannot be read is said, not thrown. */
    private void recover(boolean firstLogin, Instant gapFrom, Instant to) {
        Instant from = gapFrom;
        try {
            if (firstLogin) {
                from = repository.seen().lastRun().orElse(null); // the daemon was stopped, or died, since then
            }
            if (from == null || !from.isBefore(to)) {
                return;
            }
            held.add(assembler.collectCompleted(Instant.MAX));
            held.add(recovery.endedBetween(from, to));
        } catch (RuntimeException e) {
            log.error("the calls that ended between {} and {} are not recovered: cannot read the CDR store or the "
                    + "last stored call ({})", from, to, HeldCalls.why(e));
        }
    }
}
