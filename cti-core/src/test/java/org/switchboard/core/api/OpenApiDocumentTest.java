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

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/openapi.yaml describes what the daemon serves: every documented path and method reaches a route. */
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

    @Test
    @SuppressWarnings("unchecked")
    void everyDocumentedPathAndMethodIsServed() throws Exception {
        Map<String, Object> doc;
        try (Reader r = Files.newBufferedReader(Path.of("..", "docs", "openapi.yaml"))) {
            doc = new Yaml().load(r);
        }
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
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
