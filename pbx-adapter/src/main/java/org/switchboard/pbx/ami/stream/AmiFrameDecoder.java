package org.switchboard.pbx.ami.stream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames the AMI byte stream into messages in one pass: lines end in CRLF (a bare LF is taken too), a blank line
 * ends a message, the first line is the greeting. Each limit is a constructor argument; a message that breaks one,
 * or holds a line that is not {@code Key: Value}, is skipped whole up to its blank line and passed on as an
 * {@link AmiFrameError}, so the handler counts it and the session goes on.
 */
public final class AmiFrameDecoder extends ByteToMessageDecoder {

    private final int maxLineLength;
    private final int maxFields;
    private final int maxMessageBytes;

    private boolean greeted;
    private List<String> keys = new ArrayList<>();
    private List<String> values = new ArrayList<>();
    private int messageBytes;
    /** Set when the current message is being skipped: the error to pass on once its blank line comes. */
    private AmiFrameError skipping;
    /** Inside an over-long line: everything up to its LF is dropped. */
    private boolean inLongLine;

    public AmiFrameDecoder(int maxLineLength, int maxFields, int maxMessageBytes) {
        this.maxLineLength = maxLineLength;
        this.maxFields = maxFields;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (lf < 0) {
                if (in.readableBytes() > maxLineLength) {
                    startLongLine(in.readableBytes());
                    in.skipBytes(in.readableBytes());
                }
                return; // wait for the rest of the line
            }
            int length = lf - in.readerIndex();
            if (inLongLine) {
                inLongLine = false;
                in.readerIndex(lf + 1);
                continue;
            }
            if (length > maxLineLength) {
                startLongLine(length);
                inLongLine = false;
                in.readerIndex(lf + 1);
                continue;
            }
            int end = length > 0 && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
            line(in, in.readerIndex(), end - in.readerIndex(), length + 1, out);
            in.readerIndex(lf + 1);
        }
    }

    private void line(ByteBuf in, int from, int length, int wireBytes, List<Object> out) {
        if (!greeted) {
            greeted = true;
            if (length > 0 && in.indexOf(from, from + length, (byte) ':') < 0) {
                out.add(new AmiGreeting(in.toString(from, length, StandardCharsets.UTF_8)));
                return;
            }
        }
        if (length == 0) {
            endMessage(out);
            return;
        }
        if (skipping != null) {
            return;
        }
        messageBytes += wireBytes;
        if (messageBytes > maxMessageBytes) {
            skip(new AmiFrameError(AmiFrameError.Kind.MESSAGE_TOO_LARGE, "over " + maxMessageBytes + " bytes"));
            return;
        }
        int colon = in.indexOf(from, from + length, (byte) ':');
        if (colon < 0) {
            skip(new AmiFrameError(AmiFrameError.Kind.NOT_A_FIELD, excerpt(in.toString(from, length, StandardCharsets.UTF_8))));
            return;
        }
        if (keys.size() == maxFields) {
            skip(new AmiFrameError(AmiFrameError.Kind.TOO_MANY_FIELDS, "over " + maxFields + " fields"));
            return;
        }
        int valueFrom = colon + 1;
        if (valueFrom < from + length && in.getByte(valueFrom) == ' ') {
            valueFrom++;
        }
        keys.add(in.toString(from, colon - from, StandardCharsets.US_ASCII));
        values.add(in.toString(valueFrom, from + length - valueFrom, StandardCharsets.UTF_8));
    }

    private void endMessage(List<Object> out) {
        if (skipping != null) {
            out.add(skipping);
        } else if (!keys.isEmpty()) {
            out.add(new AmiFrame(keys, values));
            keys = new ArrayList<>();
            values = new ArrayList<>();
        }
        reset();
    }

    private void startLongLine(int seen) {
        inLongLine = true;
        skip(new AmiFrameError(AmiFrameError.Kind.LINE_TOO_LONG, "a line of " + seen + "+ bytes (limit " + maxLineLength + ")"));
    }

    private void skip(AmiFrameError why) {
        if (skipping == null) {
            skipping = why;
        }
        keys.clear();
        values.clear();
    }

    private void reset() {
        skipping = null;
        keys.clear();
        values.clear();
        messageBytes = 0;
    }

    private static String excerpt(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
