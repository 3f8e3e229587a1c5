package org.switchboard.core.api;

import org.switchboard.core.auth.application.Sessions;
import org.switchboard.core.auth.application.UserDesk;

/** Who may use the API: the users, their sessions, and whether the session cookie is sent only over TLS. */
public record ApiAccess(UserDesk users, Sessions sessions, boolean secureCookie) {
}
