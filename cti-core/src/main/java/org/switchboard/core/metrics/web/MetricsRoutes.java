package org.switchboard.core.metrics.web;

import org.switchboard.core.api.ApiJson;
import org.switchboard.core.api.ApiRequest;
import org.switchboard.core.api.ApiRoutes;
import org.switchboard.core.api.Route;
import org.switchboard.core.api.Route.Access;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.switchboard.core.metrics.application.LiveBoard;
import org.switchboard.core.metrics.application.MetricsDesk;
import org.switchboard.core.metrics.model.AnswerReport;
import org.switchboard.core.metrics.model.Measurement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.switchboard.core.api.ApiJson.respond;

/**
 * Answer speed over HTTP:
 * {@code GET /api/metrics?date=D | from=D&to=D [&department=ID][&by=shift|extension|hour]} (the report,
 * as the CLI's, rows with the same columns), {@code GET /api/metrics/live} (phones ringing now
 * with their ring timer, today's service level per department, the latest missed calls) and its stream
 * {@code GET /api/live/stream} ({@link LiveStream}).
 */
public final class MetricsRoutes implements ApiRoutes {

    public record RingingView(String linkedId, String extension, String department, Instant since, long ringingMs,
                       long thresholdMs, boolean overThreshold) {
    }

    public record MissedView(long callId, String department, String extension, Instant ringStartedAt, Long ringMs) {
    }

    private final MetricsDesk desk;
    private final LiveBoard board;
    private final LiveStream stream;
    private final Clock clock;
    private final ZoneId zone;

    public MetricsRoutes(MetricsDesk desk, LiveBoard board, Clock clock, ZoneId zone) {
        this.desk = desk;
        this.board = board;
        this.stream = new LiveStream(board, clock);
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/metrics", Access.AUDITOR, this::report),
                Route.get("/api/metrics/live", Access.STAFF, r -> live()),
                Route.get(LiveStream.PATH, Access.STAFF, r -> {
                    stream.open(r.channel());
                    return null;
                }));
    }

    private FullHttpResponse report(ApiRequest r) {
        LocalDate[] days = ApiJson.days(r.query());
        AnswerReport.By by = r.param("by", s -> AnswerReport.By.valueOf(s.toUpperCase()),
                "one of department, shift, extension, hour");
        String department = r.param("department", s -> s, "");
        MetricsDesk.Report report = desk.report(days[0], days[1], department, by == null ? AnswerReport.By.DEPARTMENT : by);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", report.title());
        body.put("by", report.by().name().toLowerCase());
        body.put("rows", report.rows());
        return respond(HttpResponseStatus.OK, body);
    }

    private FullHttpResponse live() {
        Instant now = clock.instant();
        LocalDate today = desk.today();
        List<RingingView> ringing = board.ringingNow().stream().map(r -> {
            long ms = Math.max(0, Duration.between(r.since(), now).toMillis());
            return new RingingView(r.linkedId(), r.extension(), r.department(), r.since(), ms, r.thresholdMs(),
                    ms > r.thresholdMs());
        }).toList();
        List<MissedView> missed = board.recentMissed().stream().map(MetricsRoutes::missed).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serverTime", now.atZone(zone).toOffsetDateTime());
        body.put("businessDay", today);
        body.put("ringing", ringing);
        body.put("serviceLevel", desk.serviceLevel(board.measuredOn(today)));
        body.put("missed", missed);
        return respond(HttpResponseStatus.OK, body);
    }

    private static MissedView missed(Measurement m) {
        return new MissedView(m.callId(), m.department(), m.offeredExtension(), m.ringStartedAt(), m.ringMs());
    }
}
