package org.switchboard.core.auth.web;

import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.switchboard.core.auth.application.UserDesk;
import org.switchboard.core.auth.model.Role;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.directory.Extension;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.switchboard.core.api.ApiJson.methodNotAllowed;
import static org.switchboard.core.api.ApiJson.respond;

/**
 * The admin's part (admins only, see {@link AccessPolicy}): {@code GET /api/users}, {@code POST /api/users}
 * {@code {"username","password","role"}}, {@code POST /api/users/{name}/disable|enable|role {"role"}}, and {@code GET /api/config} — the running configuration with every
 * secret masked.
 */
public final class AdminRoutes implements ApiRoutes {

    public record NewUser(String username, String password, String role) {
    }

    public record RoleChange(String role) {
    }

    /** {@code /api/users/{name}/disable|enable|role}. */
    private static final java.util.regex.Pattern USER_ACTION =
            java.util.regex.Pattern.compile("/api/users/([^/]+)/(disable|enable|role)");

    private final UserDesk users;
    private final SwitchboardConfig config;

    public AdminRoutes(UserDesk users, SwitchboardConfig config) {
        this.users = users;
        this.config = config;
    }

    @Override
    public FullHttpResponse handle(FullHttpRequest req, QueryStringDecoder q) {
        String path = q.path();
        if (path.equals("/api/users")) {
            if (req.method().equals(HttpMethod.GET)) {
                return respond(HttpResponseStatus.OK, Map.of("users", users.all().stream().map(AdminRoutes::user).toList()));
            }
            if (req.method().equals(HttpMethod.POST)) {
                NewUser b = ApiJson.body(req, NewUser.class);
                Role role;
                try {
                    role = Role.parse(b.role());
                } catch (IllegalArgumentException e) {
                    throw new ApiJson.BadRequest(HttpResponseStatus.BAD_REQUEST, "role", e.getMessage());
                }
                try {
                    users.add(b.username(), b.password() == null ? null : b.password().toCharArray(), role, ApiGate.user(req));
                } catch (UserDesk.Refused e) {
                    throw new ApiJson.BadRequest(HttpResponseStatus.UNPROCESSABLE_ENTITY, null, e.getMessage());
                }
                return respond(HttpResponseStatus.CREATED, Map.of("message", "user " + b.username() + " added (" + role.label() + ")"));
            }
            return methodNotAllowed("GET, POST", path);
        }
        java.util.regex.Matcher action = USER_ACTION.matcher(path);
        if (action.matches()) {
            return req.method().equals(HttpMethod.POST) ? change(req, action.group(1), action.group(2))
                    : methodNotAllowed("POST", path);
        }
        if (path.equals("/api/config") && config != null) {
            return req.method().equals(HttpMethod.GET) ? respond(HttpResponseStatus.OK, view()) : methodNotAllowed("GET", path);
        }
        return null;
    }

    /** Disables, enables or gives another role to a user; an admin cannot disable or demote themselves here. */
    private FullHttpResponse change(FullHttpRequest req, String name, String what) {
        String by = ApiGate.user(req);
        if (name.equals(by) && !what.equals("enable")) {
            throw new ApiJson.BadRequest(HttpResponseStatus.UNPROCESSABLE_ENTITY, "username",
                    "you cannot " + (what.equals("role") ? "change your own role" : "disable yourself") + "; ask another admin");
        }
        try {
            switch (what) {
                case "disable" -> users.disable(name, by);
                case "enable" -> users.enable(name);
                default -> {
                    Role role;
                    try {
                        role = Role.parse(ApiJson.body(req, RoleChange.class).role());
                    } catch (IllegalArgumentException e) {
                        throw new ApiJson.BadRequest(HttpResponseStatus.BAD_REQUEST, "role", e.getMessage());
                    }
                    users.setRole(name, role);
                }
            }
        } catch (UserDesk.Refused e) {
            HttpResponseStatus status = e.notFound() ? HttpResponseStatus.NOT_FOUND : HttpResponseStatus.UNPROCESSABLE_ENTITY;
            throw new ApiJson.BadRequest(status, "username", e.getMessage());
        }
        return respond(HttpResponseStatus.OK, user(users.find(name).orElseThrow()));
    }

    private static Map<String, Object> user(org.switchboard.core.auth.infrastructure.UserRepository.StoredUser u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        m.put("role", u.role().label());
        m.put("enabled", u.enabled());
        m.put("createdAt", u.createdAt());
        m.put("createdBy", u.createdBy());
        m.put("disabledAt", u.disabledAt());
        m.put("disabledBy", u.disabledBy());
        return m;
    }

    private Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hotel", config.hotelName());
        m.put("timezone", config.hotelZone().getId());
        m.put("pbx", config.ami() == null ? null : Map.of("host", config.ami().host(), "port", config.ami().port(),
                "username", config.ami().username(), "secret", "****"));
        m.put("database", config.database() == null ? null : config.database().toString());
        m.put("http", config.http().toString());
        m.put("trunks", config.directory().trunks().stream().map(t -> t.name() + " " + t.device()).toList());
        m.put("departments", config.directory().departments().keySet().stream().sorted().toList());
        m.put("roomExtensions", config.directory().extensions().values().stream().filter(Extension::isRoom).count());
        m.put("staffExtensions", config.directory().extensions().values().stream().filter(e -> !e.isRoom()).count());
        m.put("wakeup", config.wakeup());
        m.put("folio", Map.of("businessDayClosesAt", config.folio().businessDayClosesAt().toString(),
                "creditLimitPercent", config.folio().creditLimit().percentOfDeposit(), "cosFamily", config.folio().cosFamily()));
        m.put("currency", config.currency());
        return m;
    }
}
