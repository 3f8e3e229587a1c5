package org.switchboard.core.auth;

import org.switchboard.core.refusal.Refusal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.auth.application.UserDesk;
import org.switchboard.core.auth.infrastructure.UserRepository;
import org.switchboard.core.auth.model.Role;
import org.switchboard.core.support.ApiLogin;
import org.switchboard.core.support.ApiRig;
import org.switchboard.core.support.ShiftedClock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logins, sessions, CSRF and roles on every part of the API. */
class AuthApiTest {

    ShiftedClock clock = new ShiftedClock().setNow(Instant.parse("2026-11-20T02:00:00Z"));
    ApiRig rig;
    String base;
    UserDesk users;

    @BeforeEach
    void start() throws Exception {
        rig = new ApiRig(clock, () -> { });
        base = rig.base;
        users = rig.access.users();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    HttpResponse<String> send(HttpClient http, String method, String path, String body, String csrf) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyApiPathAnswers401WithoutALogin() throws Exception {
        HttpClient anonymous = HttpClient.newHttpClient();
        for (String path : new String[]{"/api/calls?date=2026-11-20", "/api/metrics/live", "/api/live/stream", "/api/wakeups",
                "/api/stays", "/api/folios/801", "/api/audit", "/api/credit/bars", "/api/me", "/api/nothing"}) {
            HttpResponse<String> r = send(anonymous, "GET", path, null, null);
            assertEquals(401, r.statusCode(), path);
            assertTrue(r.body().contains("log in first"), r.body());
        }
        assertEquals(401, send(anonymous, "POST", "/api/wakeups", "{\"room\":\"801\",\"time\":\"08:00\"}", null).statusCode());
        assertEquals(401, send(anonymous, "POST", "/api/login", "{\"username\":\"admin\",\"password\":\"wrong password\"}", null)
                .statusCode());
        assertEquals(401, send(anonymous, "POST", "/api/login", "{\"username\":\"nobody\",\"password\":\"" + ApiLogin.PASSWORD + "\"}",
                null).statusCode());
        HttpResponse<String> noName = send(anonymous, "POST", "/api/login", "{\"password\":\"x\"}", null);
        assertEquals(400, noName.statusCode());
        assertTrue(noName.body().contains("\"field\":\"username\""));
        assertEquals(400, send(anonymous, "POST", "/api/login", "{oops", null).statusCode());
        assertEquals(405, send(anonymous, "GET", "/api/login", null, null).statusCode());
    }

    @Test
    void aSessionCookieCsrfTokenAndRoleDecideWhatPasses() throws Exception {
        HttpClient raw = HttpClient.newHttpClient();
        HttpResponse<String> login = send(raw, "POST", "/api/login",
                "{\"username\":\"operator\",\"password\":\"" + ApiLogin.PASSWORD + "\"}", null);
        assertEquals(200, login.statusCode(), login.body());
        String cookie = login.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(cookie.startsWith("sb_session=") && cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);

        ApiLogin.Client operator = ApiLogin.login(base, "operator");
        assertEquals(200, send(operator.http(), "GET", "/api/me", null, null).statusCode());
        assertTrue(send(operator.http(), "GET", "/api/me", null, null).body().contains("\"role\":\"operator\""));
        HttpResponse<String> noCsrf = send(operator.http(), "POST", "/api/wakeups", "{\"room\":\"801\",\"time\":\"08:00\"}", null);
        assertEquals(403, noCsrf.statusCode());
        assertTrue(noCsrf.body().contains("X-CSRF-Token"), noCsrf.body());
        assertEquals(403, send(operator.http(), "POST", "/api/wakeups", "{\"room\":\"801\",\"time\":\"08:00\"}", "forged").statusCode());
        assertEquals(201, send(operator.http(), "POST", "/api/wakeups", "{\"room\":\"801\",\"time\":\"08:00\"}",
                operator.csrf()).statusCode(), "an operator books wake-ups");
        HttpResponse<String> audit = send(operator.http(), "GET", "/api/audit", null, null);
        assertEquals(403, audit.statusCode());
        assertTrue(audit.body().contains("the operator role may not GET /api/audit"), audit.body());
        assertEquals(403, send(operator.http(), "POST", "/api/calls", "{}", operator.csrf()).statusCode(),
                "manual call records are the auditor's");

        ApiLogin.Client auditor = ApiLogin.login(base, "auditor");
        assertEquals(200, send(auditor.http(), "GET", "/api/audit?date=2026-11-19", null, null).statusCode());
        assertEquals(403, send(auditor.http(), "POST", "/api/wakeups", "{\"room\":\"801\",\"time\":\"08:00\"}",
                auditor.csrf()).statusCode());
        assertEquals(403, send(auditor.http(), "POST", "/api/stays/checkin", "{}", auditor.csrf()).statusCode());
        assertEquals(200, send(auditor.http(), "GET", "/api/wakeups", null, null).statusCode());
        assertEquals(400, send(auditor.http(), "POST", "/api/calls", "{not json", auditor.csrf()).statusCode(),
                "an auditor's malformed record is a 400, not a 403");

        ApiLogin.Client admin = ApiLogin.login(base, "admin");
        assertEquals(422, send(admin.http(), "POST", "/api/stays/checkin", "{\"room\":\"999\",\"account\":\"A\",\"name\":\"x\"}",
                admin.csrf()).statusCode());

        assertEquals(200, send(operator.http(), "POST", "/api/logout", null, operator.csrf()).statusCode());
        assertEquals(401, send(operator.http(), "GET", "/api/wakeups", null, null).statusCode(), "logged out");

        clock.advance(Duration.ofMinutes(31));
        assertEquals(401, send(auditor.http(), "GET", "/api/wakeups", null, null).statusCode(), "30 minutes idle: expired");
    }

    @Test
    void usersAreRefusedWithTheReason() {
        Refusal dup = assertThrows(Refusal.class,
                () -> users.add("admin", "another long password".toCharArray(), Role.ADMIN, "t"));
        assertTrue(dup.getMessage().contains("user admin already exists"));
        assertTrue(assertThrows(Refusal.class, () -> users.add("bob", "short".toCharArray(), Role.OPERATOR, "t"))
                .getMessage().contains("at least 10 characters"));
        assertTrue(assertThrows(Refusal.class, () -> users.add("Bob Smith", "long enough pw".toCharArray(),
                Role.OPERATOR, "t")).getMessage().contains("must be 2-32 lower-case"));
        assertTrue(new UserRepository(rig.db.dsl()).find("admin").orElseThrow().passwordHash().startsWith("$2a$11$"),
                "stored as a bcrypt hash, never the password");
        assertInstanceOf(UserDesk.LoggedIn.class, users.login("admin", ApiLogin.PASSWORD.toCharArray()));
        assertInstanceOf(UserDesk.WrongCredentials.class, users.login("admin", "wrong".toCharArray()));
    }

    @Test
    void onlyAdminsManageUsersAndSeeTheConfiguration() throws Exception {
        ApiLogin.Client admin = ApiLogin.login(base, "admin");
        ApiLogin.Client operator = ApiLogin.login(base, "operator");
        assertEquals(403, send(operator.http(), "GET", "/api/users", null, null).statusCode());
        assertEquals(403, send(operator.http(), "GET", "/api/config", null, null).statusCode());
        assertTrue(send(admin.http(), "GET", "/api/users", null, null).body().contains("\"username\":\"operator\""));
        assertEquals(201, send(admin.http(), "POST", "/api/users",
                "{\"username\":\"li.na\",\"password\":\"a long password\",\"role\":\"auditor\"}", admin.csrf()).statusCode());
        assertEquals(422, send(admin.http(), "POST", "/api/users",
                "{\"username\":\"li.na\",\"password\":\"a long password\",\"role\":\"auditor\"}", admin.csrf()).statusCode());
        HttpResponse<String> badRole = send(admin.http(), "POST", "/api/users",
                "{\"username\":\"x1\",\"password\":\"a long password\",\"role\":\"chef\"}", admin.csrf());
        assertEquals(400, badRole.statusCode());
        assertTrue(badRole.body().contains("\"field\":\"role\""));
        assertEquals(403, send(admin.http(), "POST", "/api/users", "{}", null).statusCode(), "CSRF applies to admins too");
        assertTrue(ApiLogin.login(base, "auditor").csrf().length() > 20);
        HttpResponse<String> config = send(admin.http(), "GET", "/api/config", null, null);
        assertEquals(200, config.statusCode(), config.body());
        assertTrue(config.body().contains("\"hotel\":\"Test Hotel\"") && config.body().contains("\"cosFamily\":\"cos\""), config.body());
    }

    @Test
    void aDisabledUserIsLoggedOutAndCannotLogInUntilEnabled() throws Exception {
        ApiLogin.Client admin = ApiLogin.login(base, "admin");
        ApiLogin.Client operator = ApiLogin.login(base, "operator");
        assertEquals(200, send(operator.http(), "GET", "/api/wakeups", null, null).statusCode());

        HttpResponse<String> disabled = send(admin.http(), "POST", "/api/users/operator/disable", null, admin.csrf());
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertTrue(disabled.body().contains("\"enabled\":false") && disabled.body().contains("\"disabledBy\":\"admin\""),
                disabled.body());
        HttpResponse<String> out = send(operator.http(), "GET", "/api/wakeups", null, null);
        assertEquals(401, out.statusCode(), "the open session ended");
        assertTrue(out.body().contains("disabled or changed"), out.body());
        assertEquals(401, login("operator", ApiLogin.PASSWORD).statusCode(), "a disabled user cannot log in");
        assertEquals(422, send(admin.http(), "POST", "/api/users/operator/disable", null, admin.csrf()).statusCode(),
                "already disabled");

        assertEquals(200, send(admin.http(), "POST", "/api/users/operator/enable", null, admin.csrf()).statusCode());
        assertEquals(200, login("operator", ApiLogin.PASSWORD).statusCode());

        // A new role ends the user's sessions; the next login has the new role.
        ApiLogin.Client auditor = ApiLogin.login(base, "auditor");
        HttpResponse<String> promoted = send(admin.http(), "POST", "/api/users/auditor/role", "{\"role\":\"operator\"}",
                admin.csrf());
        assertEquals(200, promoted.statusCode(), promoted.body());
        assertEquals(401, send(auditor.http(), "GET", "/api/audit?date=2026-11-19", null, null).statusCode());
        assertEquals(403, send(ApiLogin.login(base, "auditor").http(), "GET", "/api/audit?date=2026-11-19", null, null)
                .statusCode(), "now an operator");
    }

    @Test
    void userChangesAreRefusedWithTheReason() throws Exception {
        ApiLogin.Client admin = ApiLogin.login(base, "admin");
        HttpResponse<String> self = send(admin.http(), "POST", "/api/users/admin/disable", null, admin.csrf());
        assertEquals(422, self.statusCode());
        assertTrue(self.body().contains("cannot disable yourself"), self.body());
        assertEquals(422, send(admin.http(), "POST", "/api/users/admin/role", "{\"role\":\"operator\"}", admin.csrf())
                .statusCode());
        HttpResponse<String> nobody = send(admin.http(), "POST", "/api/users/nobody/disable", null, admin.csrf());
        assertEquals(404, nobody.statusCode());
        assertTrue(nobody.body().contains("no user nobody"), nobody.body());
        HttpResponse<String> chef = send(admin.http(), "POST", "/api/users/operator/role", "{\"role\":\"chef\"}", admin.csrf());
        assertEquals(400, chef.statusCode());
        assertTrue(chef.body().contains("\"field\":\"role\""), chef.body());
        assertEquals(400, send(admin.http(), "POST", "/api/users/operator/role", "{oops", admin.csrf()).statusCode());
        assertEquals(422, send(admin.http(), "POST", "/api/users/operator/role", "{\"role\":\"operator\"}", admin.csrf())
                .statusCode(), "already an operator");
        assertEquals(405, send(admin.http(), "GET", "/api/users/operator/disable", null, null).statusCode());
        assertEquals(403, send(admin.http(), "POST", "/api/users/operator/disable", null, null).statusCode(), "CSRF");
        ApiLogin.Client operator = ApiLogin.login(base, "operator");
        assertEquals(403, send(operator.http(), "POST", "/api/users/auditor/disable", null, operator.csrf()).statusCode());

        // The last enabled admin stays, whoever asks (here the desk, as the CLI does).
        Refusal last = assertThrows(Refusal.class, () -> users.disable("admin", "cli"));
        assertTrue(last.getMessage().contains("last enabled admin"), last.getMessage());
        assertThrows(Refusal.class, () -> users.setRole("admin", Role.AUDITOR));
        users.add("boss", "another long password".toCharArray(), Role.ADMIN, "test");
        users.disable("admin", "boss");
        assertEquals(401, send(admin.http(), "GET", "/api/users", null, null).statusCode());
    }

    @Test
    void fiveFailedLoginsLockTheNameForFifteenMinutes() throws Exception {
        for (int i = 1; i <= 4; i++) {
            assertEquals(401, login("operator", "wrong password " + i).statusCode());
        }
        HttpResponse<String> fifth = login("operator", "wrong password 5");
        assertEquals(429, fifth.statusCode(), fifth.body());
        assertEquals("900", fifth.headers().firstValue("Retry-After").orElse(null));
        assertTrue(fifth.body().contains("too many failed logins for operator: try again in 15 minute(s)"), fifth.body());
        assertEquals(429, login("operator", ApiLogin.PASSWORD).statusCode(), "locked even with the right password");
        assertEquals(200, login("auditor", ApiLogin.PASSWORD).statusCode(), "other users are not affected");

        clock.advance(Duration.ofMinutes(14));
        HttpResponse<String> still = login("operator", ApiLogin.PASSWORD);
        assertEquals(429, still.statusCode());
        assertEquals("60", still.headers().firstValue("Retry-After").orElse(null));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(200, login("operator", ApiLogin.PASSWORD).statusCode(), "the lock ran out");

        // A name that does not exist locks the same way, so a lock tells nothing about which names exist.
        for (int i = 1; i <= 4; i++) {
            assertEquals(401, login("nobody", "guess " + i).statusCode());
        }
        assertEquals(429, login("nobody", "guess 5").statusCode());
        // A success resets the count.
        for (int i = 1; i <= 4; i++) {
            assertEquals(401, login("auditor", "wrong " + i).statusCode());
        }
        assertEquals(200, login("auditor", ApiLogin.PASSWORD).statusCode());
        assertEquals(401, login("auditor", "wrong again").statusCode(), "counted from zero again");
    }

    private HttpResponse<String> login(String user, String password) throws Exception {
        return send(HttpClient.newHttpClient(), "POST", "/api/login",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", null);
    }
}
