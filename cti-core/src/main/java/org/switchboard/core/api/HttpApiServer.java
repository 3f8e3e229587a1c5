package org.switchboard.core.api;

import org.switchboard.core.auth.web.*;
import org.switchboard.core.folio.web.*;
import org.switchboard.core.metrics.web.*;
import org.switchboard.core.records.web.*;
import org.switchboard.core.wakeup.web.*;
import org.switchboard.core.config.SwitchboardConfig;

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
import org.switchboard.core.metrics.application.LiveBoard;
import org.switchboard.core.metrics.application.MetricsDesk;
import org.switchboard.core.records.CallRecordDesk;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's HTTP API (JSON). The bootstrap only: the pipeline is {@link HttpApiInitializer},
 * the router {@link ApiHandler}, the logic in its {@link ApiRoutes}. Handlers that touch the database run on their own executor
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
    private final ApiAccess access;
    private final io.netty.handler.ssl.SslContext tls;
    private SwitchboardConfig configuration;

    /** Every request under {@code /api/} passes {@code access}: login, session, CSRF token, role. Plain HTTP. */
    public HttpApiServer(ApiAccess access) {
        this(access, null);
    }

    /** As above, over TLS when {@code tls} is given (see {@link #tlsFromKeystore}). */
    public HttpApiServer(ApiAccess access, io.netty.handler.ssl.SslContext tls) {
        this.gate = new ApiGate(java.util.Objects.requireNonNull(access, "access"));
        this.access = access;
        this.tls = tls;
    }

    /** Lets admins see the running configuration (secrets masked) at {@code GET /api/config}. */
    public HttpApiServer showingConfiguration(SwitchboardConfig config) {
        this.configuration = config;
        return this;
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

    /** Binds and returns the port (port 0 picks a free one). */
    public int start(String host, int port, CallRecordDesk desk, ZoneId hotelZone) throws InterruptedException {
        return start(host, port, new ApiHandler(List.of(new CallRecordsRoutes(desk, hotelZone)), null, gate));
    }

    /** With the answer-speed report, the live board and its stream as well. */
    public int start(String host, int port, CallRecordDesk desk, MetricsDesk metrics, LiveBoard board, Clock clock,
                     ZoneId hotelZone) throws InterruptedException {
        return start(host, port, desk, metrics, board, clock, hotelZone, null);
    }

    /** With wake-up calls as well ({@code wakeups} may be null: no wake-up routes). */
    public int start(String host, int port, CallRecordDesk desk, MetricsDesk metrics, LiveBoard board, Clock clock,
                     ZoneId hotelZone, org.switchboard.core.wakeup.application.WakeupDesk wakeups)
            throws InterruptedException {
        List<ApiRoutes> routes = new java.util.ArrayList<>(List.of(new CallRecordsRoutes(desk, hotelZone),
                new MetricsRoutes(metrics, board, clock, hotelZone)));
        if (wakeups != null) {
            routes.add(new WakeupRoutes(wakeups, clock, hotelZone));
        }
        return start(host, port, new ApiHandler(routes, new LiveStream(board, clock), gate));
    }

    /** Guest stays, folios, credit bars and the night audit as well; {@code stayChanged} runs after each change. */
    public int start(String host, int port, CallRecordDesk desk, MetricsDesk metrics, LiveBoard board, Clock clock,
                     ZoneId hotelZone, org.switchboard.core.wakeup.application.WakeupDesk wakeups,
                     org.switchboard.core.folio.application.FolioServices folios,
                     org.switchboard.core.stays.application.StayDesk stays, Runnable stayChanged, String currency)
            throws InterruptedException {
        List<ApiRoutes> routes = new java.util.ArrayList<>(List.of(new CallRecordsRoutes(desk, hotelZone),
                new MetricsRoutes(metrics, board, clock, hotelZone), new WakeupRoutes(wakeups, clock, hotelZone),
                new FolioRoutes(folios, stays, stayChanged, currency), new AdminRoutes(access.users(), configuration),
                new ConsoleRoutes()));
        return start(host, port, new ApiHandler(routes, new LiveStream(board, clock), gate));
    }

    private int start(String host, int port, ApiHandler handler) throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .childHandler(new HttpApiInitializer(MAX_BODY_BYTES, blocking, handler, connections, tls));
        channel = b.bind(new InetSocketAddress(host, port)).sync().channel();
        int bound = ((InetSocketAddress) channel.localAddress()).getPort();
        log.info("console on {}://{}:{}/ (API under /api/)", tls == null ? "http" : "https", host, bound);
        return bound;
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
