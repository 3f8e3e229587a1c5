package org.switchboard.pbx.sim;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

import java.nio.charset.StandardCharsets;

/** Writes an {@link AmiMessage} in its wire form (headers, CRLF, empty line). */
public final class AmiMessageEncoder extends MessageToByteEncoder<AmiMessage> {

    @Override
    protected void encode(ChannelHandlerContext ctx, AmiMessage msg, ByteBuf out) {
        out.writeCharSequence(msg.toWire(), StandardCharsets.UTF_8);
    }
}
