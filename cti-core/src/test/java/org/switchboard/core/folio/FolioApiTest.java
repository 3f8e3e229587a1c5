package org.switchboard.core.folio;

import org.switchboard.core.support.ClockSensitive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.core.calls.model.ManualCallEntry;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.records.CallRecordDesk;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.ApiLogin;
import org.switchboard.core.support.ApiRig;
import org.switchboard.core.support.ShiftedClock;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stays, folios, credit bars and the night audit over real HTTP, with every refusal and malformed input. */
@ClockSensitive
class FolioApiTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    ApiRig rig;
    Database db;
    String base;
    SwitchboardConfig config;
    ShiftedClock clock;
    final AtomicInteger stayChanges = new AtomicInteger();
    ApiLogin.Client client;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        clock = new ShiftedClock().setNow(DAY.atTime(9, 0).atZone(ZONE).toInstant());
        rig = new ApiRig(clock, stayChanges::incrementAndGet);
        db = rig.db;
        base = rig.base;
        config = rig.config;
        client = ApiLogin.login(base, "admin");
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        return client.send(base + path, method, body);
    }

    void assertRefused(HttpResponse<String> r, int status, String field, String text) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode error = json.readTree(r.body()).get("error");
        if (field != null) {
            assertEquals(field, error.get("field").asText(), r.body());
        }
        assertTrue(error.get("message").asText().contains(text), r.body());
    }

    @Test
    void checkInPostAFolioAndAuditTheDay() throws Exception {
        HttpResponse<String> in = send("POST", "/api/stays/checkin",
                "{\"room\":\"801\",\"account\":\"A1\",\"name\":\"张三\",\"deposit\":\"500\"}");
        assertEquals(200, in.statusCode(), in.body());
        assertEquals(1, stayChanges.get(), "the class of service is re-synced after a stay change");
        assertRefused(send("POST", "/api/stays/checkin", "{\"room\":\"801\",\"account\":\"A2\",\"name\":\"李四\"}"),
                422, null, "room 801 is occupied by account A1");
        assertRefused(send("POST", "/api/stays/checkin", "{\"room\":\"802\",\"account\":\"A2\",\"name\":\"李四\",\"deposit\":\"abc\"}"),
                400, "deposit", "'abc' is not an amount in CNY");
        assertRefused(send("POST", "/api/stays/checkin", "{\"room\":\"802\",\"account\":\"A2\",\"deposit\":\"-5\"}"),
                400, "name", "name is required");
        assertRefused(send("POST", "/api/stays/checkin", "{\"room\":\"802\",\"account\":\"A2\",\"name\":\"x\",\"deposit\":\"-5\"}"),
                422, null, "deposit CNY -5.00 must not be negative");
        assertRefused(send("POST", "/api/stays/checkin", "{room: 802"), 400, null, "not the expected JSON");
        assertRefused(send("POST", "/api/stays/checkin", "{\"room\":\"999\",\"account\":\"A2\",\"name\":\"x\"}"),
                422, null, "room 999 is not a configured room");
        assertEquals(405, send("PUT", "/api/stays", "{}").statusCode());
        assertTrue(send("GET", "/api/stays", null).body().contains("\"accountId\":\"A1\""));

        new CallRecordDesk(config, db, clock).enter(new ManualCallEntry.Form("801", DAY, "00441234567890",
                LocalTime.of(10, 0), LocalTime.of(10, 1, 5), "test"));
        HttpResponse<String> folio = send("GET", "/api/folios/801", null);
        assertEquals(200, folio.statusCode(), folio.body());
        JsonNode f = json.readTree(folio.body());
        assertEquals("A1", f.get("accountId").asText());
        assertEquals(1, f.get("entries").size());
        assertTrue(folio.body().contains("\"charged\":{\"amount\":19.40,\"currency\":\"CNY\""), folio.body());
        assertRefused(send("GET", "/api/folios/802", null), 422, null, "room 802 has no guest in house");
        assertRefused(send("GET", "/api/folios", null), 400, "account", "account is required");
        assertEquals(200, send("GET", "/api/folios?account=A1", null).statusCode());

        String auditBody = send("GET", "/api/audit?date=2026-11-20", null).body();
        JsonNode audit = json.readTree(auditBody);
        assertTrue(audit.get("reconciles").asBoolean(), auditBody);
        assertTrue(auditBody.contains("\"posted\":19.40,"), auditBody);
        HttpResponse<String> csv = send("GET", "/api/audit?date=2026-11-20&format=csv", null);
        assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("content-disposition").orElse("").contains("audit-2026-11-20.csv"));
        assertTrue(csv.body().startsWith("\uFEFF") && csv.body().contains("张三"));
        HttpResponse<String> html = send("GET", "/api/audit?date=2026-11-20&format=html", null);
        assertTrue(html.headers().firstValue("content-type").orElse("").startsWith("text/html") && html.body().contains("对账"));
        assertRefused(send("GET", "/api/audit?date=2026-11-20&format=pdf", null), 400, "format", "json, csv, html or text");
        assertRefused(send("GET", "/api/audit?date=20-11-2026", null), 400, "date", "not a date");
        assertRefused(send("POST", "/api/audit/close", "{\"date\":\"2026-11-20\",\"by\":\"auditor\"}"), 422, null,
                "runs until 2026-11-21 04:00");
        assertRefused(send("POST", "/api/audit/close", "{\"by\":\"auditor\"}"), 400, "date", "date is required");
        assertRefused(send("POST", "/api/credit/lift", "{\"account\":\"A1\",\"by\":\"m\",\"reason\":\"r\"}"), 422, null,
                "account A1 is not barred");
        assertRefused(send("POST", "/api/credit/lift", "{\"account\":\"A1\",\"by\":\"m\",\"reason\":\"r\",\"deposit\":\"x\"}"),
                400, "deposit", "not an amount");
        assertEquals(200, send("GET", "/api/credit/bars?all=true", null).statusCode());

        assertEquals(200, send("POST", "/api/stays/move", "{\"account\":\"A1\",\"toRoom\":\"802\"}").statusCode());
        assertRefused(send("POST", "/api/stays/move", "{\"account\":\"A1\"}"), 400, "toRoom", "toRoom is required");
        assertEquals(200, send("POST", "/api/stays/checkout", "{\"account\":\"A1\"}").statusCode());
        assertRefused(send("POST", "/api/stays/checkout", "{\"account\":\"A1\"}"), 422, null, "account A1 is not in house");
        clock.setNow(DAY.plusDays(1).atTime(5, 0).atZone(ZONE).toInstant());
        client = ApiLogin.login(base, "admin"); // the night's session expired
        HttpResponse<String> closed = send("POST", "/api/audit/close", "{\"date\":\"2026-11-20\",\"by\":\"auditor\"}");
        assertEquals(200, closed.statusCode(), closed.body());
        assertTrue(json.readTree(closed.body()).get("closed").asBoolean());
    }

    @Test
    void anAuditorAssignsAVacantRoomCallToAGuest() throws Exception {
        assertEquals(200, send("POST", "/api/stays/checkin",
                "{\"room\":\"801\",\"account\":\"A1\",\"name\":\"张三\",\"deposit\":\"500\"}").statusCode());
        var entered = new CallRecordDesk(config, db, clock).enter(new ManualCallEntry.Form("803", DAY,
                "00441234567890", LocalTime.of(10, 0), LocalTime.of(10, 1, 5), "test"));
        long id = entered.callId();
        assertTrue(send("GET", "/api/audit?date=2026-11-20&format=text", null).body().contains("#" + id));

        assertRefused(send("POST", "/api/audit/assign", "{\"account\":\"A1\",\"reason\":\"r\"}"), 400, "callId",
                "callId is required");
        assertRefused(send("POST", "/api/audit/assign", "{\"callId\":" + id + ",\"reason\":\"r\"}"), 400, "account",
                "account is required");
        assertRefused(send("POST", "/api/audit/assign", "{\"callId\":" + id + ",\"account\":\"A1\"}"), 422, null, "say why");
        assertRefused(send("POST", "/api/audit/assign", "{\"callId\":" + id + ",\"account\":\"ZZ\",\"reason\":\"r\"}"),
                422, null, "no account ZZ");
        assertRefused(send("POST", "/api/audit/assign", "{\"callId\":\"x\",\"account\":\"A1\",\"reason\":\"r\"}"),
                400, null, "not the expected JSON");
        assertEquals(405, send("GET", "/api/audit/assign", null).statusCode());
        ApiLogin.Client operator = ApiLogin.login(base, "operator");
        assertEquals(403, operator.send(base + "/api/audit/assign", "POST",
                "{\"callId\":" + id + ",\"account\":\"A1\",\"reason\":\"r\"}").statusCode(), "auditors and admins only");

        HttpResponse<String> done = send("POST", "/api/audit/assign",
                "{\"callId\":" + id + ",\"account\":\"A1\",\"reason\":\"the guest's friend in 803 used A1's account\"}");
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("assigned to account A1 by admin"), done.body());
        String folio = send("GET", "/api/folios?account=A1", null).body();
        JsonNode f = json.readTree(folio);
        assertEquals(1, f.get("entries").size());
        assertEquals("ASSIGNED", f.get("entries").get(0).get("cause").asText());
        assertTrue(folio.contains("\"charged\":{\"amount\":19.40"), folio);
        JsonNode audit = json.readTree(send("GET", "/api/audit?date=2026-11-20", null).body());
        assertTrue(audit.get("reconciles").asBoolean(), audit.toString());
    }

    @Test
    void creditAlarmsWaitForAnOperatorToAcknowledgeThem() throws Exception {
        assertEquals(200, send("POST", "/api/stays/checkin",
                "{\"room\":\"801\",\"account\":\"A1\",\"name\":\"张三\",\"deposit\":\"10\"}").statusCode());
        assertEquals("[]", json.readTree(send("GET", "/api/credit/alarms", null).body()).get("alarms").toString());
        new CallRecordDesk(config, db, clock).enter(new ManualCallEntry.Form("801", DAY, "00441234567890",
                LocalTime.of(10, 0), LocalTime.of(10, 1, 5), "test"));
        send("GET", "/api/folios/801", null); // posts: 19.40 against a 10.00 deposit, limit 8.00

        ApiLogin.Client operator = ApiLogin.login(base, "operator");
        HttpResponse<String> alarms = operator.send(base + "/api/credit/alarms", "GET", null);
        assertEquals(200, alarms.statusCode(), alarms.body());
        JsonNode open = json.readTree(alarms.body()).get("alarms");
        assertEquals(1, open.size(), alarms.body());
        assertEquals("801", open.get(0).get("room").asText());
        assertEquals("A1", open.get(0).get("accountId").asText());
        long bar = open.get(0).get("id").asLong();
        assertTrue(alarms.body().contains("\"charged\":19.40,\"deposit\":10.00,\"limit\":8.00"), "money at the currency's scale: "
                + alarms.body());

        assertEquals(405, operator.send(base + "/api/credit/alarms/" + bar + "/acknowledge", "GET", null).statusCode());
        assertRefused(operator.send(base + "/api/credit/alarms/999/acknowledge", "POST", null), 404, null, "no credit bar 999");
        assertRefused(operator.send(base + "/api/credit/alarms/x/acknowledge", "POST", null), 404, null, "no credit bar x");
        HttpResponse<String> ack = operator.send(base + "/api/credit/alarms/" + bar + "/acknowledge", "POST", null);
        assertEquals(200, ack.statusCode(), ack.body());
        assertTrue(ack.body().contains("credit alarm for room 801 (A1) acknowledged by operator"), ack.body());
        assertRefused(send("POST", "/api/credit/alarms/" + bar + "/acknowledge", null), 422, null,
                "is not an open alarm: acknowledged by operator");
        assertEquals(0, json.readTree(send("GET", "/api/credit/alarms", null).body()).get("alarms").size());
        JsonNode listed = json.readTree(send("GET", "/api/credit/bars", null).body()).get("bars").get(0);
        assertEquals("operator", listed.get("acknowledgedBy").asText(), "the bar itself stays until lifted");
        // A guest who left while barred is no alarm for the operators (the bar stays listed).
        assertEquals(200, send("POST", "/api/stays/checkin",
                "{\"room\":\"802\",\"account\":\"A2\",\"name\":\"李四\",\"deposit\":\"10\"}").statusCode());
        new CallRecordDesk(config, db, clock).enter(new ManualCallEntry.Form("802", DAY, "00441234567890",
                LocalTime.of(10, 5), LocalTime.of(10, 6, 5), "test"));
        send("GET", "/api/folios/802", null);
        assertEquals(1, json.readTree(send("GET", "/api/credit/alarms", null).body()).get("alarms").size());
        assertEquals(200, send("POST", "/api/stays/checkout", "{\"account\":\"A2\"}").statusCode());
        assertEquals(0, json.readTree(send("GET", "/api/credit/alarms", null).body()).get("alarms").size());
        assertEquals(403, operator.send(base + "/api/credit/lift", "POST",
                "{\"account\":\"A1\",\"by\":\"op\",\"reason\":\"r\"}").statusCode(), "lifting is the auditor's");
    }
}
