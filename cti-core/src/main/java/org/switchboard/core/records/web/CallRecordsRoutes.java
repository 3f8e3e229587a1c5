package org.switchboard.core.records.web;

import org.switchboard.core.calls.model.StoredCall;
import org.switchboard.core.api.ApiJson;
import org.switchboard.core.api.ApiRoutes;
import org.switchboard.core.api.Route;
import org.switchboard.core.api.Route.Access;

import static org.switchboard.core.api.ApiJson.error;
import static org.switchboard.core.api.ApiJson.param;
import static org.switchboard.core.api.ApiJson.respond;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.switchboard.billing.rating.RatingResult;
import org.switchboard.core.calls.model.ManualCallEntry;
import org.switchboard.core.records.CallRecordDesk;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Call records over HTTP (话单):
 * {@code GET /api/calls?date=D | from=D&to=D [&room=R][&extension=E][&account=NAME]},
 * {@code GET /api/calls/{id}} (with its audit trail), {@code POST /api/calls} (entry by hand),
 * {@code PATCH /api/calls/{id}} (correction). Refusals are 422 with {@code field} and {@code message};
 * malformed requests 400; unknown ids 404. Stateless; shared by all connections.
 */
public final class CallRecordsRoutes implements ApiRoutes {

    /** {@code POST /api/calls} body. */
    public record EntryRequest(String extension, String date, String dialled, String start, String end, String enteredBy) {
    }

    /** {@code PATCH /api/calls/{id}} body. */
    public record CorrectionRequest(String dialled, String start, String end, String by, String reason) {
    }

    public record ChargeView(String status, String currency, String amount, String serviceFee, String surcharge, String tax,
                      String total, String area, String category, String tariffVersion, String explanation) {
    }

    public record CallView(long id, String linkedId, String direction, String caller, String dialled, String trunkDigits,
                    String extension, String room, String department, String answeredBy, OffsetDateTime start,
                    OffsetDateTime end, Long ringMs, long talkSeconds, String disposition, String completeness,
                    String source, String enteredBy, String charge) {
    }

    public record EditView(OffsetDateTime at, String by, String field, String from, String to, String reason) {
    }

    private final CallRecordDesk desk;
    private final ZoneId zone;

    public CallRecordsRoutes(CallRecordDesk desk, ZoneId zone) {
        this.desk = desk;
        this.zone = zone;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/calls", Access.STAFF, r -> list(r.query())),
                Route.post("/api/calls", Access.AUDITOR, r -> enter(r.body(EntryRequest.class))),
                Route.get("/api/calls/{id}", Access.STAFF, r -> show(r.id("id"))),
                Route.patch("/api/calls/{id}", Access.AUDITOR, r -> correct(r.id("id"), r.body(CorrectionRequest.class))));
    }

    private FullHttpResponse list(Map<String, List<String>> p) {
        LocalDate[] days = ApiJson.days(p);
        List<CallView> calls = desk.find(days[0], days[1],
                param(p, "room", s -> s, ""), param(p, "extension", s -> s, ""), param(p, "account", s -> s, ""))
                .stream().map(this::view).toList();
        return respond(HttpResponseStatus.OK, Map.of("calls", calls));
    }

    private FullHttpResponse show(long id) {
        return desk.find(id).map(c -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("call", view(c));
            body.put("history", desk.history(id).stream().map(e -> new EditView(e.at().atZone(zone).toOffsetDateTime(),
                    e.by(), e.field(), e.oldValue(), e.newValue(), e.reason())).toList());
            return respond(HttpResponseStatus.OK, body);
        }).orElseGet(() -> respond(HttpResponseStatus.NOT_FOUND, error("id", "no call #" + id)));
    }

    private FullHttpResponse enter(EntryRequest r) {
        ManualCallEntry.Form form = new ManualCallEntry.Form(r.extension(), parse(r.date(), "date", LocalDate::parse),
                r.dialled(), parse(r.start(), "start", LocalTime::parse), parse(r.end(), "end", LocalTime::parse),
                r.enteredBy());
        return outcome(desk.enter(form), HttpResponseStatus.CREATED);
    }

    private FullHttpResponse correct(long id, CorrectionRequest r) {
        return outcome(desk.correct(id, r.dialled(), parse(r.start(), "start", LocalTime::parse),
                parse(r.end(), "end", LocalTime::parse), r.by(), r.reason()), HttpResponseStatus.OK);
    }

    private FullHttpResponse outcome(CallRecordDesk.Priced done, HttpResponseStatus ok) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("call", view(desk.find(done.callId()).orElseThrow()));
        body.put("charge", done.charge().map(CallRecordsRoutes::chargeView).orElse(null));
        return respond(ok, body);
    }

    private CallView view(StoredCall c) {
        return new CallView(c.id(), c.linkedId(), c.direction().name(), c.callerNumber(), c.calleeNumber(),
                c.trunkDigits(), c.extension(), c.room(), c.department(), c.answeredBy(),
                c.startedAt().atZone(zone).toOffsetDateTime(), c.endedAt().atZone(zone).toOffsetDateTime(),
                c.ring() == null ? null : c.ring().toMillis(), c.talk().toSeconds(), c.disposition().cdrName(),
                c.completeness(), c.source(), c.enteredBy(), c.chargeTotal());
    }

    private static ChargeView chargeView(RatingResult r) {
        if (r instanceof RatingResult.Rated x) {
            return new ChargeView("RATED", x.total().currency().getCurrencyCode(), x.amount().amount().toPlainString(),
                    x.serviceFee().amount().toPlainString(), x.surcharge().amount().toPlainString(),
                    x.tax().amount().toPlainString(), x.total().amount().toPlainString(), x.area(),
                    x.category().name(), x.tariffVersion(), x.explanation());
        }
        RatingResult.NotRated n = (RatingResult.NotRated) r;
        return new ChargeView("NOT_RATED", null, null, null, null, null, null, null, n.reason().name(), null, n.detail());
    }

    private static <T> T parse(String value, String field, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (DateTimeParseException e) {
            throw new ApiJson.BadRequest(HttpResponseStatus.UNPROCESSABLE_ENTITY, field, "'" + value + "' is not valid here");
        }
    }
}
