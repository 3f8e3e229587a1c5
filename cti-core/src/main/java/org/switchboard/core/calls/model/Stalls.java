package org.switchboard.core.calls.model;

import java.time.Instant;

/**
 * The windows in which arrival times cannot be trusted: this process froze (a long GC pause, SIGSTOP, a VM paused)
 * and read a backlog late, or the wall clock jumped. A call timed by arrival ({@link TimeSource#ARRIVAL}) that
 * overlaps one is stored {@link TimeSource#ARRIVAL_UNSURE}: its charge is provisional, and its CDR's times are
 * taken when its CDR comes.
 */
@FunctionalInterface
public interface Stalls {

    Stalls NONE = (from, to) -> false;

    /** Whether [from, to] overlaps a window of frozen or jumped time. */
    boolean overlap(Instant from, Instant to);
}
