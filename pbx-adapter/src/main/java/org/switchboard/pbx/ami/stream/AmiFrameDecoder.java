package org.switchboard.pbx.ami.stream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Frames the AMI byte stream into messages: lines end in CRLF (a bare LF is taken too), a blank line ends a
 * message, the first line is the greeting. Each byte is looked at once: one pass finds the line ends, the colons
 * and the blank line together, and keeps where it stopped when a message is split across reads. A whole message
 * is then copied out once with its lines indexed; no string is made until a field is read. Each limit is a
 * constructor argument; a message that breaks one, or holds a line that is not {@code Key: Value}, is skipped
 * whole up to its blank line and passed on as an {@link AmiFrameError}, so the handler counts it and the session
 * goes on. Bytes of a message already over a limit are dropped as they come, never held.
 */
public final class AmiFrameDecoder extends ByteToMessageDecoder {

    private final int maxLineLength;
    private final int maxFields;
    private final int maxMessageBytes;
    private final Scan scan = new Scan();
    private boolean greeted;

    public AmiFrameDecoder(int maxLineLength, int maxFields, int maxMessageBytes) {
        this.maxLineLength = maxLineLength;
        this.maxFields = maxFields;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!greeted && !greeting(in, out)) {
            return;
        }
        while (in.isReadable()) {
            int from = in.readerIndex();
            scan.in = in;
            scan.base = from;
            int stop = in.forEachByte(from + scan.scanned, in.writerIndex() - from - scan.scanned, scan);
            if (stop < 0) {
                scan.scanned = in.writerIndex() - from;
                unfinished(in, out);
                return;
            }
            int length = stop + 1 - from;
            if (scan.error != null) {
                if (!scan.reported) {
                    out.add(scan.error);
                }
                in.skipBytes(length);
            } else if (scan.fields > 0) {
                byte[] message = new byte[length];
                in.readBytes(message);
                out.add(new AmiFrame(message, Arrays.copyOf(scan.bounds, 4 * scan.fields), scan.fields));
            } else {
                in.skipBytes(length); // a blank line where a message would start
            }
            scan.reset();
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

    /** A message still open: past a limit, it is reported now and its bytes so far dropped. */
    private void unfinished(ByteBuf in, List<Object> out) {
        int openLine = scan.scanned - scan.lineStart;
        if (scan.error == null && openLine > maxLineLength) {
            scan.error = lineTooLong(openLine);
        } else if (scan.error == null && scan.scanned > maxMessageBytes) {
            scan.error = new AmiFrameError(AmiFrameError.Kind.MESSAGE_TOO_LARGE, "over " + maxMessageBytes + " bytes");
        }
        if (scan.error != null) {
            if (!scan.reported) {
                out.add(scan.error);
                scan.reported = true;
            }
            scan.dropScanned(in);
        }
    }

    private AmiFrameError lineTooLong(int openLine) {
        return new AmiFrameError(AmiFrameError.Kind.LINE_TOO_LONG,
                "a line of " + openLine + "+ bytes (limit " + maxLineLength + ")");
    }

    /**
     * The one pass over a message's bytes. Offsets are relative to the message's first byte (the reader index),
     * so they survive the cumulation buffer being compacted between reads.
     */
    private final class Scan implements ByteProcessor {
        ByteBuf in;
        int base;
        /** Bytes of the open message looked at already. */
        int scanned;
        int lineStart;
        int colon = -1;
        int fields;
        int[] bounds = new int[64];
        byte previous;
        AmiFrameError error;
        /** The error was passed on while the message was still arriving. */
        boolean reported;

        @Override
        public boolean process(byte b) {
            int i = scanned++;
            if (b == '\n') {
                int end = previous == '\r' && i > lineStart ? i - 1 : i;
                if (end == lineStart) {
                    return false; // the blank line
                }
                line(end);
                lineStart = i + 1;
                colon = -1;
            } else if (b == ':' && colon < 0) {
                colon = i;
            }
            previous = b;
            if (i == maxMessageBytes && error == null) {
                error = i - lineStart > maxLineLength ? lineTooLong(i - lineStart)
                        : new AmiFrameError(AmiFrameError.Kind.MESSAGE_TOO_LARGE, "over " + maxMessageBytes + " bytes");
            }
            return true;
        }

        private void line(int end) {
            if (error != null) {
                return;
            }
            if (end - lineStart > maxLineLength) {
                error = new AmiFrameError(AmiFrameError.Kind.LINE_TOO_LONG,
                        "a line of " + (end - lineStart) + " bytes (limit " + maxLineLength + ")");
            } else if (colon < 0) {
                error = new AmiFrameError(AmiFrameError.Kind.NOT_A_FIELD, excerpt(end));
            } else if (fields == maxFields) {
                error = new AmiFrameError(AmiFrameError.Kind.TOO_MANY_FIELDS, "over " + maxFields + " fields");
            } else {
                if (4 * fields + 4 > bounds.length) {
                    bounds = Arrays.copyOf(bounds, bounds.length * 2);
                }
                int value = colon + 1 < end && in.getByte(base + colon + 1) == ' ' ? colon + 2 : colon + 1;
                bounds[4 * fields] = lineStart;
                bounds[4 * fields + 1] = colon;
                bounds[4 * fields + 2] = value;
                bounds[4 * fields + 3] = end;
                fields++;
            }
        }

        private String excerpt(int end) {
            String s = in.toString(base + lineStart, Math.min(end - lineStart, 60), StandardCharsets.UTF_8);
            return end - lineStart > 60 ? s + "…" : s;
        }

        /** Skipping a message over a limit: its bytes so far go, the offsets shift so its blank line is still found. */
        void dropScanned(ByteBuf buffer) {
            buffer.skipBytes(scanned);
            lineStart -= scanned;
            scanned = 0;
        }

        /**
         * Ready for the next message. A large message's bounds array is let go, so one outsized message does not
         * keep its memory for the session.
         */
        void reset() {
            scanned = 0;
            lineStart = 0;
            colon = -1;
            fields = 0;
            previous = 0;
            error = null;
            reported = false;
            if (bounds.length > 256) {
                bounds = new int[64];
            }
        }
    }
}
