package org.switchboard.core.auth.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Password guessing is slowed by bcrypt and stopped here: after {@code maxFailures} failed logins in a row for one
 * user name (existing or not, so a lock says nothing about which names exist) that name is locked for
 * {@code lockFor}. In the daemon's memory, like the sessions.
 */
final class LoginThrottle {

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    private static final int MAX_TRACKED = 10_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockFor;

    LoginThrottle(Clock clock, int maxFailures, Duration lockFor) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockFor = lockFor;
    }

    /** Until when this name is locked, if it is. */
    Optional<Instant> lockedUntil(String username) {
        Failures f = failures.get(username);
        if (f == null || f.lockedUntil() == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(f.lockedUntil())) {
            failures.remove(username, f); // the lock ran out: a fresh count
            return Optional.empty();
        }
        return Optional.of(f.lockedUntil());
    }

    /** Counts a failed login; returns the lock's end when this failure locked the name. */
    Optional<Instant> failed(String username) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(f -> f.lockedUntil() == null && f.last().plus(lockFor).isBefore(now));
        }
        Failures f = failures.merge(username, new Failures(1, now, null), (old, one) ->
                new Failures(old.count() + 1, now, old.count() + 1 >= maxFailures ? now.plus(lockFor) : null));
        return Optional.ofNullable(f.lockedUntil());
    }

    void succeeded(String username) {
        failures.remove(username);
    }
}
