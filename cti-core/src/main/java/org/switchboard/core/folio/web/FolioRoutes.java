package org.switchboard.core.folio.web;

import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.switchboard.billing.audit.AuditFormats;
import org.switchboard.billing.audit.AuditReport;
import org.switchboard.billing.audit.AuditTable;
import org.switchboard.billing.money.Money;
import org.switchboard.core.folio.application.FolioDesk;
import org.switchboard.core.folio.application.FolioServices;
import org.switchboard.core.folio.application.NightAudit;
import org.switchboard.core.stays.application.StayDesk;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.switchboard.core.api.ApiJson.methodNotAllowed;
import static org.switchboard.core.api.ApiJson.param;
import static org.switchboard.core.api.ApiJson.respond;

/**
 * Guest stays, folios, credit bars and the night audit over HTTP, as the CLI does them:
 * {@code GET /api/stays}; {@code POST /api/stays/checkin} {@code {"room","account","name","deposit","sharerOf"}},
 * {@code POST /api/stays/move} {@code {"account","toRoom"}}, {@code POST /api/stays/checkout} {@code {"account"}};
 * {@code GET /api/folios/{room}} or {@code /api/folios?account=A}; {@code GET /api/credit/bars[?all=true]},
 * {@code POST /api/credit/lift} {@code {"account","by","reason","deposit"}}; {@code POST /api/audit/assign}
 * {@code {"callId","account","reason","by"?}} (an exception call charged to a guest after all);
 * {@code GET /api/credit/alarms}, {@code POST /api/credit/alarms/{barId}/acknowledge} (kept with the user's name);
 * {@code GET /api/audit?date=D[&format=csv|html|text]}, {@code POST /api/audit/close} {@code {"date","by"}}.
 * Refusals answer 422 naming the field; malformed input 400.
 */
public final class FolioRoutes implements ApiRoutes {

    public record CheckInBody(String room, String account, String name, String deposit, String sharerOf) {
    }

    public record MoveBody(String account, String toRoom) {
    }

    public record AccountBody(String account) {
    }

    public record LiftBody(String account, String by, String reason, String deposit) {
    }

    /** {@code /api/credit/alarms/{barId}/acknowledge}. */
    private static final java.util.regex.Pattern CREDIT_ACK = java.util.regex.Pattern.compile("/api/credit/alarms/([^/]+)/acknowledge");

    public record AssignBody(Long callId, String account, String by, String reason) {
    }

    public record CloseBody(String date, String by) {
    }

    private final FolioServices folios;
    private final StayDesk stays;
    private final Runnable stayChanged;
    private final String currency;

    public FolioRoutes(FolioServices folios, StayDesk stays, Runnable stayChanged, String currency) {
        this.folios = folios;
        this.stays = stays;
        this.stayChanged = stayChanged;
        this.currency = currency;
    }

