package org.switchboard.pbx.sim;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** One AMI client session of the simulator: login handshake and the actions a CTI client sends. */
final class AmiSessionHandler extends SimpleChannelInboundHandler<AmiMessage> {

    private static final Logger log = LoggerFactory.getLogger(AmiSessionHandler.class);

    private final AmiServer server;
    private String challenge;
    private boolean authenticated;

    AmiSessionHandler(AmiServer server) {
        this.server = server;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.copiedBuffer(AmiServer.BANNER + "\r\n", StandardCharsets.US_ASCII));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, AmiMessage action) {
        String name = action.get("Action");
        String actionId = action.get("ActionID");
        if (name == null) {
            ctx.writeAndFlush(response("Error", actionId, "Message", "Missing action in request"));
            return;
        }
        switch (name.toLowerCase()) {
            case "challenge" -> {
                challenge = String.valueOf(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
                ctx.writeAndFlush(response("Success", actionId, "Challenge", challenge));
            }
            case "login" -> login(ctx, action, actionId);
            case "logoff" -> ctx.writeAndFlush(response("Goodbye", actionId, "Message", "Thanks for all the fish."))
                    .addListener(ChannelFutureListener.CLOSE);
            default -> {
                if (!authenticated) {
                    ctx.writeAndFlush(response("Error", actionId, "Message", "Authentication Required"));
                    return;
                }
                authenticatedAction(ctx, name.toLowerCase(), action, actionId);
            }
        }
    }

    private void login(ChannelHandlerContext ctx, AmiMessage action, String actionId) {
        boolean ok = server.checkCredentials(action.get("Username"), action.get("Secret"), action.get("Key"), challenge);
        if (!ok) {
            ctx.writeAndFlush(response("Error", actionId, "Message", "Authentication failed"))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        authenticated = true;
        ctx.write(response("Success", actionId, "Message", "Authentication accepted"));
        // As Asterisk: a session logged in with "Events: off" gets answers to its actions, never events.
        boolean events = !"off".equalsIgnoreCase(action.get("Events"));
        if (events) {
            ctx.write(AmiMessage.of("Event", "FullyBooted", "Privilege", "system,all",
                    "Uptime", "156", "LastReload", "156", "Status", "Fully Booted"));
        }
        ctx.flush();
        server.loggedIn(ctx.channel(), events);
    }

    private void authenticatedAction(ChannelHandlerContext ctx, String name, AmiMessage action, String actionId) {
        switch (name) {
            case "ping" -> ctx.writeAndFlush(response("Success", actionId, "Ping", "Pong",
                    "Timestamp", Timestamps.epochMicros(server.clock().instant())));
            case "coresettings" -> ctx.writeAndFlush(response("Success", actionId,
                    "AMIversion", "9.0.0", "AsteriskVersion", "20.20.1", "SystemName", "",
                    "CoreMaxCalls", "0", "CoreMaxLoadAvg", "0.000000", "CoreRunUser", "", "CoreRunGroup", "",
                    "CoreMaxFilehandles", "0", "CoreRealTimeEnabled", "No", "CoreCDRenabled", "Yes",
                    "CoreHTTPenabled", "No", "SoundsSearchCustomDir", "No"));
            case "coreshowchannels" -> {
                List<AmiMessage> channels = server.tracker().coreShowChannels(actionId == null ? "" : actionId);
                ctx.write(response("Success", actionId, "EventList", "start", "Message", "Channels will follow"));
                channels.forEach(ctx::write);
                ctx.writeAndFlush(AmiMessage.of("Event", "CoreShowChannelsComplete", "ActionID",
                        actionId == null ? "" : actionId, "EventList", "Complete", "ListItems",
                        String.valueOf(channels.size())));
            }
            case "originate" -> {
                AmiServer.OriginateHandler handler = server.originateHandler();
                String message = handler == null ? null : handler.originate(action);
                if (message == null) {
                    ctx.writeAndFlush(response("Error", actionId, "Message", "Originate failed"));
                } else {
                    ctx.writeAndFlush(response("Success", actionId, "Message", message));
                }
            }
            case "dbput" -> {
                // As Asterisk's manager.c action_dbput answers.
                String family = action.get("Family");
                String key = action.get("Key");
                if (family == null || family.isEmpty()) {
                    ctx.writeAndFlush(response("Error", actionId, "Message", "No family specified"));
                } else if (key == null || key.isEmpty()) {
                    ctx.writeAndFlush(response("Error", actionId, "Message", "No key specified"));
                } else {
                    server.astDb().put(family, key, action.get("Val") == null ? "" : action.get("Val"));
                    ctx.writeAndFlush(response("Success", actionId, "Message", "Updated database successfully"));
                }
            }
            default -> ctx.writeAndFlush(response("Error", actionId, "Message", "Invalid/unknown command"));
        }
    }

    private static AmiMessage response(String result, String actionId, String... more) {
        List<String> kv = new ArrayList<>(List.of("Response", result));
        if (actionId != null) {
            kv.add("ActionID");
            kv.add(actionId);
        }
        kv.addAll(List.of(more));
        return AmiMessage.of(kv.toArray(String[]::new));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            log.warn("AMI client {} sent an action over {} bytes; closing", ctx.channel().remoteAddress(),
                    AmiServer.MAX_ACTION_BYTES);
        } else {
            log.debug("AMI client {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        }
        ctx.close();
    }
}
