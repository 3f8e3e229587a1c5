package org.switchboard.pbx.sim;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;

import java.nio.charset.StandardCharsets;

/**
 * Frames AMI messages: each ends with an empty line (CRLF CRLF; bare LF LF accepted). A frame
 * longer than {@code maxFrameBytes} fails with {@link io.netty.handler.codec.TooLongFrameException}.
 */
public final class AmiFrameDecoder extends DelimiterBasedFrameDecoder {

    public AmiFrameDecoder(int maxFrameBytes) {
        super(maxFrameBytes, true, true, delimiter("\r\n\r\n"), delimiter("\n\n"));
    }

    private static ByteBuf delimiter(String s) {
        return Unpooled.wrappedBuffer(s.getBytes(StandardCharsets.US_ASCII));
    }
}
