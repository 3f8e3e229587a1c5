package org.switchboard.core.support;

import org.switchboard.core.api.ApiAccess;
import org.switchboard.core.auth.application.Sessions;
import org.switchboard.core.auth.application.UserDesk;
import org.switchboard.core.auth.infrastructure.UserRepository;
import org.switchboard.core.auth.model.Role;
import org.switchboard.core.storage.Database;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * API logins for tests: one user per role ({@code operator}, {@code auditor}, {@code admin}, all with
 * {@link #PASSWORD}), and an HTTP client that logged in — it keeps the session cookie like a browser, and
 * {@link Client#csrf()} is the token state-changing requests carry in {@code X-CSRF-Token}.
 */
public final class ApiLogin {

    public static final String PASSWORD = "correct horse battery";

    private ApiLogin() {
    }

    public record Client(HttpClient http, String csrf) {
        /** Sends a JSON request (no body when {@code body} is null) with the session cookie and the CSRF header. */
        public HttpResponse<String> send(String url, String method, String body) throws Exception {
            return http.send(request(url).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** A request builder with the CSRF header set. */
        public HttpRequest.Builder request(String url) {
            return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).header("X-CSRF-Token", csrf);
        }
    }

    public static ApiAccess access(Database db, Clock clock) {
        UserDesk users = new UserDesk(new UserRepository(db.dsl()), clock);
        for (Role r : Role.values()) {
            users.add(r.label(), PASSWORD.toCharArray(), r, "test");
        }
        return new ApiAccess(users, Sessions.standard(clock), false);
    }

    public static Client login(String base, String user) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("login as " + user + ": " + r.statusCode() + " " + r.body());
        }
        String csrf = r.body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");
        return new Client(http, csrf);
    }
}
