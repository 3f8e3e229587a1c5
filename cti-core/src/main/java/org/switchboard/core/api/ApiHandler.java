package org.switchboard.core.api;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The router: the gate first (login, session, CSRF, role), then the live stream, then each part of the API in
 * turn; 404 for paths nobody serves.
 * Client mistakes become 4xx with the offending field; anything else a 500 with the detail in the
 * log only. Stateless; shared by all connections; runs on the blocking executor group.
 */
@ChannelHandler.Sharable
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);

    private final List<ApiRoutes> routes;
    private final LiveStream stream;
    private final ApiGate gate;

    ApiHandler(List<ApiRoutes> routes, LiveStream stream, ApiGate gate) {
        this.routes = List.copyOf(routes);
        this.stream = stream;
        this.gate = gate;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        QueryStringDecoder q = new QueryStringDecoder(req.uri());
        FullHttpResponse res = null;
        try {
            res = gate.check(req, q.path());
            if (res == null && stream != null && q.path().equals(LiveStream.PATH)) {
                stream.open(ctx, req);
                return;
            }
            for (int i = 0; res == null && i < routes.size(); i++) {
                res = routes.get(i).handle(req, q);
            }
            if (res == null) {
                res = ApiJson.respond(HttpResponseStatus.NOT_FOUND, ApiJson.error(null, "no such resource: " + q.path()));
            }
        } catch (ApiJson.BadRequest e) {
            res = ApiJson.respond(e.status, ApiJson.error(e.field, e.getMessage()));
        } catch (RuntimeException e) {
            log.error("{} {} failed", req.method(), req.uri(), e);
            res = ApiJson.respond(HttpResponseStatus.INTERNAL_SERVER_ERROR, ApiJson.error(null, "internal error; see the server log"));
        }
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        HttpUtil.setKeepAlive(res, keepAlive);
        var done = ctx.writeAndFlush(res);
        if (!keepAlive) {
            done.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** A broken connection (e.g. plain HTTP sent to the TLS port) is closed with one line in the log, not a stack trace. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause.getCause() != null ? cause.getCause() : cause;
        log.debug("HTTP connection from {} closed: {}", ctx.channel().remoteAddress(), root.toString());
        ctx.close();
    }
}
