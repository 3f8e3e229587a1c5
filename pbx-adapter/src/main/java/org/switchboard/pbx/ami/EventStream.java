package org.switchboard.pbx.ami;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import org.switchboard.pbx.ami.stream.AmiEventSession;
import org.switchboard.pbx.ami.stream.AmiFrameDecoder;
import org.switchboard.pbx.ami.stream.AmiFrameTranslator;
import org.switchboard.pbx.ami.stream.EventDelivery;
import org.switchboard.pbx.ami.stream.StreamCounters;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The event half of a link: AMI sessions on Netty, one at a time on one event loop. Each is framed with limits,
 * logs in by MD5 challenge, re-syncs, pings when quiet and is dropped when the PBX falls silent; its events go to
 * the capture queue through one {@link EventDelivery}, which pauses the socket rather than drop an event.
 */
final class EventStream implements AutoCloseable {

    /** Longest AMI line taken (a caller name, a dial string: Asterisk's lines are short). */
    static final int MAX_LINE = 8 * 1024;
    /** Most fields in one message (Asterisk's events carry a few dozen). */
    static final int MAX_FIELDS = 512;
    /** Largest message taken. */
    static final int MAX_MESSAGE = 256 * 1024;

    /** The login was refused by the PBX: a wrong user name or secret, not a network fault. */
    static final class LoginRefused extends Exception {
        LoginRefused(String message) {
            super(message);
        }
    }

    /** A logged-in session: its channel and its handler (which knows why it ended). */
    record Session(Channel channel, AmiEventSession handler) {
    }

    private final AmiSettings settings;
    private final Clock clock;
    private final StreamCounters counters;
    private final AmiFrameTranslator translator;
    private final EventDelivery delivery;
    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    EventStream(AmiSettings settings, PbxEventQueue queue, Clock clock, StreamCounters counters) {
        this.settings = settings;
        this.clock = clock;
        this.counters = counters;
        this.translator = new AmiFrameTranslator(settings.pbxZone(), clock, counters);
        this.delivery = new EventDelivery(queue, counters);
    }

    /** Connects and logs in session {@code sessionNo}; returns once the login is through (LinkUp is delivered). */
    Session open(int sessionNo) throws Exception {
        CompletableFuture<Void> login = new CompletableFuture<>();
        AmiEventSession handler = new AmiEventSession(settings.username(), settings.secret(), sessionNo, translator,
                counters, delivery, clock, settings.readTimeout(), new AmiEventSession.Outcome() {
                    @Override
                    public void loggedIn() {
                        login.complete(null);
                    }

                    @Override
                    public void refused(String message) {
                        login.completeExceptionally(new LoginRefused(message));
                    }
                });
        Bootstrap b = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.actionTimeout().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("idle", new IdleStateHandler(settings.readTimeout().toMillis(),
                                        settings.pingInterval().toMillis(), 0, TimeUnit.MILLISECONDS))
                                .addLast("frames", new AmiFrameDecoder(MAX_LINE, MAX_FIELDS, MAX_MESSAGE))
                                .addLast("session", handler);
                    }
                });
        Channel ch = b.connect(settings.host(), settings.port()).sync().channel();
        ch.closeFuture().addListener(f -> login.completeExceptionally(
                new IOException("the PBX closed the event session before the login was through")));
        try {
            login.get(settings.actionTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            ch.close().awaitUninterruptibly();
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (Exception e) {
            ch.close().awaitUninterruptibly();
            throw e;
        }
        return new Session(ch, handler);
    }

    /** Closes {@code s} and returns only when its handlers are gone, so the next session never overlaps it. */
    void end(Session s, String reason) {
        s.handler().closing(reason);
        s.channel().close().awaitUninterruptibly();
        s.channel().closeFuture().awaitUninterruptibly();
    }

    @Override
    public void close() {
        // A short quiet period lets the last LinkDown reach the capture queue.
        loop.shutdownGracefully(100, 2000, TimeUnit.MILLISECONDS).awaitUninterruptibly();
    }
}