    @Override
    public FullHttpResponse handle(FullHttpRequest req, QueryStringDecoder q) {
        String path = q.path();
        try {
            if (path.equals("/api/stays")) {
                return req.method().equals(HttpMethod.GET) ? respond(HttpResponseStatus.OK, Map.of("inHouse", stays.inHouse()))
                        : methodNotAllowed("GET", path);
            }
            if (path.startsWith("/api/stays/")) {
                if (!req.method().equals(HttpMethod.POST)) {
                    return methodNotAllowed("POST", path);
                }
                return stay(path.substring("/api/stays/".length()), req);
            }
            if (path.equals("/api/folios") || path.startsWith("/api/folios/")) {
                if (!req.method().equals(HttpMethod.GET)) {
                    return methodNotAllowed("GET", path);
                }
                folios.poster().postPending();
                String account = param(q.parameters(), "account", s -> s, "an account id");
                FolioDesk.Folio f = path.length() > "/api/folios/".length()
                        ? folios.desk().forRoom(path.substring("/api/folios/".length()))
                        : folios.desk().forAccount(require(account, "account"));
                return respond(HttpResponseStatus.OK, f);
            }
            if (path.equals("/api/credit/bars")) {
                return req.method().equals(HttpMethod.GET)
                        ? respond(HttpResponseStatus.OK, Map.of("bars", folios.desk().bars(!"true".equals(
                        param(q.parameters(), "all", s -> s, "true or false")))))
                        : methodNotAllowed("GET", path);
            }
            if (path.equals("/api/credit/alarms")) {
                return req.method().equals(HttpMethod.GET)
                        ? respond(HttpResponseStatus.OK, Map.of("alarms", folios.desk().creditAlarms()))
                        : methodNotAllowed("GET", path);
            }
            java.util.regex.Matcher ack = CREDIT_ACK.matcher(path);
            if (ack.matches()) {
                if (!req.method().equals(HttpMethod.POST)) {
                    return methodNotAllowed("POST", path);
                }
                long barId;
                try {
                    barId = Long.parseLong(ack.group(1));
                } catch (NumberFormatException e) {
                    throw new ApiJson.BadRequest(HttpResponseStatus.NOT_FOUND, null, "no credit bar " + ack.group(1));
                }
                try {
                    return respond(HttpResponseStatus.OK, Map.of("message",
                            folios.desk().acknowledgeCreditAlarm(barId, ApiGate.user(req))));
                } catch (FolioDesk.Refused e) {
                    throw new ApiJson.BadRequest(e.notFound() ? HttpResponseStatus.NOT_FOUND
                            : HttpResponseStatus.UNPROCESSABLE_ENTITY, null, e.getMessage());
                }
            }
            if (path.equals("/api/credit/lift")) {
                if (!req.method().equals(HttpMethod.POST)) {
                    return methodNotAllowed("POST", path);
                }
                LiftBody b = ApiJson.body(req, LiftBody.class);
                String message = folios.desk().lift(require(b.account(), "account"), b.by(), b.reason(),
                        b.deposit() == null ? null : amount(b.deposit(), "deposit"));
                stayChanged.run();
                return respond(HttpResponseStatus.OK, Map.of("message", message));
            }
            if (path.equals("/api/audit")) {
                return req.method().equals(HttpMethod.GET) ? audit(q) : methodNotAllowed("GET", path);
            }
            if (path.equals("/api/audit/assign")) {
                if (!req.method().equals(HttpMethod.POST)) {
                    return methodNotAllowed("POST", path);
                }
                AssignBody b = ApiJson.body(req, AssignBody.class);
                if (b.callId() == null) {
                    throw new ApiJson.BadRequest(HttpResponseStatus.BAD_REQUEST, "callId", "callId is required");
                }
                String message = folios.desk().assign(b.callId(), require(b.account(), "account"),
                        b.by() == null || b.by().isBlank() ? ApiGate.user(req) : b.by(), b.reason());
                folios.poster().postPending();
                stayChanged.run(); // the charge may reach the guest's credit limit
                return respond(HttpResponseStatus.OK, Map.of("message", message));
            }
            if (path.equals("/api/audit/close")) {
                if (!req.method().equals(HttpMethod.POST)) {
                    return methodNotAllowed("POST", path);
                }
                CloseBody b = ApiJson.body(req, CloseBody.class);
                LocalDate date = date(require(b.date(), "date"));
                return respond(HttpResponseStatus.OK, json(folios.audit().close(date, b.by()), folios.audit().held()));
            }
            return null;
        } catch (FolioDesk.Refused | NightAudit.Refused e) {
            throw new ApiJson.BadRequest(HttpResponseStatus.UNPROCESSABLE_ENTITY, null, e.getMessage());
        }
    }

    private FullHttpResponse stay(String action, FullHttpRequest req) {
        StayDesk.Outcome o;
        switch (action) {
            case "checkin" -> {
                CheckInBody b = ApiJson.body(req, CheckInBody.class);
                String room = require(b.room(), "room");
                String account = require(b.account(), "account");
                String name = require(b.name(), "name");
                String deposit = b.deposit() == null || b.deposit().isBlank() ? "0" : b.deposit();
                Money money;
                try {
                    money = Money.of(deposit, currency);
                } catch (IllegalArgumentException e) {
                    throw new ApiJson.BadRequest(HttpResponseStatus.BAD_REQUEST, "deposit",
                            "'" + deposit + "' is not an amount in " + currency);
                }
                o = stays.checkIn(account, name, room, money, b.sharerOf());
            }
            case "move" -> {
                MoveBody b = ApiJson.body(req, MoveBody.class);
                o = stays.move(require(b.account(), "account"), require(b.toRoom(), "toRoom"));
            }
            case "checkout" -> o = stays.checkOut(require(ApiJson.body(req, AccountBody.class).account(), "account"));
            default -> {
                return null;
            }
        }
        if (o instanceof StayDesk.Refused r) {
            throw new ApiJson.BadRequest(HttpResponseStatus.UNPROCESSABLE_ENTITY, null, r.message());
        }
        stayChanged.run();
        return respond(HttpResponseStatus.OK, Map.of("message", ((StayDesk.Done) o).message()));
    }

    private FullHttpResponse audit(QueryStringDecoder q) {
        folios.poster().postPending();
        LocalDate date = param(q.parameters(), "date", LocalDate::parse, "a date like 2026-11-23");
        String format = param(q.parameters(), "format", s -> s.matches("json|csv|html|text") ? s : null,
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

    private static String require(String v, String field) {
        if (v == null || v.isBlank()) {
            throw new ApiJson.BadRequest(HttpResponseStatus.BAD_REQUEST, field, field + " is required");
        }
        return v;
    }
}
