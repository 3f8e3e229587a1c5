package org.switchboard.pbx.ami.stream;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmiFrameDecoderTest {

    static final String NEWCHANNEL = "Event: Newchannel\r\nChannel: SIP/101-00000001\r\nCallerIDName: 李四\r\n"
            + "Uniqueid: 1795420359.12\r\nLinkedid: 1795420359.12\r\n\r\n";

    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(new AmiFrameDecoder(200, 10, 1000));
    }

    private static List<Object> feed(EmbeddedChannel ch, String... chunks) {
        for (String c : chunks) {
            ch.writeInbound(Unpooled.copiedBuffer(c, StandardCharsets.UTF_8));
        }
        List<Object> out = new ArrayList<>();
        for (Object o; (o = ch.readInbound()) != null; ) {
            out.add(o);
        }
        return out;
    }

    @Test
    void theGreetingComesFirstThenMessagesEvenWhenSplitAtEveryByte() {
        EmbeddedChannel ch = channel();
        String wire = "Asterisk Call Manager/9.0.0\r\n" + NEWCHANNEL;
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < wire.getBytes(StandardCharsets.UTF_8).length; i++) {
            byte[] all = wire.getBytes(StandardCharsets.UTF_8);
            ch.writeInbound(Unpooled.wrappedBuffer(all, i, 1));
            for (Object o; (o = ch.readInbound()) != null; ) {
                out.add(o);
            }
        }
        assertEquals(new AmiGreeting("Asterisk Call Manager/9.0.0"), out.get(0));
        AmiFrame f = assertInstanceOf(AmiFrame.class, out.get(1));
        assertEquals("Newchannel", f.event());
        assertEquals("李四", f.get("calleridname"), "keys ignore case; values are UTF-8");
        assertEquals("1795420359.12", f.get("Uniqueid"));
        assertEquals(2, out.size());
    }

    @Test
    void bareLineFeedsAndEmptyValuesAreTaken() {
        List<Object> out = feed(channel(), "Asterisk Call Manager/9.0.0\nEvent: Hangup\nAccountCode:\nUniqueid: 1.2\n\n");
        AmiFrame f = assertInstanceOf(AmiFrame.class, out.get(1));
        assertEquals("", f.get("AccountCode"));
        assertEquals("1.2", f.get("Uniqueid"));
        assertNull(f.get("Cause"));
    }

    @Test
    void aMessageOverALimitIsSkippedWholeAndTheNextOneComesThrough() {
        EmbeddedChannel ch = channel();
        feed(ch, "Asterisk Call Manager/9.0.0\r\n");
        StringBuilder many = new StringBuilder("Event: Big\r\n");
        for (int i = 0; i < 11; i++) {
            many.append("F").append(i).append(": x\r\n");
        }
        List<Object> out = feed(ch, many + "\r\n", NEWCHANNEL);
        assertEquals(AmiFrameError.Kind.TOO_MANY_FIELDS, assertInstanceOf(AmiFrameError.class, out.get(0)).kind());
        assertEquals("Newchannel", assertInstanceOf(AmiFrame.class, out.get(1)).event());

        StringBuilder large = new StringBuilder("Event: Large\r\n");
        for (int i = 0; i < 8; i++) {
            large.append("F").append(i).append(": ").append("y".repeat(150)).append("\r\n");
        }
        out = feed(ch, large + "\r\n", NEWCHANNEL);
        assertEquals(AmiFrameError.Kind.MESSAGE_TOO_LARGE, assertInstanceOf(AmiFrameError.class, out.get(0)).kind());
        assertEquals("Newchannel", assertInstanceOf(AmiFrame.class, out.get(1)).event());

        out = feed(ch, "Event: Odd\r\nno colon here\r\nUniqueid: 1\r\n\r\n", NEWCHANNEL);
        AmiFrameError odd = assertInstanceOf(AmiFrameError.class, out.get(0));
        assertEquals(AmiFrameError.Kind.NOT_A_FIELD, odd.kind());
        assertTrue(odd.detail().contains("no colon here"), odd.detail());
        assertEquals(2, out.size());
    }

    @Test
    void aLineThatNeverEndsIsDroppedAsItComesNotHeldInMemory() {
        EmbeddedChannel ch = channel();
        feed(ch, "Asterisk Call Manager/9.0.0\r\n");
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < 1000; i++) { // 1 MB without CRLF, in 1 KB reads
            out.addAll(feed(ch, "Z".repeat(1024)));
        }
        out.addAll(feed(ch, "\r\n\r\n", NEWCHANNEL));
        assertEquals(AmiFrameError.Kind.LINE_TOO_LONG, assertInstanceOf(AmiFrameError.class, out.get(0)).kind());
        assertEquals("Newchannel", assertInstanceOf(AmiFrame.class, out.get(1)).event());
        assertEquals(2, out.size());
    }

    @Test
    void garbageBetweenMessagesCostsOnlyTheMessageItLandsIn() {
        EmbeddedChannel ch = channel();
        feed(ch, "Asterisk Call Manager/9.0.0\r\n");
        List<Object> out = feed(ch, "\u0000\u0007\u00ff garbage\r\n\r\n\r\n\r\n", NEWCHANNEL);
        assertInstanceOf(AmiFrameError.class, out.get(0));
        assertEquals("Newchannel", assertInstanceOf(AmiFrame.class, out.get(1)).event());
    }
}
