package org.switchboard.core.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.api.ApiAccess;
import org.switchboard.core.api.ApiRoutes;
import org.switchboard.core.auth.application.Sessions;
import org.switchboard.core.auth.application.UserDesk;
import org.switchboard.core.auth.infrastructure.UserRepository;
import org.switchboard.core.auth.web.AdminRoutes;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.storage.Database;

import java.time.Clock;

/** Who may use the console and API, assembled: the users, their sessions, and the admins' routes. */
public final class Auth {

    private static final Logger log = LoggerFactory.getLogger(Auth.class);

    private final UserDesk users;
    private final ApiAccess access;
    private final SwitchboardConfig config;

    private Auth(UserDesk users, Sessions sessions, SwitchboardConfig config) {
        this.users = users;
        this.access = new ApiAccess(users, sessions, config.http().tls());
        this.config = config;
    }

    public static Auth assemble(SwitchboardConfig config, Database db, Clock clock) {
        return new Auth(new UserDesk(new UserRepository(db.dsl()), clock), Sessions.standard(clock), config);
    }

    public ApiAccess access() {
        return access;
    }

    /** Says so when nobody can log in yet. */
    public void warnIfNoUsers() {
        if (users.all().isEmpty()) {
            log.warn("no users yet: nobody can log in to the API or console; create the first admin with: "
                    + "scripts/switchboard user add NAME --role admin");
        }
    }

    /** The admins' routes, with the running configuration (secrets masked) at {@code GET /api/config}. */
    public ApiRoutes routes() {
        return new AdminRoutes(users, config);
    }
}
