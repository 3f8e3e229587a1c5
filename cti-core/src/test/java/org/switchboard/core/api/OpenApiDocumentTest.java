package org.switchboard.core.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.support.ApiLogin;
import org.switchboard.core.support.ApiRig;
import org.switchboard.core.support.ShiftedClock;
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/openapi.yaml describes what the daemon serves: the route table's operations and roles, each reaching a route. */
class OpenApiDocumentTest {

    ApiRig rig;
    String base;

    @BeforeEach
    void start() throws Exception {
        rig = new ApiRig(new ShiftedClock().setNow(Instant.parse("2026-11-20T02:00:00Z")), () -> { });
        base = rig.base;
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> documentedPaths() throws Exception {
        try (Reader r = Files.newBufferedReader(Path.of("..", "docs", "openapi.yaml"))) {
            Map<String, Object> doc = new Yaml().load(r);
            return (Map<String, Map<String, Object>>) doc.get("paths");
        }
    }

    /** {@code GET /api/calls/{} [auditor, admin]}: an operation as the table and the document both say it. */
    private static String operation(String method, String template, Object roles) {
        return method.toUpperCase() + " " + template.replaceAll("\\{[^}]+}", "{}") + " " + roles;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentListsExactlyTheRouteTableWithItsRoles() throws Exception {
        Set<String> documented = new TreeSet<>();
        for (var path : documentedPaths().entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (!op.getKey().equals("parameters")) {
                    Object roles = ((Map<String, Object>) op.getValue()).getOrDefault("x-roles", List.of());
                    documented.add(operation(op.getKey(), path.getKey(), new TreeSet<>((List<String>) roles)));
                }
            }
        }
        Set<String> served = new TreeSet<>();
        for (Route r : rig.routes().routes()) {
            if (r.template().startsWith("/api/")) {
                Set<String> roles = new TreeSet<>();
                if (r.access().login()) {
                    r.access().roles().forEach(role -> roles.add(role.label()));
                }
                served.add(operation(r.method().name(), r.template(), roles));
            }
        }
        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        Set<String> notServed = new TreeSet<>(documented);
        notServed.removeAll(served);
        assertTrue(undocumented.isEmpty() && notServed.isEmpty(), "served but not documented (or other roles): "
                + undocumented + "\ndocumented but not served (or other roles): " + notServed);
    }

    @Test
    void everyDocumentedPathAndMethodIsServed() throws Exception {
        Map<String, Map<String, Object>> paths = documentedPaths();
        assertTrue(paths.size() >= 23, "documented paths: " + paths.keySet());
        ApiLogin.Client admin = ApiLogin.login(base, "admin");
        List<String> wrong = new ArrayList<>();
        List<String[]> last = new ArrayList<>();
        for (var e : paths.entrySet()) {
            String path = e.getKey().replace("{id}", "1").replace("{callId}", "1").replace("{room}", "801")
                    .replace("{name}", "operator");
            for (String method : e.getValue().keySet()) {
                if (method.equals("parameters")) {
                    continue;
                }
                if (path.equals("/api/logout")) {
                    last.add(new String[]{method, path});
                    continue;
                }
                if (path.equals("/api/live/stream")) {
                    continue; // a stream that does not end; LiveStream tests cover it
                }
                int status = send(admin, method.toUpperCase(), path + (path.equals("/api/calls") || path.equals("/api/metrics")
                        ? "?date=2026-11-20" : ""));
                if (status == 404 && !path.matches(".*/(1|801)(/.*)?") || status == 405 || status >= 500) {
                    wrong.add(method.toUpperCase() + " " + path + " → " + status);
                }
            }
        }
        for (String[] m : last) {
            int status = send(admin, m[0].toUpperCase(), m[1]);
            if (status != 200) {
                wrong.add(m[0] + " " + m[1] + " → " + status);
            }
        }
        assertTrue(wrong.isEmpty(), "documented but not served: " + wrong);
    }

    private int send(ApiLogin.Client c, String method, String path) throws Exception {
        HttpRequest req = c.request(base + path).header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}")).build();
        return c.http().send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
