package org.switchboard.core.api;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operator console: three static files from the jar ({@code /}, {@code /app.js}, {@code /app.css}), read once.
 * The page itself needs no login; everything it shows comes from the API, which does.
 */
final class ConsoleRoutes implements ApiRoutes {

    private static final Map<String, String[]> FILES = Map.of(
            "/", new String[]{"index.html", "text/html; charset=utf-8"},
            "/index.html", new String[]{"index.html", "text/html; charset=utf-8"},
            "/app.js", new String[]{"app.js", "text/javascript; charset=utf-8"},
            "/app.css", new String[]{"app.css", "text/css; charset=utf-8"});
    private final Map<String, byte[]> content = new java.util.HashMap<>();

    ConsoleRoutes() {
        for (String[] f : FILES.values()) {
            content.computeIfAbsent(f[0], ConsoleRoutes::read);
        }
    }

    @Override
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (var file : FILES.entrySet()) {
            for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.HEAD)) {
                routes.add(new Route(method, file.getKey(), Route.Access.PUBLIC, r -> serve(file.getValue())));
            }
        }
        return routes;
    }

    private FullHttpResponse serve(String[] file) {
        byte[] bytes = content.get(file[0]);
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(bytes));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, file[1]);
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        res.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        res.headers().set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'self'");
        res.headers().set("X-Content-Type-Options", "nosniff");
        res.headers().set("Referrer-Policy", "no-referrer");
        return res;
    }

    private static byte[] read(String name) {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console file /console/" + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
