package org.switchboard.core.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.folio.application.FolioServices;
import org.switchboard.core.metrics.application.LiveBoard;
import org.switchboard.core.metrics.application.MetricsDesk;
import org.switchboard.core.metrics.model.MetricsSettings;
import org.switchboard.core.records.CallRecordDesk;
import org.switchboard.core.stays.application.RoomOccupancy;
import org.switchboard.core.stays.application.StayDesk;
import org.switchboard.core.stays.infrastructure.StayRepository;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.ApiLogin;
import org.switchboard.core.support.CaptureRig;
import org.switchboard.core.support.ShiftedClock;
import org.switchboard.core.support.TestDatabase;
import org.switchboard.core.support.WakeupRig;
import org.switchboard.core.wakeup.application.WakeupDesk;
import org.switchboard.core.wakeup.infrastructure.QuartzWakeupTimers;
import org.switchboard.core.wakeup.infrastructure.WakeupRepository;
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/openapi.yaml describes what the daemon serves: every documented path and method reaches a route. */
class OpenApiDocumentTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    Database db;
    HttpApiServer server;
    QuartzWakeupTimers timers;
    String base;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.freshDatabase();
        ShiftedClock clock = new ShiftedClock().setNow(Instant.parse("2026-11-20T02:00:00Z"));
        var hotel = WakeupRig.hotel(801, 10);
        SwitchboardConfig config = new SwitchboardConfig("Test Hotel", ZONE, null, null, Duration.ZERO, "", hotel,
                CaptureRig.exampleTariffs(), new SwitchboardConfig.HttpSettings("127.0.0.1", 0), MetricsSettings.defaults());
        timers = QuartzWakeupTimers.open(db.dataSource(), clock);
        WakeupDesk wakeups = new WakeupDesk(new WakeupRepository(db.dsl()), timers, hotel,
                RoomOccupancy.of(new StayRepository(db.dsl())), ZONE, clock);
        server = new HttpApiServer(ApiLogin.access(db, clock)).showingConfiguration(config);
        int port = server.start("127.0.0.1", 0, new CallRecordDesk(config, db, clock), new MetricsDesk(config, db, clock),
                new LiveBoard(hotel), clock, ZONE, wakeups, FolioServices.on(db, config, clock),
                new StayDesk(new StayRepository(db.dsl()), hotel, clock), () -> { }, "CNY");
        base = "http://127.0.0.1:" + port;
    }

    @AfterEach
    void stop() {
        server.close();
        timers.close();
        db.close();
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
            String path = e.getKey().replace("{id}", "1").replace("{callId}", "1").replace("{room}", "801");
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
