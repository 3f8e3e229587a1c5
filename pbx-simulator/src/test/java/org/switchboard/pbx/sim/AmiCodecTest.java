package org.switchboard.pbx.sim;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AmiCodecTest {

    private static EmbeddedChannel decoder(int max) {
        return new EmbeddedChannel(new AmiFrameDecoder(max), new AmiMessageDecoder());
    }

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    @Test
    void anActionSplitAcrossReadsIsDecodedOnceComplete() {
        EmbeddedChannel ch = decoder(1024);
        ch.writeInbound(bytes("Action: Login\r\nUser"));
        assertNull(ch.readInbound());
        ch.writeInbound(bytes("name: cti\r\nSecret: x\r\n\r\nAction: Ping\r\n\r\n"));
        AmiMessage login = ch.readInbound();
        assertEquals("Login", login.get("Action"));
        assertEquals("cti", login.get("Username"));
        AmiMessage ping = ch.readInbound();
        assertEquals("Ping", ping.get("Action"));
        assertFalse(ch.finish());
    }

    @Test
    void bareLineFeedsAreAccepted() {
        EmbeddedChannel ch = decoder(1024);
        ch.writeInbound(bytes("Action: Ping\nActionID: 7\n\n"));
        AmiMessage ping = ch.readInbound();
        assertEquals("7", ping.get("ActionID"));
        assertFalse(ch.finish());
    }

    @Test
    void anOversizedActionFailsWithTooLongFrame() {
        EmbeddedChannel ch = decoder(64);
        assertThrows(TooLongFrameException.class, () -> ch.writeInbound(bytes("Action: " + "x".repeat(100) + "\r\n\r\n")));
        assertFalse(ch.finish());
    }

    @Test
    void recordedEventsSurviveParseAndEncodeByteForByte() throws Exception {
        byte[] raw;
        try (InputStream in = getClass().getResourceAsStream("/transcripts/outbound_national_trunk_hangup.ami")) {
            raw = in.readAllBytes();
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        int start = text.indexOf("Event: Newchannel");
        int end = text.indexOf("\r\n\r\n", start) + 4;
        String recorded = text.substring(start, end);
        EmbeddedChannel enc = new EmbeddedChannel(new AmiMessageEncoder());
        enc.writeOutbound(AmiMessage.parse(recorded.substring(0, recorded.length() - 4)));
        ByteBuf out = enc.readOutbound();
        assertEquals(recorded, out.toString(StandardCharsets.UTF_8), "empty values such as 'AccountCode: ' kept");
        out.release();
        assertFalse(enc.finish());
    }
}
