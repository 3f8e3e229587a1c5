package org.switchboard.core.wakeup.web;

import org.switchboard.core.api.ApiJson;
import org.switchboard.core.api.ApiRequest;
import org.switchboard.core.api.ApiRoutes;
import org.switchboard.core.api.Route;
import org.switchboard.core.api.Route.Access;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
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

import static org.switchboard.core.api.ApiJson.required;
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
    public List<Route> routes() {
        return List.of(
                Route.get(PATH, Access.STAFF, r -> respond(HttpResponseStatus.OK, Map.of("calls", list(r)))),
                Route.post(PATH, Access.OPERATOR, r -> respond(HttpResponseStatus.CREATED,
                        Map.of("booked", book(r.body(BookingBody.class))))),
                Route.get(PATH + "/report", Access.STAFF, this::report),
                Route.get(PATH + "/alarms", Access.STAFF,
                        r -> respond(HttpResponseStatus.OK, Map.of("alarms", views(desk.openAlarms(), Map.of())))),
                Route.post(PATH + "/alarms/{callId}/acknowledge", Access.OPERATOR, r -> respond(HttpResponseStatus.OK,
                        Map.of("message", desk.acknowledge(r.id("callId"), r.user())))),
                Route.delete(PATH + "/{id}", Access.OPERATOR, r -> respond(HttpResponseStatus.OK,
                        Map.of("message", desk.cancel(r.id("id"), "cancelled by " + r.user())))),
                Route.put(PATH + "/{id}", Access.OPERATOR, this::change));
    }

    private FullHttpResponse report(ApiRequest r) {
        LocalDate date = r.param("date", LocalDate::parse, "a date like 2026-11-24");
        return respond(HttpResponseStatus.OK, desk.report(date != null ? date : LocalDate.now(clock.withZone(zone))));
    }

    private FullHttpResponse change(ApiRequest r) {
        long id = r.id("id");
        BookingBody b = r.body(BookingBody.class);
        return respond(HttpResponseStatus.OK, desk.change(id, required(b.time(), "time"), second(b),
                Boolean.TRUE.equals(b.daily()), "api"));
    }

    private List<WakeupDesk.Booked> book(BookingBody b) {
        List<String> rooms = b.rooms() != null ? b.rooms() : b.room() != null ? List.of(b.room()) : null;
        if (rooms == null || rooms.isEmpty()) {
            throw new ApiJson.BadRequest(HttpResponseStatus.BAD_REQUEST, "rooms", "give room or rooms");
        }
        return desk.book(new WakeupDesk.Request(rooms, required(b.time(), "time"), second(b), Boolean.TRUE.equals(b.daily()),
                "api", b.group()));
    }

    private List<CallView> list(ApiRequest r) {
        LocalDate date = r.param("date", LocalDate::parse, "a date like 2026-11-24");
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
}
