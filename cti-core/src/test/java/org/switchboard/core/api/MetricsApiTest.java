package org.switchboard.core.api;

import org.switchboard.core.support.ClockSensitive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.calls.model.CallDirection;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.directory.Department;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.directory.Trunk;
import org.switchboard.core.metrics.application.LiveBoard;
import org.switchboard.core.metrics.application.MetricsDesk;
import org.switchboard.core.metrics.application.MetricsRecorder;
import org.switchboard.core.metrics.infrastructure.MeasurementRepository;
import org.switchboard.core.metrics.model.AnswerMeasurer;
import org.switchboard.core.metrics.model.MetricsSettings;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.CaptureRig;
import org.switchboard.core.support.StaffCalls;
import org.switchboard.core.support.TestDatabase;
import org.switchboard.pbx.event.EventTime;
import org.switchboard.pbx.event.PbxEvent;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/metrics}, {@code /api/metrics/live} and the live stream over real HTTP. */
@ClockSensitive
class MetricsApiTest {

    static final Directory HOTEL = new Directory(Map.of(
            "101", new Extension("101", "101", null, "Room 101"),
            "8000", new Extension("8000", null, "front-desk", "Desk 1"),
            "8001", new Extension("8001", null, "front-desk", "Desk 2")),
            Map.of("front-desk", new Department("front-desk", "Front Desk", 3)), List.of(new Trunk("pstn", "SIP/trunk")));

    static final java.time.LocalDate TODAY = java.time.LocalDate.now(StaffCalls.SHANGHAI);

    private Database db;
    private HttpApiServer server;
    private LiveBoard board;
    private String base;
    private HttpClient http;
    String csrf;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.freshDatabase();
        SwitchboardConfig config = new SwitchboardConfig("Test Hotel", StaffCalls.SHANGHAI, null, null, Duration.ZERO, "",
                HOTEL, CaptureRig.exampleTariffs(), new SwitchboardConfig.HttpSettings("127.0.0.1", 0),
                MetricsSettings.defaults());
        board = new LiveBoard(HOTEL);
        CallRepository calls = new CallRepository(db.dsl());
        // Today (hotel time), so the live board counts them too; default shifts: the calendar day.
        calls.store(StaffCalls.call("x1", TODAY + "T00:10:00", CallDirection.INBOUND, 20_000,
                StaffCalls.phone("8000", 0, 1_500L, 21_500), StaffCalls.phone("8001", 0, null, 1_550)), Instant.now());
        calls.store(StaffCalls.call("x2", TODAY + "T00:20:00", CallDirection.INBOUND, 0,
                StaffCalls.phone("8000", 0, null, 9_000)), Instant.now());
        try (MetricsRecorder recorder = new MetricsRecorder(new AnswerMeasurer(HOTEL, config.metrics(), StaffCalls.SHANGHAI),
                new MeasurementRepository(db.dsl()), board)) {
            recorder.measureMissing();
        }
        server = new HttpApiServer(org.switchboard.core.support.ApiLogin.access(db, java.time.Clock.systemUTC()));
        Clock clock = Clock.systemUTC();
        int port = server.start("127.0.0.1", 0, java.util.List.of(org.switchboard.core.records.Records.routes(config, db, clock),
                new org.switchboard.core.metrics.web.MetricsRoutes(new MetricsDesk(config, db, clock), board, clock, StaffCalls.SHANGHAI)));
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

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theReportAsJson() throws Exception {
        HttpResponse<String> r = get("/api/metrics?date=" + TODAY);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode desk = json.readTree(r.body()).get("rows").get(0);
        assertAll(r.body(), () -> assertEquals("front-desk", desk.get("department").asText()),
                () -> assertEquals(2, desk.get("offered").asInt()), () -> assertEquals(1, desk.get("withinThreshold").asInt()),
                () -> assertEquals(1, desk.get("missed").asInt()), () -> assertEquals("50.0", desk.get("serviceLevelPercent").asText()),
                () -> assertEquals(1500, desk.get("avgRingMs").asInt()), () -> assertEquals(9000, desk.get("longestRingMs").asInt()));
        JsonNode phones = json.readTree(get("/api/metrics?from=" + TODAY + "&to=" + TODAY + "&by=extension").body()).get("rows");
        assertEquals("8001", phones.get(1).get("group").asText());
        assertEquals(1, phones.get(1).get("missed").asInt(), "8001 rang and did not answer");
    }

    @Test
    void badRequestsNameTheField() throws Exception {
        assertError(get("/api/metrics"), 400, "date");
        assertError(get("/api/metrics?date=23.11.2026"), 400, "date");
        assertError(get("/api/metrics?date=2026-11-23&by=day"), 400, "by");
        assertError(get("/api/metrics?date=2026-11-23&department=spa"), 422, "department");
        assertError(get("/api/metrics?from=2026-11-24&to=2026-11-23"), 422, "to");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/api/metrics/live"))
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    private void assertError(HttpResponse<String> r, int status, String field) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(field, json.readTree(r.body()).get("error").get("field").asText(), r.body());
    }

    private void ring(String uniqueId, String ext, Instant since) {
        board.observe(new PbxEvent.DialStarted(EventTime.pbx(since), "caller-" + uniqueId, uniqueId, "call-" + uniqueId,
                "SIP/" + ext + "-00000001", ext));
        board.observe(new PbxEvent.DialProgressed(EventTime.pbx(since), "caller-" + uniqueId, uniqueId, "call-" + uniqueId,
                "RINGING"));
    }

    @Test
    void theLiveBoardShowsRingTimersAndMissedCalls() throws Exception {
        ring("r1", "8000", Instant.now().minusSeconds(5));
        ring("r2", "101", Instant.now()); // a room: not on the staff board
        JsonNode live = json.readTree(get("/api/metrics/live").body());
        JsonNode ringing = live.get("ringing");
        assertAll(live.toString(), () -> assertEquals(1, ringing.size()),
                () -> assertEquals("8000", ringing.get(0).get("extension").asText()),
                () -> assertTrue(ringing.get(0).get("ringingMs").asLong() >= 5000),
                () -> assertTrue(ringing.get(0).get("overThreshold").asBoolean()),
                () -> assertEquals(1, live.get("missed").size()),
                () -> assertEquals("50.0", live.get("serviceLevel").get(0).get("serviceLevelPercent").asText()),
                () -> assertEquals(9000, live.get("missed").get(0).get("ringMs").asInt()));
    }

    @Test
    void theLiveStreamPushesRingingAsItHappens() throws Exception {
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/live/stream")).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
        assertEquals("event: hello", lines.readLine());
        lines.readLine(); // its data
        lines.readLine(); // blank
        ring("r3", "8001", Instant.now());
        String[] frame = CompletableFuture.supplyAsync(() -> {
            try {
                return new String[] {lines.readLine(), lines.readLine()};
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(5, TimeUnit.SECONDS);
        assertEquals("event: ringing", frame[0]);
        assertTrue(frame[1].startsWith("data: {") && frame[1].contains("\"extension\":\"8001\""), frame[1]);
        r.body().close();
    }
}
