package org.switchboard.core.api;

import org.switchboard.core.support.ClockSensitive;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.billing.rating.TariffBook;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.CaptureRig;
import org.switchboard.core.support.TestDatabase;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The call-record API over a real socket with a real HTTP client, on a real MariaDB. */
@ClockSensitive
class HttpApiTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private Database db;
    private HttpApiServer server;
    private String base;
    private HttpClient http;
    String csrf;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.freshDatabase();
        TariffBook tariffs = CaptureRig.exampleTariffs();
        SwitchboardConfig config = new SwitchboardConfig("Test Hotel", SHANGHAI, null, null, Duration.ZERO, "",
                CaptureRig.recordingHotel(), tariffs, new SwitchboardConfig.HttpSettings("127.0.0.1", 0),
                org.switchboard.core.metrics.model.MetricsSettings.defaults());
        server = new HttpApiServer(org.switchboard.core.support.ApiLogin.access(db, java.time.Clock.systemUTC()));
        int port = server.start("127.0.0.1", 0, java.util.List.of(org.switchboard.core.records.Records.routes(config, db, Clock.systemUTC())));
        base = "http://127.0.0.1:" + port;
        var login = org.switchboard.core.support.ApiLogin.login(base, "auditor");
        http = login.http();
        csrf = login.csrf();
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("X-CSRF-Token", csrf);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anOperatorEntersFindsCorrectsAndAuditsACallRecord() throws Exception {
        HttpResponse<String> created = send("POST", "/api/calls", """
                {"extension":"102","date":"2026-11-23","dialled":"00441234567890","start":"09:00:00","end":"09:01:05",
                 "enteredBy":"operator-1"}""");
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"total\":\"19.40\""), created.body());
        assertTrue(created.body().contains("\"start\":\"2026-11-23T09:00:00+08:00\""), created.body());
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
        assertTrue(id.find());

        HttpResponse<String> day = send("GET", "/api/calls?date=2026-11-23&room=102", null);
        assertEquals(200, day.statusCode());
        assertTrue(day.body().contains("\"dialled\":\"00441234567890\"") && day.body().contains("\"charge\":\"CNY 19.40\""),
                day.body());

        HttpResponse<String> nobody = send("GET", "/api/calls?from=2026-11-01&to=2026-11-30&account=%E5%BC%A0", null);
        assertEquals("{\"calls\":[]}", nobody.body(), "no guest account matches 张 yet");

        HttpResponse<String> fixed = send("PATCH", "/api/calls/" + id.group(1), """
                {"end":"09:00:55","by":"auditor","reason":"meter check"}""");
        assertEquals(200, fixed.statusCode(), fixed.body());
        assertTrue(fixed.body().contains("\"total\":\"10.20\""), fixed.body()); // one block: 8.00 + 1.20 + 1.00

        HttpResponse<String> shown = send("GET", "/api/calls/" + id.group(1), null);
        assertTrue(shown.body().contains("\"field\":\"end\"") && shown.body().contains("\"reason\":\"meter check\""),
                shown.body());
    }

    @Test
    void mistakesGetClearStatusesAndNameTheField() throws Exception {
        HttpResponse<String> refused = send("POST", "/api/calls", """
                {"extension":"999","date":"2026-11-23","dialled":"0612345678","start":"09:00:00","end":"09:01:00",
                 "enteredBy":"x"}""");
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("\"field\":\"extension\""), refused.body());
        HttpResponse<String> badTime = send("POST", "/api/calls", """
                {"extension":"101","date":"2026-11-23","dialled":"0612345678","start":"9 o'clock","end":"09:01:00",
                 "enteredBy":"x"}""");
        assertEquals(422, badTime.statusCode());
        assertTrue(badTime.body().contains("\"field\":\"start\""), badTime.body());
        assertEquals(400, send("POST", "/api/calls", "{not json").statusCode());
        assertEquals(400, send("POST", "/api/calls", "{\"extension\":\"101\",\"colour\":\"red\"}").statusCode());
        assertEquals(400, send("GET", "/api/calls?date=23.11.2026", null).statusCode());
        assertEquals(404, send("GET", "/api/calls/424242", null).statusCode());
        assertEquals(404, send("GET", "/api/nothing", null).statusCode());
        assertEquals(405, send("DELETE", "/api/calls", null).statusCode());
        assertEquals(413, send("POST", "/api/calls", "{\"x\":\"" + "a".repeat(HttpApiServer.MAX_BODY_BYTES) + "\"}")
                .statusCode());
    }
}
