package org.switchboard.core.api;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.auth.application.UserDesk;
import org.switchboard.core.auth.model.Session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API's door: {@code POST /api/login}, {@code POST /api/logout}, {@code GET /api/me}; every other {@code /api/}
 * request needs a live session cookie (401), the session's CSRF token in {@code X-CSRF-Token} when it changes
 * anything (403), and a role allowed to do it (403).
 */
public final class ApiGate {

    static final String COOKIE = "sb_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Logger log = LoggerFactory.getLogger(ApiGate.class);

    record LoginBody(String username, String password) {
    }

    private final ApiAccess access;

    ApiGate(ApiAccess access) {
        this.access = access;
    }

    /** What the gate decided for a request under {@code /api/} that needs a login. */
    sealed interface Verdict permits Pass, Refuse {
    }

    record Pass(Session session) implements Verdict {
    }

    record Refuse(FullHttpResponse response) implements Verdict {
    }

    /** A live session whose user is unchanged since the login, with the CSRF token on anything that changes state. */
    Verdict check(FullHttpRequest req) {
        Optional<Session> session = access.sessions().find(cookie(req));
        if (session.isEmpty()) {
            return refuse(HttpResponseStatus.UNAUTHORIZED, null, "log in first: POST /api/login");
        }
        Session s = session.get();
        if (!access.users().current(s.username()).map(u -> u.role() == s.role()).orElse(false)) {
            access.sessions().close(s.token()); // disabled, or given another role, since this login
            return refuse(HttpResponseStatus.UNAUTHORIZED, null,
                    "your user was disabled or changed since you logged in: log in again");
        }
        boolean safe = req.method().equals(HttpMethod.GET) || req.method().equals(HttpMethod.HEAD);
        if (!safe && !s.csrfToken().equals(req.headers().get(CSRF_HEADER))) {
            return refuse(HttpResponseStatus.FORBIDDEN, CSRF_HEADER,
                    "missing or wrong " + CSRF_HEADER + " header (GET /api/me gives it)");
        }
        return new Pass(s);
    }

    /** Whether a path is the API's, where every route but the login needs a session. */
    static boolean guards(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** The gate's own routes: log in, log out, who am I. */
    List<Route> routes() {
        return List.of(
                Route.post("/api/login", Route.Access.PUBLIC, r -> login(r.http())),
                Route.post("/api/logout", Route.Access.SIGNED_IN, this::logout),
                Route.get("/api/me", Route.Access.SIGNED_IN, r -> ApiJson.respond(HttpResponseStatus.OK, me(r.session()))));
    }

    private FullHttpResponse logout(ApiRequest r) {
        access.sessions().close(r.session().token());
        FullHttpResponse res = ApiJson.respond(HttpResponseStatus.OK, Map.of("message", "logged out"));
        res.headers().add(HttpHeaderNames.SET_COOKIE, cookieHeader("", 0));
        return res;
    }

    private static Refuse refuse(HttpResponseStatus status, String field, String message) {
        return new Refuse(ApiJson.respond(status, ApiJson.error(field, message)));
    }

    private FullHttpResponse login(FullHttpRequest req) {
        LoginBody b = ApiJson.body(req, LoginBody.class);
        if (b.username() == null || b.username().isBlank()) {
            throw new ApiJson.BadRequest(HttpResponseStatus.BAD_REQUEST, "username", "username is required");
        }
        if (b.password() == null || b.password().isEmpty()) {
            throw new ApiJson.BadRequest(HttpResponseStatus.BAD_REQUEST, "password", "password is required");
        }
        String name = b.username().trim();
        UserDesk.Login login = access.users().login(name, b.password().toCharArray());
        if (login instanceof UserDesk.LockedOut locked) {
            log.warn("login for user '{}' refused: locked after repeated failures until {}", name, locked.until());
            long seconds = Math.max(1, (locked.left().toMillis() + 999) / 1000); // rounded up
            FullHttpResponse res = ApiJson.respond(HttpResponseStatus.TOO_MANY_REQUESTS, ApiJson.error("username",
                    "too many failed logins for " + name + ": try again in " + (seconds + 59) / 60 + " minute(s)"));
            res.headers().set(HttpHeaderNames.RETRY_AFTER, seconds);
            return res;
        }
        if (login instanceof UserDesk.WrongCredentials wrong) {
            log.warn("failed login for user '{}' ({})", name, wrong.why());
            return ApiJson.respond(HttpResponseStatus.UNAUTHORIZED, ApiJson.error(null, "wrong user name or password"));
        }
        UserDesk.User user = ((UserDesk.LoggedIn) login).user();
        Session s = access.sessions().open(user);
        log.info("user {} ({}) logged in", s.username(), s.role().label());
        FullHttpResponse res = ApiJson.respond(HttpResponseStatus.OK, me(s));
        res.headers().add(HttpHeaderNames.SET_COOKIE, cookieHeader(s.token(), -1));
        return res;
    }

    private String cookieHeader(String value, long maxAge) {
        DefaultCookie c = new DefaultCookie(COOKIE, value);
        c.setHttpOnly(true);
        c.setPath("/");
        c.setSameSite(CookieHeaderNames.SameSite.Strict);
        c.setSecure(access.secureCookie());
        if (maxAge >= 0) {
            c.setMaxAge(maxAge);
        }
        return ServerCookieEncoder.STRICT.encode(c);
    }

    private static Map<String, Object> me(Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", s.username());
        m.put("role", s.role().label());
        m.put("csrfToken", s.csrfToken());
        return m;
    }

    private static String cookie(FullHttpRequest req) {
        String header = req.headers().get(HttpHeaderNames.COOKIE);
        if (header == null) {
            return null;
        }
        for (Cookie c : ServerCookieDecoder.STRICT.decode(header)) {
            if (c.name().equals(COOKIE)) {
                return c.value();
            }
        }
        return null;
    }
}
