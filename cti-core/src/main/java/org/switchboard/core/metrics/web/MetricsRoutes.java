package org.switchboard.core.metrics.web;

import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
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

import static org.switchboard.core.api.ApiJson.methodNotAllowed;
import static org.switchboard.core.api.ApiJson.param;
import static org.switchboard.core.api.ApiJson.respond;

/**
 * Answer speed over HTTP:
 * {@code GET /api/metrics?date=D | from=D&to=D [&department=ID][&by=shift|extension|hour]} (the report,
 * as the CLI's, rows with the same columns) and {@code GET /api/metrics/live} (phones ringing now
 * with their ring timer, today's service level per department, the latest missed calls).
 */
public final class MetricsRoutes implements ApiRoutes {

    public record RingingView(String linkedId, String extension, String department, Instant since, long ringingMs,
                       long thresholdMs, boolean overThreshold) {
    }

    public record MissedView(long callId, String department, String extension, Instant ringStartedAt, Long ringMs) {
    }

    private final MetricsDesk desk;
    private final LiveBoard board;
    private final Clock clock;
    private final ZoneId zone;

    public MetricsRoutes(MetricsDesk desk, LiveBoard board, Clock clock, ZoneId zone) {
        this.desk = desk;
        this.board = board;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public FullHttpResponse handle(FullHttpRequest req, QueryStringDecoder q) {
        String path = q.path();
        if (!path.equals("/api/metrics") && !path.equals("/api/metrics/live")) {
            return null;
        }
        if (!req.method().equals(HttpMethod.GET)) {
            return methodNotAllowed("GET", path);
        }
        return path.equals("/api/metrics") ? report(q.parameters()) : live();
    }

    private FullHttpResponse report(Map<String, List<String>> p) {
        LocalDate[] days = ApiJson.days(p);
        AnswerReport.By by = param(p, "by", s -> AnswerReport.By.valueOf(s.toUpperCase()),
                "one of department, shift, extension, hour");
        String department = param(p, "department", s -> s, "");
        MetricsDesk.Report report;
        try {
            report = desk.report(days[0], days[1], department,
                    by == null ? AnswerReport.By.DEPARTMENT : by);
        } catch (MetricsDesk.Refused e) {
            throw new ApiJson.BadRequest(HttpResponseStatus.UNPROCESSABLE_ENTITY, e.field(), e.getMessage());
        }
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
