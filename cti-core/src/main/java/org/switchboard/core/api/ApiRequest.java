package org.switchboard.core.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.switchboard.core.auth.model.Session;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One request as a route sees it: path variables, query, JSON body, and who is logged in. */
public final class ApiRequest {

    private final ChannelHandlerContext channel;
    private final FullHttpRequest http;
    private final String path;
    private final Map<String, List<String>> query;
    private final Map<String, String> variables;
    private final Session session;

    ApiRequest(ChannelHandlerContext channel, FullHttpRequest http, String path, Map<String, List<String>> query,
               Map<String, String> variables, Session session) {
        this.channel = channel;
        this.http = http;
        this.path = path;
        this.query = query;
        this.variables = variables;
        this.session = session;
    }

    public FullHttpRequest http() {
        return http;
    }

    /** For a route that streams: the connection it takes over. */
    public ChannelHandlerContext channel() {
        return channel;
    }

    public String path() {
        return path;
    }

    public Map<String, List<String>> query() {
        return query;
    }

    /** The logged-in session; null on public routes. */
    public Session session() {
        return session;
    }

    /** The logged-in user's name, for the audit trail of what they do ("api" on public routes). */
    public String user() {
        return session == null ? "api" : session.username();
    }

    /** A {@code {name}} segment of the path. */
    public String variable(String name) {
        String v = variables.get(name);
        if (v == null) {
            throw new IllegalStateException("route has no {" + name + "}: " + path);
        }
        return v;
    }

    /** A {@code {name}} segment that must be a record number; 404 for anything else (no such record). */
    public long id(String name) {
        String v = variable(name);
        if (!v.matches("\\d{1,18}")) {
            throw new ApiJson.BadRequest(HttpResponseStatus.NOT_FOUND, null, "no such resource: " + path);
        }
        return Long.parseLong(v);
    }

    public <T> T body(Class<T> type) {
        return ApiJson.body(http, type);
    }

    /** A query parameter, converted; null when absent; 400 naming it when it does not convert. */
    public <T> T param(String name, Function<String, T> parser, String expected) {
        return ApiJson.param(query, name, parser, expected);
    }
}
