package org.switchboard.core.api;

import io.netty.handler.codec.http.HttpMethod;
import org.switchboard.core.auth.model.Role;

/**
 * Which role may do what. Operators: wake-ups, the live board and stream, call search, guest stays, folios and
 * credit bars (read), acknowledging credit alarms. Auditors: call records (search, manual entry, correction), answer-speed reports, the night
 * audit, folios, credit bars and lifting them, and read-only stays and wake-ups. Admins: everything, and alone
 * users and the configuration view.
 */
final class AccessPolicy {

    private AccessPolicy() {
    }

    static boolean allowed(Role role, HttpMethod method, String path) {
        boolean read = method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD);
        if (role == Role.ADMIN || path.equals("/api/me") || path.equals("/api/logout") || !guarded(path)) {
            return true; // paths nobody serves get their 404
        }
        return switch (role) {
            case OPERATOR -> under(path, "/api/wakeups") || under(path, "/api/live") || path.equals("/api/metrics/live")
                    || (read && (under(path, "/api/calls") || under(path, "/api/folios") || path.equals("/api/credit/bars")))
                    || under(path, "/api/credit/alarms")
                    || under(path, "/api/stays");
            case AUDITOR -> under(path, "/api/calls") || under(path, "/api/metrics") || under(path, "/api/audit")
                    || under(path, "/api/folios") || under(path, "/api/credit") || under(path, "/api/live")
                    || (read && (under(path, "/api/stays") || under(path, "/api/wakeups")));
            default -> false;
        };
    }

    private static boolean guarded(String path) {
        for (String p : new String[]{"/api/calls", "/api/metrics", "/api/live", "/api/wakeups", "/api/stays", "/api/folios",
                "/api/credit", "/api/audit", "/api/users", "/api/config"}) {
            if (under(path, p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
