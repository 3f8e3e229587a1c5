package org.switchboard.core.wakeup;

import org.switchboard.core.support.ClockSensitive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.ApiLogin;
import org.switchboard.core.support.ApiRig;
import org.switchboard.core.support.ShiftedClock;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/wakeups} over real HTTP: book (one room, a group), list, change, cancel, report, refusals naming the field. */
@ClockSensitive
class WakeupApiTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    ApiRig rig;
    Database db;
    String base;
    ApiLogin.Client client;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        ShiftedClock clock = new ShiftedClock().setNow(DAY.atTime(21, 0).minusDays(1).atZone(ZONE).toInstant());
        rig = new ApiRig(clock, () -> { });
        db = rig.db;
        base = rig.base;
        client = ApiLogin.login(base, "operator");
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        return client.send(base + path, method, body);
    }

    @Test
    void bookListChangeCancelReport() throws Exception {
        HttpResponse<String> booked = send("POST", "/api/wakeups", "{\"room\":\"808\",\"time\":\"08:00\",\"second\":\"4m\"}");
        assertEquals(201, booked.statusCode(), booked.body());
        JsonNode b = json.readTree(booked.body()).get("booked").get(0);
        assertEquals("Room 808: Tue 24 Nov 08:00, twice, 4 minutes apart", b.get("readBack").asText());
        long id = b.get("bookingId").asLong();

        HttpResponse<String> group = send("POST", "/api/wakeups", "{\"rooms\":[\"801\",\"802\"],\"time\":\"06:30\",\"group\":\"tour\"}");
        assertEquals(201, group.statusCode(), group.body());
        assertEquals(2, json.readTree(group.body()).get("booked").size());

        JsonNode list = json.readTree(send("GET", "/api/wakeups?date=" + DAY, null).body()).get("calls");
        assertEquals(4, list.size());
        assertEquals("801", list.get(0).get("room").asText(), "in due order");
        assertEquals("SCHEDULED", list.get(0).get("status").asText());

        HttpResponse<String> changed = send("PUT", "/api/wakeups/" + id, "{\"time\":\"07:45\"}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("Room 808: Tue 24 Nov 07:45, once", json.readTree(changed.body()).get("readBack").asText());

        assertEquals(200, send("DELETE", "/api/wakeups/" + json.readTree(group.body()).get("booked").get(0)
                .get("bookingId").asLong(), null).statusCode());
        JsonNode open = json.readTree(send("GET", "/api/wakeups", null).body()).get("calls");
        assertEquals(2, open.size(), "808 at 07:45 and 802: " + open);

        JsonNode report = json.readTree(send("GET", "/api/wakeups/report?date=" + DAY, null).body());
        JsonNode first = report.get("lines").get(0);
        assertEquals(4, first.get("booked").asInt());
        assertEquals(2, first.get("cancelled").asInt());
        assertEquals(2, first.get("pending").asInt());
    }

    @Test
    void refusalsNameTheField() throws Exception {
        HttpResponse<String> unknown = send("POST", "/api/wakeups", "{\"room\":\"999\",\"time\":\"08:00\"}");
        assertEquals(422, unknown.statusCode());
        assertEquals("rooms", json.readTree(unknown.body()).get("error").get("field").asText());
        assertEquals("room 999 is not a configured room", json.readTree(unknown.body()).get("error").get("message").asText());
        HttpResponse<String> past = send("POST", "/api/wakeups", "{\"room\":\"801\",\"time\":\"2026-11-23T20:00\"}");
        assertEquals(422, past.statusCode());
        assertEquals("time", json.readTree(past.body()).get("error").get("field").asText());
        HttpResponse<String> second = send("POST", "/api/wakeups", "{\"room\":\"801\",\"time\":\"08:00\",\"second\":\"2h\"}");
        assertEquals(400, second.statusCode());
        assertEquals("second", json.readTree(second.body()).get("error").get("field").asText());
        assertEquals(400, send("POST", "/api/wakeups", "{\"time\":\"08:00\"}").statusCode());
        assertEquals(400, send("POST", "/api/wakeups", "{\"room\":\"801\",\"tim\":\"08:00\"}").statusCode(), "unknown property");
        assertEquals(422, send("DELETE", "/api/wakeups/42", null).statusCode());
        assertEquals(404, send("DELETE", "/api/wakeups/abc", null).statusCode());
        assertEquals(405, send("PATCH", "/api/wakeups", "{}").statusCode());
        assertTrue(send("GET", "/api/wakeups?date=2026-13-01", null).body().contains("\"field\":\"date\""));
    }

    @Test
    void anEscalationStaysAnAlarmUntilAnOperatorAcknowledgesIt() throws Exception {
        assertEquals(201, send("POST", "/api/wakeups", "{\"room\":\"808\",\"time\":\"08:00\"}").statusCode());
        // As the caller leaves a call it could not deliver (the escalation itself is WakeupSimulatorTest's).
        db.dsl().update(org.switchboard.core.storage.jooq.Tables.WAKEUP_CALLS)
                .set(org.switchboard.core.storage.jooq.Tables.WAKEUP_CALLS.STATUS, "ESCALATED").execute();
        var alarms = json.readTree(send("GET", "/api/wakeups/alarms", null).body()).get("alarms");
        assertEquals(1, alarms.size());
        assertEquals("808", alarms.get(0).get("room").asText());
        long callId = alarms.get(0).get("callId").asLong();
        assertEquals(405, send("GET", "/api/wakeups/alarms/" + callId + "/acknowledge", null).statusCode());
        HttpResponse<String> ack = send("POST", "/api/wakeups/alarms/" + callId + "/acknowledge", null);
        assertEquals(200, ack.statusCode(), ack.body());
        assertTrue(ack.body().contains("alarm for room 808 acknowledged by operator"), ack.body());
        assertEquals(0, json.readTree(send("GET", "/api/wakeups/alarms", null).body()).get("alarms").size());
        HttpResponse<String> again = send("POST", "/api/wakeups/alarms/" + callId + "/acknowledge", null);
        assertEquals(422, again.statusCode());
        assertTrue(again.body().contains("is not an open alarm"), again.body());
        assertEquals(422, send("POST", "/api/wakeups/alarms/424242/acknowledge", null).statusCode());
        assertEquals(404, send("POST", "/api/wakeups/alarms/x/acknowledge", null).statusCode());
        assertEquals("operator", db.dsl().select(org.switchboard.core.storage.jooq.Tables.WAKEUP_CALLS.ALARM_ACKNOWLEDGED_BY)
                .from(org.switchboard.core.storage.jooq.Tables.WAKEUP_CALLS).fetchOne(0, String.class));
    }
}
