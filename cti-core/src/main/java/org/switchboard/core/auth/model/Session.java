package org.switchboard.core.auth.model;

import java.time.Instant;

/** A logged-in user's session: the cookie token, who, the CSRF token state-changing requests must carry, and its times. */
public record Session(String token, String username, Role role, String csrfToken, Instant createdAt, Instant lastSeen) {

    public Session seen(Instant at) {
        return new Session(token, username, role, csrfToken, createdAt, at);
    }
}
