package org.switchboard.pbx.sim;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Turns one framed AMI message into an {@link AmiMessage}; blank frames are skipped. */
public final class AmiMessageDecoder extends MessageToMessageDecoder<ByteBuf> {

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        String text = frame.toString(StandardCharsets.UTF_8);
        if (!text.isBlank()) {
            out.add(AmiMessage.parse(text));
        }
    }
}
