package org.switchboard.core.auth.application;

import org.switchboard.core.auth.model.Session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in sessions, in the daemon's memory: a random token (the cookie) and a random CSRF token each. A session
 * ends after {@code idle} without a request, after {@code lifetime} in any case, at logout, or when the daemon stops.
 */
public final class Sessions {

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idle;
    private final Duration lifetime;

    public Sessions(Clock clock, Duration idle, Duration lifetime) {
        this.clock = clock;
        this.idle = idle;
        this.lifetime = lifetime;
    }

    /** 30 minutes idle, 12 hours at most (a shift). */
    public static Sessions standard(Clock clock) {
        return new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(12));
    }

    public Session open(UserDesk.User user) {
        Instant now = clock.instant();
        Session s = new Session(token(), user.username(), user.role(), token(), now, now);
        sessions.put(s.token(), s);
        return s;
    }

    /** The live session of this token, its idle time restarted; empty when unknown or expired (and then removed). */
    public Optional<Session> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session s = sessions.get(token);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(s.lastSeen().plus(idle)) || now.isAfter(s.createdAt().plus(lifetime))) {
            sessions.remove(token);
            return Optional.empty();
        }
        Session seen = s.seen(now);
        sessions.put(token, seen);
        return Optional.of(seen);
    }

    public void close(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
