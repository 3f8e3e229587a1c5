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

import org.switchboard.core.auth.model.Session;
import org.switchboard.core.refusal.Refusal;

/**
 * The router: finds the request's route in the {@link RouteTable}; for the API's routes, the gate first (session,
 * CSRF), then the route's roles (403). 404 for paths no route serves, 405 naming the methods a path has.
 * Client mistakes become 4xx with the offending field, a {@link Refusal} 422 (404 when the thing is not there); anything else a 500 with the detail in the
 * log only. Stateless; shared by all connections; runs on the blocking executor group.
 */
@ChannelHandler.Sharable
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);

    private final RouteTable table;
    private final ApiGate gate;

    ApiHandler(RouteTable table, ApiGate gate) {
        this.table = table;
        this.gate = gate;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        QueryStringDecoder q = new QueryStringDecoder(req.uri());
        FullHttpResponse res;
        try {
            res = answer(ctx, req, q);
        } catch (Refusal e) {
            res = ApiJson.respond(e.notFound() ? HttpResponseStatus.NOT_FOUND : HttpResponseStatus.UNPROCESSABLE_ENTITY,
                    ApiJson.error(e.field(), e.getMessage()));
        } catch (ApiJson.BadRequest e) {
            res = ApiJson.respond(e.status, ApiJson.error(e.field, e.getMessage()));
        } catch (RuntimeException e) {
            log.error("{} {} failed", req.method(), req.uri(), e);
            res = ApiJson.respond(HttpResponseStatus.INTERNAL_SERVER_ERROR, ApiJson.error(null, "internal error; see the server log"));
        }
        if (res == null) {
            return; // a stream took the connection over
        }
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        HttpUtil.setKeepAlive(res, keepAlive);
        var done = ctx.writeAndFlush(res);
        if (!keepAlive) {
            done.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private FullHttpResponse answer(ChannelHandlerContext ctx, FullHttpRequest req, QueryStringDecoder q) {
        String path = q.path();
        RouteTable.Match match = table.match(req.method(), path);
        boolean open = match instanceof RouteTable.Found f ? !f.route().access().login()
                : match instanceof RouteTable.WrongMethod w && w.open();
        Session session = null;
        if (ApiGate.guards(path) && !open) {
            ApiGate.Verdict verdict = gate.check(req);
            if (verdict instanceof ApiGate.Refuse refuse) {
                return refuse.response();
            }
            session = ((ApiGate.Pass) verdict).session();
        }
        if (match instanceof RouteTable.WrongMethod w) {
            return ApiJson.methodNotAllowed(RouteTable.names(w.allowed()), path);
        }
        if (!(match instanceof RouteTable.Found found)) {
            return ApiJson.respond(HttpResponseStatus.NOT_FOUND, ApiJson.error(null, "no such resource: " + path));
        }
        if (session != null && !found.route().access().allows(session.role())) {
            return ApiJson.respond(HttpResponseStatus.FORBIDDEN, ApiJson.error(null,
                    "the " + session.role().label() + " role may not " + req.method() + " " + path));
        }
        return found.route().handler().handle(new ApiRequest(ctx, req, path, q.parameters(), found.variables(), session));
    }

    /** A broken connection (e.g. plain HTTP sent to the TLS port) is closed with one line in the log, not a stack trace. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause.getCause() != null ? cause.getCause() : cause;
        log.debug("HTTP connection from {} closed: {}", ctx.channel().remoteAddress(), root.toString());
        ctx.close();
    }
}
