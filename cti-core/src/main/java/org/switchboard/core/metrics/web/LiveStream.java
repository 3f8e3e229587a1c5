package org.switchboard.core.metrics.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.switchboard.core.api.ApiJson;
import org.switchboard.core.metrics.application.LiveBoard;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /api/live/stream}: server-sent events from the live board — {@code ringing} (a staff
 * phone began to ring: extension, department, since, threshold), {@code ring-ended},
 * {@code measured} (a call's answer-speed measurement), {@code missed}, {@code reset} (the PBX link
 * dropped). The first event, {@code hello}, carries the server time and the phones ringing now.
 * A client that cannot keep up loses events rather than slowing capture ({@code dropped} counts them).
 */
final class LiveStream {

    static final String PATH = "/api/live/stream";

    private final LiveBoard board;
    private final java.time.Clock clock;
    private final AtomicLong dropped = new AtomicLong();

    LiveStream(LiveBoard board, java.time.Clock clock) {
        this.board = board;
        this.clock = clock;
    }

    void open(ChannelHandlerContext ctx) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        Channel ch = ctx.channel();
        ch.write(head);
        send(ch, "hello", Map.of("serverTime", clock.instant(), "ringing", board.ringingNow()));
        AutoCloseable subscription = board.subscribe(e -> send(ch, e.type(), e.data()));
        ch.closeFuture().addListener(f -> subscription.close());
    }

    private void send(Channel ch, String event, Object data) {
        if (!ch.isActive()) {
            throw new IllegalStateException("stream closed"); // the board drops this listener
        }
        if (!ch.isWritable()) {
            dropped.incrementAndGet();
            return;
        }
        String frame = "event: " + event + "\ndata: " + new String(ApiJson.bytes(data), StandardCharsets.UTF_8) + "\n\n";
        ch.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(frame, StandardCharsets.UTF_8)));
    }
}
