package org.switchboard.core.api;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.EventExecutorGroup;

/** The pipeline: TLS when configured → HTTP codec → aggregation (413 past the limit) → the API handler on the blocking group. */
final class HttpApiInitializer extends ChannelInitializer<SocketChannel> {

    private final int maxBodyBytes;
    private final EventExecutorGroup blocking;
    private final ApiHandler handler;
    private final io.netty.channel.group.ChannelGroup connections;
    private final io.netty.handler.ssl.SslContext tls;

    HttpApiInitializer(int maxBodyBytes, EventExecutorGroup blocking, ApiHandler handler,
                       io.netty.channel.group.ChannelGroup connections, io.netty.handler.ssl.SslContext tls) {
        this.connections = connections;
        this.tls = tls;
        this.maxBodyBytes = maxBodyBytes;
        this.blocking = blocking;
        this.handler = handler;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        connections.add(ch); // closed on shutdown; removed by the group when it closes
        if (tls != null) {
            ch.pipeline().addLast("tls", tls.newHandler(ch.alloc()));
        }
        ch.pipeline()
                .addLast("codec", new HttpServerCodec())
                .addLast("aggregator", new HttpObjectAggregator(maxBodyBytes))
                .addLast(blocking, "api", handler);
    }
}
