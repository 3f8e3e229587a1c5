package org.switchboard.core.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.billing.rating.RatingResult;
import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.calls.model.ManualCallEntry;
import org.switchboard.core.records.CallRecordDesk;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Call records over HTTP (话单):
 * {@code GET /api/calls?date=D | from=D&to=D [&room=R][&extension=E][&account=NAME]},
 * {@code GET /api/calls/{id}} (with its audit trail), {@code POST /api/calls} (entry by hand),
 * {@code PATCH /api/calls/{id}} (correction). Refusals are 422 with {@code field} and {@code message};
 * malformed requests 400; unknown ids and paths 404. Stateless; shared by all connections.
 */
@ChannelHandler.Sharable
final class CallRecordsHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(CallRecordsHandler.class);
    private static final Pattern ONE = Pattern.compile("/api/calls/(\\d{1,18})");

    /** A request the client got wrong: status and the offending field. */
    private static final class BadRequest extends RuntimeException {
        final HttpResponseStatus status;
        final String field;

        BadRequest(HttpResponseStatus status, String field, String message) {
            super(message);
            this.status = status;
            this.field = field;
        }
    }

    /** {@code POST /api/calls} body. */
    record EntryRequest(String extension, String date, String dialled, String start, String end, String enteredBy) {
    }

    /** {@code PATCH /api/calls/{id}} body. */
    record CorrectionRequest(String dialled, String start, String end, String by, String reason) {
    }

    record ChargeView(String status, String currency, String amount, String serviceFee, String surcharge, String tax,
                      String total, String area, String category, String tariffVersion, String explanation) {
    }

    record CallView(long id, String linkedId, String direction, String caller, String dialled, String trunkDigits,
                    String extension, String room, String department, String answeredBy, OffsetDateTime start,
                    OffsetDateTime end, Long ringMs, long talkSeconds, String disposition, String completeness,
                    String source, String enteredBy, String charge) {
    }

    record EditView(OffsetDateTime at, String by, String field, String from, String to, String reason) {
    }

    private final CallRecordDesk desk;
    private final ZoneId zone;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    CallRecordsHandler(CallRecordDesk desk, ZoneId zone) {
        this.desk = desk;
        this.zone = zone;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        FullHttpResponse res;
        try {
            res = route(req);
        } catch (BadRequest e) {
            res = respond(e.status, error(e.field, e.getMessage()));
        } catch (RuntimeException e) {
            log.error("{} {} failed", req.method(), req.uri(), e);
            res = respond(HttpResponseStatus.INTERNAL_SERVER_ERROR, error(null, "internal error; see the server log"));
        }
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        HttpUtil.setKeepAlive(res, keepAlive);
        var done = ctx.writeAndFlush(res);
        if (!keepAlive) {
            done.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private FullHttpResponse route(FullHttpRequest req) {
        QueryStringDecoder q = new QueryStringDecoder(req.uri());
        String path = q.path();
        Matcher one = ONE.matcher(path);
        if (path.equals("/api/calls")) {
            if (req.method().equals(HttpMethod.GET)) {
                return list(q.parameters());
            }
            if (req.method().equals(HttpMethod.POST)) {
                return enter(body(req, EntryRequest.class));
            }
            return respond(HttpResponseStatus.METHOD_NOT_ALLOWED, error(null, "use GET or POST on /api/calls"));
        }
        if (one.matches()) {
            long id = Long.parseLong(one.group(1));
            if (req.method().equals(HttpMethod.GET)) {
                return show(id);
            }
            if (req.method().equals(HttpMethod.PATCH)) {
                return correct(id, body(req, CorrectionRequest.class));
            }
            return respond(HttpResponseStatus.METHOD_NOT_ALLOWED, error(null, "use GET or PATCH on /api/calls/{id}"));
        }
        return respond(HttpResponseStatus.NOT_FOUND, error(null, "no such resource: " + path));
    }

    private FullHttpResponse list(Map<String, List<String>> p) {
        LocalDate date = param(p, "date", LocalDate::parse, "a date like 2026-11-23");
        LocalDate from = param(p, "from", LocalDate::parse, "a date like 2026-11-01");
        LocalDate to = param(p, "to", LocalDate::parse, "a date like 2026-11-30");
        if (date == null && (from == null || to == null)) {
            throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "date", "give date, or from and to");
        }
        List<CallView> calls = desk.find(date != null ? date : from, date != null ? date : to,
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

    private FullHttpResponse outcome(CallRecordDesk.Outcome o, HttpResponseStatus ok) {
        if (o instanceof CallRecordDesk.Refused refused) {
            return respond(refused.field().equals("id") ? HttpResponseStatus.NOT_FOUND
                    : HttpResponseStatus.UNPROCESSABLE_ENTITY, error(refused.field(), refused.message()));
        }
        CallRecordDesk.Done done = (CallRecordDesk.Done) o;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("call", view(desk.find(done.callId()).orElseThrow()));
        body.put("charge", done.charge().map(CallRecordsHandler::chargeView).orElse(null));
        return respond(ok, body);
    }

    private CallView view(CallRepository.StoredCall c) {
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

    private <T> T body(FullHttpRequest req, Class<T> type) {
        try {
            return json.readValue(req.content().toString(StandardCharsets.UTF_8), type);
        } catch (JsonProcessingException e) {
            throw new BadRequest(HttpResponseStatus.BAD_REQUEST, null,
                    "request body is not the expected JSON: " + e.getOriginalMessage());
        }
    }

    private static <T> T parse(String value, String field, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequest(HttpResponseStatus.UNPROCESSABLE_ENTITY, field, "'" + value + "' is not valid here");
        }
    }

    private static <T> T param(Map<String, List<String>> p, String name, Function<String, T> parser, String expected) {
        List<String> v = p.get(name);
        if (v == null || v.isEmpty() || v.get(0).isBlank()) {
            return null;
        }
        try {
            return parser.apply(v.get(0));
        } catch (DateTimeParseException e) {
            throw new BadRequest(HttpResponseStatus.BAD_REQUEST, name, "'" + v.get(0) + "' is not " + expected);
        }
    }

    private static Map<String, Object> error(String field, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (field != null) {
            m.put("field", field);
        }
        m.put("message", message);
        return Map.of("error", m);
    }

    private FullHttpResponse respond(HttpResponseStatus status, Object body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        FullHttpResponse res = new DefaultFullHttpResponse(io.netty.handler.codec.http.HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(bytes));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON + "; charset=utf-8");
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return res;
    }
}
