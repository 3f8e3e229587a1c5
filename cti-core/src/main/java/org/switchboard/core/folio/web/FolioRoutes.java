package org.switchboard.core.folio.web;

import org.switchboard.core.api.ApiJson;
import org.switchboard.core.api.ApiRequest;
import org.switchboard.core.api.ApiRoutes;
import org.switchboard.core.api.Route;
import org.switchboard.core.api.Route.Access;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.switchboard.billing.audit.AuditFormats;
import org.switchboard.billing.audit.AuditReport;
import org.switchboard.billing.audit.AuditTable;
import org.switchboard.core.folio.application.FolioDesk;
import org.switchboard.core.folio.application.FolioServices;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.switchboard.core.api.ApiJson.required;
import static org.switchboard.core.api.ApiJson.respond;

/**
 * Folios, credit bars and the night audit over HTTP, as the CLI does them:
 * {@code GET /api/folios/{room}} or {@code /api/folios?account=A}; {@code GET /api/credit/bars[?all=true]},
 * {@code POST /api/credit/lift} {@code {"account","by","reason","deposit"}}; {@code POST /api/audit/assign}
 * {@code {"callId","account","reason","by"?}} (an exception call charged to a guest after all);
 * {@code GET /api/credit/alarms}, {@code POST /api/credit/alarms/{barId}/acknowledge} (kept with the user's name);
 * {@code GET /api/audit?date=D[&format=csv|html|text]}, {@code POST /api/audit/close} {@code {"date","by"}}.
 * Refusals answer 422 naming the field; malformed input 400.
 */
public final class FolioRoutes implements ApiRoutes {

    public record LiftBody(String account, String by, String reason, String deposit) {
    }

    public record AssignBody(Long callId, String account, String by, String reason) {
    }

    public record CloseBody(String date, String by) {
    }

    private final FolioServices folios;
    private final Runnable stayChanged;

    /** {@code stayChanged} runs after a lift or an assignment (the class of service follows at once). */
    public FolioRoutes(FolioServices folios, Runnable stayChanged) {
        this.folios = folios;
        this.stayChanged = stayChanged;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/folios", Access.STAFF, r -> folio(r, null)),
                Route.get("/api/folios/{room}", Access.STAFF, r -> folio(r, r.variable("room"))),
                Route.get("/api/credit/bars", Access.STAFF, r -> respond(HttpResponseStatus.OK,
                        Map.of("bars", folios.desk().bars(!"true".equals(r.param("all", s -> s, "true or false")))))),
                Route.get("/api/credit/alarms", Access.STAFF,
                        r -> respond(HttpResponseStatus.OK, Map.of("alarms", folios.desk().creditAlarms()))),
                Route.post("/api/credit/alarms/{barId}/acknowledge", Access.STAFF, this::acknowledge),
                Route.post("/api/credit/lift", Access.AUDITOR, this::lift),
                Route.get("/api/audit", Access.AUDITOR, this::audit),
                Route.post("/api/audit/assign", Access.AUDITOR, this::assign),
                Route.post("/api/audit/close", Access.AUDITOR, this::close));
    }

    private FullHttpResponse folio(ApiRequest r, String room) {
        folios.poster().postPending();
        String account = r.param("account", s -> s, "an account id");
        FolioDesk.Folio f = room != null ? folios.desk().forRoom(room) : folios.desk().forAccount(required(account, "account"));
        return respond(HttpResponseStatus.OK, f);
    }

    private FullHttpResponse acknowledge(ApiRequest r) {
        String bar = r.variable("barId");
        if (!bar.matches("\\d{1,18}")) {
            throw new ApiJson.BadRequest(HttpResponseStatus.NOT_FOUND, null, "no credit bar " + bar);
        }
        return respond(HttpResponseStatus.OK, Map.of("message",
                folios.desk().acknowledgeCreditAlarm(Long.parseLong(bar), r.user())));
    }

    private FullHttpResponse lift(ApiRequest r) {
        LiftBody b = r.body(LiftBody.class);
        String message = folios.desk().lift(required(b.account(), "account"), b.by(), b.reason(),
                b.deposit() == null ? null : amount(b.deposit(), "deposit"));
        stayChanged.run();
        return respond(HttpResponseStatus.OK, Map.of("message", message));
    }

    private FullHttpResponse assign(ApiRequest r) {
        AssignBody b = r.body(AssignBody.class);
        if (b.callId() == null) {
            throw new ApiJson.BadRequest(HttpResponseStatus.BAD_REQUEST, "callId", "callId is required");
        }
        String message = folios.desk().assign(b.callId(), required(b.account(), "account"),
                b.by() == null || b.by().isBlank() ? r.user() : b.by(), b.reason());
        folios.poster().postPending();
        stayChanged.run(); // the charge may reach the guest's credit limit
        return respond(HttpResponseStatus.OK, Map.of("message", message));
    }

    private FullHttpResponse close(ApiRequest r) {
        CloseBody b = r.body(CloseBody.class);
        LocalDate date = date(required(b.date(), "date"));
        return respond(HttpResponseStatus.OK, json(folios.audit().close(date, b.by()), folios.audit().held()));
    }

    private FullHttpResponse audit(ApiRequest r) {
        folios.poster().postPending();
        LocalDate date = r.param("date", LocalDate::parse, "a date like 2026-11-23");
        String format = r.param("format", s -> s.matches("json|csv|html|text") ? s : null,
                "json, csv, html or text");
        LocalDate d = date != null ? date : folios.audit().today();
        AuditReport report = folios.audit().report(d);
        AuditTable table = AuditTable.of(report);
        if ("csv".equals(format)) {
            return file(AuditFormats.csv(table), "text/csv; charset=utf-8", "audit-" + d + ".csv");
        }
        if ("html".equals(format)) {
            return file(AuditFormats.html(table).getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", null);
        }
        if ("text".equals(format)) {
            return file(AuditFormats.text(table).getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8", null);
        }
        return respond(HttpResponseStatus.OK, json(report, folios.audit().held()));
    }

    private static Map<String, Object> json(AuditReport r, java.util.List<?> held) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", r.date());
        m.put("closed", r.closed());
        m.put("closure", r.closure());
        m.put("rated", r.rated());
        m.put("posted", r.posted());
        m.put("exceptions", r.exceptionsTotal());
        m.put("difference", r.difference());
        m.put("pendingCalls", r.pendingCalls());
        m.put("unpricedCalls", r.unpricedCalls());
        m.put("provisionalHeldCalls", r.guessed().held());
        m.put("provisionalUnconfirmedCalls", r.guessed().unconfirmed());
        m.put("reconciles", r.reconciles());
        m.put("held", held);
        m.put("report", AuditTable.of(r));
        return m;
    }

    private static FullHttpResponse file(byte[] bytes, String type, String attachment) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(bytes));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        if (attachment != null) {
            res.headers().set(HttpHeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + attachment + "\"");
        }
        return res;
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ApiJson.BadRequest(HttpResponseStatus.BAD_REQUEST, "date", "'" + s + "' is not a date like 2026-11-23");
        }
    }

    private static BigDecimal amount(String s, String field) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw new ApiJson.BadRequest(HttpResponseStatus.BAD_REQUEST, field, "'" + s + "' is not an amount");
        }
    }
}
