package org.switchboard.core.auth.web;

import org.switchboard.core.refusal.Refusal;
import org.switchboard.core.api.ApiJson;
import org.switchboard.core.api.ApiRequest;
import org.switchboard.core.api.ApiRoutes;
import org.switchboard.core.api.Route;
import org.switchboard.core.api.Route.Access;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.switchboard.core.auth.application.UserDesk;
import org.switchboard.core.auth.model.Role;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.directory.Extension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.switchboard.core.api.ApiJson.respond;

/**
 * The admin's part (admins only): {@code GET /api/users}, {@code POST /api/users}
 * {@code {"username","password","role"}}, {@code POST /api/users/{name}/disable|enable|role {"role"}}, and {@code GET /api/config} — the running configuration with every
 * secret masked.
 */
public final class AdminRoutes implements ApiRoutes {

    public record NewUser(String username, String password, String role) {
    }

    public record RoleChange(String role) {
    }

    private final UserDesk users;
    private final SwitchboardConfig config;

    public AdminRoutes(UserDesk users, SwitchboardConfig config) {
        this.users = users;
        this.config = config;
    }

    @Override
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>(List.of(
                Route.get("/api/users", Access.ADMIN,
                        r -> respond(HttpResponseStatus.OK, Map.of("users", users.all().stream().map(AdminRoutes::user).toList()))),
                Route.post("/api/users", Access.ADMIN, this::add)));
        for (String action : List.of("disable", "enable", "role")) {
            routes.add(Route.post("/api/users/{name}/" + action, Access.ADMIN, r -> change(r, r.variable("name"), action)));
        }
        if (config != null) {
            routes.add(Route.get("/api/config", Access.ADMIN, r -> respond(HttpResponseStatus.OK, view())));
        }
        return routes;
    }

    private FullHttpResponse add(ApiRequest r) {
        NewUser b = r.body(NewUser.class);
        Role role = role(b.role());
        users.add(b.username(), b.password() == null ? null : b.password().toCharArray(), role, r.user());
        return respond(HttpResponseStatus.CREATED, Map.of("message", "user " + b.username() + " added (" + role.label() + ")"));
    }

    /** Disables, enables or gives another role to a user; an admin cannot disable or demote themselves here. */
    private FullHttpResponse change(ApiRequest r, String name, String what) {
        String by = r.user();
        if (name.equals(by) && !what.equals("enable")) {
            throw new ApiJson.BadRequest(HttpResponseStatus.UNPROCESSABLE_ENTITY, "username",
                    "you cannot " + (what.equals("role") ? "change your own role" : "disable yourself") + "; ask another admin");
        }
        try {
            switch (what) {
                case "disable" -> users.disable(name, by);
                case "enable" -> users.enable(name);
                default -> users.setRole(name, role(r.body(RoleChange.class).role()));
            }
        } catch (Refusal e) {
            throw new ApiJson.BadRequest(e.notFound() ? HttpResponseStatus.NOT_FOUND : HttpResponseStatus.UNPROCESSABLE_ENTITY,
                    "username", e.getMessage()); // every refusal here is about the user named in the path
        }
        return respond(HttpResponseStatus.OK, user(users.find(name).orElseThrow()));
    }

    private static Role role(String text) {
        try {
            return Role.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ApiJson.BadRequest(HttpResponseStatus.BAD_REQUEST, "role", e.getMessage());
        }
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
