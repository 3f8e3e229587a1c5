package org.switchboard.core.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** JSON in and out for the API's routes: one mapper, the error body, query parameters, request bodies. */
public final class ApiJson {

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A request the client got wrong: status and the offending field. */
    public static final class BadRequest extends RuntimeException {
        final HttpResponseStatus status;
        final String field;

        public BadRequest(HttpResponseStatus status, String field, String message) {
            super(message);
            this.status = status;
            this.field = field;
        }
    }

    private ApiJson() {
    }

    public static FullHttpResponse respond(HttpResponseStatus status, Object body) {
        byte[] bytes = bytes(body);
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON + "; charset=utf-8");
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return res;
    }

    public static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public static Map<String, Object> error(String field, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (field != null) {
            m.put("field", field);
        }
        m.put("message", message);
        return Map.of("error", m);
    }

    public static <T> T body(FullHttpRequest req, Class<T> type) {
        try {
            return MAPPER.readValue(req.content().toString(StandardCharsets.UTF_8), type);
        } catch (JsonProcessingException e) {
            throw new BadRequest(HttpResponseStatus.BAD_REQUEST, null,
                    "request body is not the expected JSON: " + e.getOriginalMessage());
        }
    }

    /** A query parameter, converted; null when absent or blank; 400 naming it when it does not convert. */
    public static <T> T param(Map<String, List<String>> p, String name, Function<String, T> parser, String expected) {
        List<String> v = p.get(name);
        if (v == null || v.isEmpty() || v.get(0).isBlank()) {
            return null;
        }
        try {
            T value = parser.apply(v.get(0));
            if (value != null) {
                return value;
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            // reported below
        }
        throw new BadRequest(HttpResponseStatus.BAD_REQUEST, name, "'" + v.get(0) + "' is not " + expected);
    }

    /** {@code date=D}, or {@code from=D&to=D}: first and last day, inclusive; 400 naming what is missing or malformed. */
    public static java.time.LocalDate[] days(Map<String, List<String>> p) {
        java.time.LocalDate date = param(p, "date", java.time.LocalDate::parse, "a date like 2026-11-23");
        java.time.LocalDate from = param(p, "from", java.time.LocalDate::parse, "a date like 2026-11-01");
        java.time.LocalDate to = param(p, "to", java.time.LocalDate::parse, "a date like 2026-11-30");
        if (date == null && (from == null || to == null)) {
            throw new BadRequest(HttpResponseStatus.BAD_REQUEST, "date", "give date, or from and to");
        }
        return date != null ? new java.time.LocalDate[] {date, date} : new java.time.LocalDate[] {from, to};
    }

    /** A body field that must be given; 400 naming it when missing or blank. */
    public static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BadRequest(HttpResponseStatus.BAD_REQUEST, field, field + " is required");
        }
        return value;
    }

    public static FullHttpResponse methodNotAllowed(String allowed, String path) {
        return respond(HttpResponseStatus.METHOD_NOT_ALLOWED, error(null, "use " + allowed + " on " + path));
    }
}
