package org.switchboard.core.api;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import org.switchboard.core.auth.model.Role;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One endpoint: method, path template ({@code /api/wakeups/{id}}), who may call it, and what answers it. Each
 * capability lists its own; the {@link RouteTable} of them all is what the router, the access check and the
 * OpenAPI test read, so an endpoint is written down once.
 */
public record Route(HttpMethod method, String template, Access access, Handler handler) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("route template must start with '/': " + template);
        }
    }

    /** Answers one request. Runs on the blocking executor group, never on the event loop. */
    @FunctionalInterface
    public interface Handler {
        /** The response, or null when the handler took the connection over (a stream). May throw {@link ApiJson.BadRequest}. */
        FullHttpResponse handle(ApiRequest request);
    }

    /** Who may call a route: anyone (no login), or logged-in users of these roles. Admins may call every route. */
    public record Access(boolean login, Set<Role> roles) {

        public static final Access PUBLIC = new Access(false, Set.of());
        public static final Access SIGNED_IN = new Access(true, EnumSet.allOf(Role.class));
        public static final Access ADMIN = of();
        public static final Access OPERATOR = of(Role.OPERATOR);
        public static final Access AUDITOR = of(Role.AUDITOR);
        public static final Access STAFF = of(Role.OPERATOR, Role.AUDITOR);

        public static Access of(Role... roles) {
            Set<Role> set = EnumSet.of(Role.ADMIN, roles);
            return new Access(true, Set.copyOf(set));
        }

        public boolean allows(Role role) {
            return !login || roles.contains(role);
        }
    }

    public static Route get(String template, Access access, Handler handler) {
        return new Route(HttpMethod.GET, template, access, handler);
    }

    public static Route post(String template, Access access, Handler handler) {
        return new Route(HttpMethod.POST, template, access, handler);
    }

    public static Route put(String template, Access access, Handler handler) {
        return new Route(HttpMethod.PUT, template, access, handler);
    }

    public static Route patch(String template, Access access, Handler handler) {
        return new Route(HttpMethod.PATCH, template, access, handler);
    }

    public static Route delete(String template, Access access, Handler handler) {
        return new Route(HttpMethod.DELETE, template, access, handler);
    }
}
