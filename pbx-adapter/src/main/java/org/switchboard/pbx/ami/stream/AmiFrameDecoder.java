package org.switchboard.pbx.ami.stream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Frames the AMI byte stream into messages: lines end in CRLF (a bare LF is taken too), a blank line ends a
 * message, the first line is the greeting. A whole message is copied out once and its lines indexed in place;
 * no string is made until a field is read. Each limit is a constructor argument; a message that breaks one, or
 * holds a line that is not {@code Key: Value}, is skipped whole up to its blank line and passed on as an
 * {@link AmiFrameError}, so the handler counts it and the session goes on. Bytes beyond the message limit are
 * dropped as they come, never held.
 */
public final class AmiFrameDecoder extends ByteToMessageDecoder {

    private final int maxLineLength;
    private final int maxFields;
    private final int maxMessageBytes;

    private boolean greeted;
    /** Dropping an over-size message up to its blank line. */
    private boolean skipping;
    /** How far past the reader index the search for the blank line has looked already. */
    private int searched;

    public AmiFrameDecoder(int maxLineLength, int maxFields, int maxMessageBytes) {
        this.maxLineLength = maxLineLength;
        this.maxFields = maxFields;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            if (!greeted && !greeting(in, out)) {
                return;
            }
            int end = blankLineEnd(in);
            if (end < 0) {
                tooLongSoFar(in, out);
                return;
            }
            searched = 0;
            if (skipping) {
                skipping = false;
                in.readerIndex(end);
                continue;
            }
            byte[] message = new byte[end - in.readerIndex()];
            in.readBytes(message);
            Object frame = parse(message);
            if (frame != null) {
                out.add(frame);
            }
        }
    }

    /** The first line, if it is Asterisk's banner; false while it has not fully arrived. */
    private boolean greeting(ByteBuf in, List<Object> out) {
        int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
        if (lf < 0) {
            return false;
        }
        greeted = true;
        int from = in.readerIndex();
        int end = lf > from && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
        if (end > from && in.indexOf(from, end, (byte) ':') < 0) {
            out.add(new AmiGreeting(in.toString(from, end - from, StandardCharsets.UTF_8)));
            in.readerIndex(lf + 1);
        }
        return true;
    }

    /** The index just past the blank line ending the message at the reader index, or -1 if it has not come. */
    private int blankLineEnd(ByteBuf in) {
        int from = in.readerIndex() + searched;
        int to = in.writerIndex();
        for (int lf = in.indexOf(from, to, (byte) '\n'); lf >= 0; lf = in.indexOf(lf + 1, to, (byte) '\n')) {
            if (lf == in.readerIndex()) {
                return lf + 1; // a blank line where a message would start
            }
            int before = in.getByte(lf - 1);
            if (before == '\n' || before == '\r' && lf - 2 >= in.readerIndex() && in.getByte(lf - 2) == '\n'
                    || before == '\r' && lf - 1 == in.readerIndex()) {
                return lf + 1;
            }
        }
        searched = Math.max(0, to - in.readerIndex() - 2); // the blank line may still be in its first bytes
        return -1;
    }

    /** A message still open past the limit: reported once, and its bytes dropped as they come. */
    private void tooLongSoFar(ByteBuf in, List<Object> out) {
        int waiting = in.readableBytes();
        if (waiting <= maxMessageBytes && !skipping) {
            return;
        }
        if (!skipping) {
            int lastLf = in.indexOf(in.writerIndex(), in.readerIndex(), (byte) '\n'); // searching backwards
            int openLine = in.writerIndex() - (lastLf < 0 ? in.readerIndex() : lastLf + 1);
            out.add(openLine > maxLineLength
                    ? new AmiFrameError(AmiFrameError.Kind.LINE_TOO_LONG, "a line of " + openLine + "+ bytes (limit " + maxLineLength + ")")
                    : new AmiFrameError(AmiFrameError.Kind.MESSAGE_TOO_LARGE, "over " + maxMessageBytes + " bytes"));
            skipping = true;
        }
        in.skipBytes(Math.max(0, waiting - 2)); // keep two bytes: the blank line may begin there
        searched = 0;
    }

    private Object parse(byte[] m) {
        if (m.length > maxMessageBytes) {
            return new AmiFrameError(AmiFrameError.Kind.MESSAGE_TOO_LARGE, "over " + maxMessageBytes + " bytes");
        }
        int[] bounds = new int[64];
        int fields = 0;
        int start = 0;
        for (int lf = indexOf(m, start); lf >= 0; lf = indexOf(m, start)) {
            int end = lf > start && m[lf - 1] == '\r' ? lf - 1 : lf;
            if (end == start) {
                break; // the blank line
            }
            if (end - start > maxLineLength) {
                return new AmiFrameError(AmiFrameError.Kind.LINE_TOO_LONG,
                        "a line of " + (end - start) + " bytes (limit " + maxLineLength + ")");
            }
            int colon = colon(m, start, end);
            if (colon < 0) {
                return new AmiFrameError(AmiFrameError.Kind.NOT_A_FIELD, excerpt(m, start, end));
            }
            if (fields == maxFields) {
                return new AmiFrameError(AmiFrameError.Kind.TOO_MANY_FIELDS, "over " + maxFields + " fields");
            }
            if (4 * fields + 4 > bounds.length) {
                bounds = java.util.Arrays.copyOf(bounds, bounds.length * 2);
            }
            int value = colon + 1 < end && m[colon + 1] == ' ' ? colon + 2 : colon + 1;
            bounds[4 * fields] = start;
            bounds[4 * fields + 1] = colon;
            bounds[4 * fields + 2] = value;
            bounds[4 * fields + 3] = end;
            fields++;
            start = lf + 1;
        }
        return fields == 0 ? null : new AmiFrame(m, bounds, fields);
    }

    private static int indexOf(byte[] m, int from) {
        for (int i = from; i < m.length; i++) {
            if (m[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int colon(byte[] m, int from, int to) {
        for (int i = from; i < to; i++) {
            if (m[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    private static String excerpt(byte[] m, int from, int to) {
        String s = new String(m, from, Math.min(to - from, 60), StandardCharsets.UTF_8);
        return to - from > 60 ? s + "…" : s;
    }
}
