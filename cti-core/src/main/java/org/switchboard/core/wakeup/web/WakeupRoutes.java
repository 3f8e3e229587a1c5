package org.switchboard.core.wakeup.web;

import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.switchboard.core.wakeup.application.WakeupDesk;
import org.switchboard.core.wakeup.model.ReadBack;
import org.switchboard.core.wakeup.model.WakeupAttempt;
import org.switchboard.core.wakeup.model.WakeupCall;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.switchboard.core.api.ApiJson.methodNotAllowed;
import static org.switchboard.core.api.ApiJson.param;
import static org.switchboard.core.api.ApiJson.respond;

/**
 * Wake-up calls over HTTP, as the CLI's {@code wakeup} commands:
 * {@code GET /api/wakeups[?date=D]} (the day's calls with their attempts; without a date, every call not yet
 * finished), {@code POST /api/wakeups} {@code {"rooms":["808"],"time":"08:00","second":"4m","daily":false}}
 * (201 with the read-back sentence per room; 422 naming the field when refused),
 * {@code PUT /api/wakeups/{id}} (change time or second call), {@code DELETE /api/wakeups/{id}} (cancel),
 * {@code GET /api/wakeups/report?date=D}, {@code GET /api/wakeups/alarms} (escalated calls not yet acknowledged),
 * {@code POST /api/wakeups/alarms/{callId}/acknowledge} (kept with the user's name).
 */
public final class WakeupRoutes implements ApiRoutes {

    static final String PATH = "/api/wakeups";

    /** A booking request; {@code second} like "4m" (omit for one call). */
    public record BookingBody(List<String> rooms, String room, String time, String second, Boolean daily, String group) {
    }

    public record CallView(long bookingId, long callId, String room, int callNo, LocalDate date, String localTime,
                    java.time.Instant dueAt, String status, int attempts, java.time.Instant nextAttemptAt, String note,
                    boolean daily, String group, List<WakeupAttempt> attemptList) {
    }

    private final WakeupDesk desk;
    private final Clock clock;
    private final ZoneId zone;

    public WakeupRoutes(WakeupDesk desk, Clock clock, ZoneId zone) {
        this.desk = desk;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public FullHttpResponse handle(FullHttpRequest req, QueryStringDecoder q) {
        String path = q.path();
        if (!path.equals(PATH) && !path.startsWith(PATH + "/")) {
            return null;
        }
        try {
            if (path.equals(PATH + "/report")) {
                if (!req.method().equals(HttpMethod.GET)) {
                    return methodNotAllowed("GET", path);
                }
                LocalDate date = param(q.parameters(), "date", LocalDate::parse, "a date like 2026-11-24");
                return respond(HttpResponseStatus.OK, desk.report(date != null ? date : LocalDate.now(clock.withZone(zone))));
            }
            if (path.equals(PATH)) {
                if (req.method().equals(HttpMethod.GET)) {
                    return respond(HttpResponseStatus.OK, Map.of("calls", list(q)));
                }
                if (req.method().equals(HttpMethod.POST)) {
                    return respond(HttpResponseStatus.CREATED, Map.of("booked", book(ApiJson.body(req, BookingBody.class))));
                }
                return methodNotAllowed("GET, POST", path);
            }
            if (path.equals(PATH + "/alarms")) {
                return req.method().equals(HttpMethod.GET)
                        ? respond(HttpResponseStatus.OK, Map.of("alarms", views(desk.openAlarms(), Map.of())))
                        : methodNotAllowed("GET", path);
            }
            if (path.startsWith(PATH + "/alarms/") && path.endsWith("/acknowledge")) {
                if (!req.method().equals(HttpMethod.POST)) {
                    return methodNotAllowed("POST", path);
                }
                long callId = bookingId(path.substring((PATH + "/alarms/").length(), path.length() - "/acknowledge".length()));
                return respond(HttpResponseStatus.OK, Map.of("message", desk.acknowledge(callId, ApiGate.user(req))));
            }
            long id = bookingId(path.substring(PATH.length() + 1));
            if (req.method().equals(HttpMethod.DELETE)) {
                return respond(HttpResponseStatus.OK, Map.of("message", desk.cancel(id, "cancelled by " + ApiGate.user(req))));
            }
            if (req.method().equals(HttpMethod.PUT)) {
                BookingBody b = ApiJson.body(req, BookingBody.class);
                return respond(HttpResponseStatus.OK, desk.change(id, require(b.time(), "time"), second(b),
                        Boolean.TRUE.equals(b.daily()), "api"));
            }
            return methodNotAllowed("PUT, DELETE", path);
        } catch (WakeupDesk.Refused e) {
            throw new ApiJson.BadRequest(HttpResponseStatus.UNPROCESSABLE_ENTITY, e.field(), e.getMessage());
        }
    }

    private List<WakeupDesk.Booked> book(BookingBody b) {
        List<String> rooms = b.rooms() != null ? b.rooms() : b.room() != null ? List.of(b.room()) : null;
        if (rooms == null || rooms.isEmpty()) {
            throw new ApiJson.BadRequest(HttpResponseStatus.BAD_REQUEST, "rooms", "give room or rooms");
        }
        return desk.book(new WakeupDesk.Request(rooms, require(b.time(), "time"), second(b), Boolean.TRUE.equals(b.daily()),
                "api", b.group()));
    }

    private List<CallView> list(QueryStringDecoder q) {
        LocalDate date = param(q.parameters(), "date", LocalDate::parse, "a date like 2026-11-24");
        List<WakeupCall> calls = date == null ? desk.openCalls() : desk.callsOn(date);
        Map<Long, List<WakeupAttempt>> attempts = date == null ? Map.of()
                : desk.attemptsOn(date).stream().collect(Collectors.groupingBy(WakeupAttempt::callId));
        return views(calls, attempts);
    }

    private static List<CallView> views(List<WakeupCall> calls, Map<Long, List<WakeupAttempt>> attempts) {
        return calls.stream().map(c -> new CallView(c.bookingId(), c.id(), c.room(), c.callNo(), c.wakeDate(),
                c.localTime(), c.dueAt(), c.status().name(), c.attempts(), c.nextAt(), c.note(), c.daily(), c.groupName(),
                attempts.getOrDefault(c.id(), List.of()))).toList();
    }

    private static Duration second(BookingBody b) {
        if (b.second() == null || b.second().isBlank()) {
            return null;
        }
        try {
            return ReadBack.parseInterval(b.second());
        } catch (IllegalArgumentException e) {
            throw new ApiJson.BadRequest(HttpResponseStatus.BAD_REQUEST, "second", e.getMessage());
        }
    }

    private static String require(String v, String field) {
        if (v == null || v.isBlank()) {
            throw new ApiJson.BadRequest(HttpResponseStatus.BAD_REQUEST, field, field + " is required");
        }
        return v;
    }

    private static long bookingId(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ApiJson.BadRequest(HttpResponseStatus.NOT_FOUND, null, "no such resource: " + PATH + "/" + s);
        }
    }
}
