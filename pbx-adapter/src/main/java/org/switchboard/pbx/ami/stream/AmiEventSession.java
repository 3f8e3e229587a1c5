package org.switchboard.pbx.ami.stream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventTime;
import org.switchboard.pbx.event.PbxEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One AMI event session, after the {@link AmiFrameDecoder}: the MD5 challenge login ({@code Events: on}), the
 * {@code CoreShowChannels} re-sync right after it, keep-alive pings when the line is quiet and dead-peer detection
 * when it stays silent (an {@code IdleStateHandler} before it), and every event translated and delivered in order.
 * A malformed or unknown message is counted and skipped; it never ends the session.
 */
public final class AmiEventSession extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(AmiEventSession.class);

    /** What the link hears of this session's login. */
    public interface Outcome {
        void loggedIn();

        /** The PBX refused the user name or secret (not a network or decoder failure). */
        void refused(String message);
    }

    private final String username;
    private final String secret;
    private final int sessionNo;
    private final AmiFrameTranslator translator;
    private final StreamCounters counters;
    private final EventDelivery delivery;
    private final Clock clock;
    private final Duration readTimeout;
    private final Outcome outcome;
    private final String resyncId;
    private final List<PbxEvent.ActiveChannel> resyncRows = new ArrayList<>();
    private boolean loggedIn;
    private volatile String closeReason;
    private long pings;

    public AmiEventSession(String username, String secret, int sessionNo, AmiFrameTranslator translator,
                           StreamCounters counters, EventDelivery delivery, Clock clock, Duration readTimeout,
                           Outcome outcome) {
        this.username = username;
        this.secret = secret;
        this.sessionNo = sessionNo;
        this.translator = translator;
        this.counters = counters;
        this.delivery = delivery;
        this.clock = clock;
        this.readTimeout = readTimeout;
        this.outcome = outcome;
        this.resyncId = "resync-" + sessionNo;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof AmiGreeting) {
            send(ctx, "Action", "Challenge", "ActionID", "challenge", "AuthType", "MD5");
        } else if (msg instanceof AmiFrameError e) {
            if (counters.malformed(e.kind())) {
                log.warn("AMI message skipped ({}: {}); such messages are counted from now on, not reported again",
                        e.kind(), e.detail());
            }
        } else if (msg instanceof AmiFrame f) {
            frame(ctx, f);
        }
    }

    private void frame(ChannelHandlerContext ctx, AmiFrame f) {
        String type = f.event();
        if (type == null && f.get("Response") != null) {
            response(ctx, f, f.get("ActionID"));
            return;
        }
        if (!loggedIn) {
            return; // FullyBooted and the like, before our login is through
        }
        counters.received.increment();
        // Only the re-sync's rows are told apart by their ActionID; other events are not searched for one.
        String actionId = type != null && type.startsWith("CoreShowChannel") ? f.get("ActionID") : null;
        if (resyncId.equals(actionId) && "CoreShowChannel".equals(type)) {
            PbxEvent.ActiveChannel row = translator.activeChannel(f);
            if (row != null) {
                resyncRows.add(row);
            }
        } else if (resyncId.equals(actionId) && "CoreShowChannelsComplete".equals(type)) {
            delivery.deliver(ctx.channel(), new PbxEvent.ChannelSnapshot(EventTime.arrival(clock.instant()),
                    List.copyOf(resyncRows)));
            log.info("AMI re-sync: {} live channel(s)", resyncRows.size());
            resyncRows.clear();
        } else {
            PbxEvent e = translator.translate(f);
            if (e != null) {
                delivery.deliver(ctx.channel(), e);
            }
        }
    }

    private void response(ChannelHandlerContext ctx, AmiFrame f, String actionId) {
        boolean success = "Success".equalsIgnoreCase(f.get("Response"));
        if ("challenge".equals(actionId)) {
            if (success && f.get("Challenge") != null) {
                send(ctx, "Action", "Login", "ActionID", "login", "AuthType", "MD5", "Username", username,
                        "Key", md5(f.get("Challenge") + secret), "Events", "on");
            } else {
                refuse(ctx, f.get("Message"));
            }
        } else if ("login".equals(actionId)) {
            if (!success) {
                refuse(ctx, f.get("Message"));
                return;
            }
            loggedIn = true;
            delivery.deliver(ctx.channel(), new PbxEvent.LinkUp(EventTime.arrival(clock.instant()), sessionNo));
            send(ctx, "Action", "CoreShowChannels", "ActionID", resyncId);
            outcome.loggedIn();
        }
        // Ping and CoreShowChannels answers carry nothing more.
    }

    private void refuse(ChannelHandlerContext ctx, String message) {
        closeReason = "login refused";
        outcome.refused(message == null ? "no reason given" : message);
        ctx.close();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.WRITER_IDLE) {
                send(ctx, "Action", "Ping", "ActionID", "ping-" + (++pings));
            } else if (idle.state() == IdleState.READER_IDLE) {
                closeReason = "PBX not answering for " + readTimeout.toSeconds() + " s";
                ctx.close();
            }
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (loggedIn) {
            delivery.deliver(ctx.channel(), new PbxEvent.LinkDown(EventTime.arrival(clock.instant()),
                    Objects.requireNonNullElse(closeReason, "connection lost")));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        closeReason = "reader failed: " + cause;
        log.warn("AMI event session {} failed: {}", sessionNo, cause.toString());
        ctx.close();
    }

    /** Why the session ended (null while it runs, or when the PBX closed it). */
    public String closeReason() {
        return closeReason;
    }

    /** We end the session ourselves, for {@code reason} (said in its LinkDown), unless it already ended for another. */
    public void closing(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
    }

    private static void send(ChannelHandlerContext ctx, String... keyValues) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            b.append(keyValues[i]).append(": ").append(keyValues[i + 1]).append("\r\n");
        }
        b.append("\r\n");
        ByteBuf buf = ctx.alloc().buffer(b.length());
        buf.writeCharSequence(b, StandardCharsets.UTF_8);
        ctx.writeAndFlush(buf);
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no MD5 in this JVM", e);
        }
    }
}
