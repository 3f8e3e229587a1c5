package org.switchboard.core.api;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's HTTP API (JSON) and console. The bootstrap only: the pipeline is {@link HttpApiInitializer},
 * the router {@link ApiHandler}, the endpoints the capabilities' {@link ApiRoutes}. Handlers that touch the database run on their own executor
 * group, never on the event loop.
 */
public final class HttpApiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpApiServer.class);
    /** Largest request body accepted; larger ones get 413. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventExecutorGroup blocking = new DefaultEventExecutorGroup(2);
    private final io.netty.channel.group.ChannelGroup connections =
            new io.netty.channel.group.DefaultChannelGroup(io.netty.util.concurrent.GlobalEventExecutor.INSTANCE);
    private Channel channel;
    private final ApiGate gate;
    private final io.netty.handler.ssl.SslContext tls;
    private RouteTable table;

    /** Every request under {@code /api/} passes {@code access}: login, session, CSRF token, role. Plain HTTP. */
    public HttpApiServer(ApiAccess access) {
        this(access, null);
    }

    /** As above, over TLS when {@code tls} is given (see {@link #tlsFromKeystore}). */
    public HttpApiServer(ApiAccess access, io.netty.handler.ssl.SslContext tls) {
        this.gate = new ApiGate(java.util.Objects.requireNonNull(access, "access"));
        this.tls = tls;
    }

    /** A server TLS context from a PKCS#12 keystore holding the certificate chain and its private key. */
    public static io.netty.handler.ssl.SslContext tlsFromKeystore(java.nio.file.Path keystore, char[] password) {
        try (var in = java.nio.file.Files.newInputStream(keystore)) {
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                    javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            return io.netty.handler.ssl.SslContextBuilder.forServer(kmf).protocols("TLSv1.3", "TLSv1.2").build();
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot use TLS keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    /**
     * Binds and returns the port (port 0 picks a free one). Serves the capabilities' routes, the gate's (login,
     * logout, me) and the console's files, as one {@link RouteTable}.
     */
    public int start(String host, int port, List<ApiRoutes> parts) throws InterruptedException {
        List<Route> routes = new ArrayList<>(gate.routes());
        routes.addAll(new ConsoleRoutes().routes());
        parts.forEach(p -> routes.addAll(p.routes()));
        table = new RouteTable(routes);
        ServerBootstrap b = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .childHandler(new HttpApiInitializer(MAX_BODY_BYTES, blocking, new ApiHandler(table, gate), connections, tls));
        channel = b.bind(new InetSocketAddress(host, port)).sync().channel();
        int bound = ((InetSocketAddress) channel.localAddress()).getPort();
        log.info("console on {}://{}:{}/ (API under /api/)", tls == null ? "http" : "https", host, bound);
        return bound;
    }

    /** What {@link #start} serves (for the OpenAPI check). */
    public RouteTable table() {
        return table;
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.close().awaitUninterruptibly();
        }
        // Open connections (live streams, keep-alive) first, while both groups still run their last events.
        connections.close().awaitUninterruptibly();
        // Both groups together, with a short quiet period: a closing channel's last tasks hop between
        // them (pipeline tear-down runs on the blocking group and hands back to the loop).
        var blockingDone = blocking.shutdownGracefully(100, 1000, TimeUnit.MILLISECONDS);
        var loopDone = loop.shutdownGracefully(100, 1000, TimeUnit.MILLISECONDS);
        blockingDone.awaitUninterruptibly();
        loopDone.awaitUninterruptibly();
    }
}
