package org.switchboard.pbx.ami.stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.ami.PbxEventQueue;
import org.switchboard.pbx.event.PbxEvent;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmiEventSessionTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T07:52:37Z"), ZoneOffset.UTC);
    final StreamCounters counters = new StreamCounters();
    final List<String> outcome = new ArrayList<>();

    EmbeddedChannel session(PbxEventQueue queue) {
        AmiEventSession handler = new AmiEventSession("cti", "cti-secret", 1,
                new AmiFrameTranslator(ZoneOffset.UTC, clock, counters), counters, new EventDelivery(queue, counters),
                clock, Duration.ofSeconds(30), new AmiEventSession.Outcome() {
                    @Override
                    public void loggedIn() {
                        outcome.add("in");
                    }

                    @Override
                    public void refused(String message) {
                        outcome.add("refused: " + message);
                    }
                });
        return new EmbeddedChannel(new AmiFrameDecoder(8192, 512, 256 * 1024), handler);
    }

    static void in(EmbeddedChannel ch, String wire) {
        ch.writeInbound(Unpooled.copiedBuffer(wire, StandardCharsets.UTF_8));
    }

    static String out(EmbeddedChannel ch) {
        ByteBuf b = ch.readOutbound();
        String s = b.toString(StandardCharsets.UTF_8);
        b.release();
        return s;
    }

    static List<PbxEvent> drain(PbxEventQueue q) {
        List<PbxEvent> all = new ArrayList<>();
        q.drainTo(all, Integer.MAX_VALUE);
        return all;
    }

    EmbeddedChannel loggedIn(PbxEventQueue queue) {
        EmbeddedChannel ch = session(queue);
        in(ch, "Asterisk Call Manager/9.0.0\r\n");
        assertTrue(out(ch).contains("Action: Challenge"));
        in(ch, "Response: Success\r\nActionID: challenge\r\nChallenge: 840415273\r\n\r\n");
        String login = out(ch);
        assertTrue(login.contains("Key: " + AmiEventSession.md5("840415273cti-secret")), login);
        assertTrue(login.contains("Events: on") && login.contains("Username: cti"), login);
        in(ch, "Response: Success\r\nActionID: login\r\nMessage: Authentication accepted\r\n\r\n");
        assertTrue(out(ch).contains("Action: CoreShowChannels"));
        return ch;
    }

    @Test
    void logsInByMd5ChallengeThenReSyncsTheLiveChannels() {
        PbxEventQueue queue = new PbxEventQueue(100);
        EmbeddedChannel ch = loggedIn(queue);
        in(ch, "Event: CoreShowChannel\r\nActionID: resync-1\r\nChannel: SIP/101-00000001\r\nUniqueid: 1.1\r\n"
                + "Linkedid: 1.1\r\nChannelStateDesc: Up\r\nDuration: 00:01:05\r\n\r\n"
                + "Event: CoreShowChannelsComplete\r\nActionID: resync-1\r\nListItems: 1\r\n\r\n");
        List<PbxEvent> events = drain(queue);
        assertEquals(List.of("in"), outcome);
        assertInstanceOf(PbxEvent.LinkUp.class, events.get(0));
        PbxEvent.ChannelSnapshot snapshot = assertInstanceOf(PbxEvent.ChannelSnapshot.class, events.get(1));
        assertEquals(65, snapshot.channels().get(0).ageSeconds());
    }

    @Test
    void aRefusedLoginIsSaidAsSuchAndEndsTheSession() {
        EmbeddedChannel ch = session(new PbxEventQueue(10));
        in(ch, "Asterisk Call Manager/9.0.0\r\n");
        out(ch);
        in(ch, "Response: Success\r\nActionID: challenge\r\nChallenge: 1\r\n\r\n");
        out(ch);
        in(ch, "Response: Error\r\nActionID: login\r\nMessage: Authentication failed\r\n\r\n");
        assertEquals(List.of("refused: Authentication failed"), outcome);
        assertFalse(ch.isActive());
    }

    @Test
    void emptyIdentifiersAreRefusedAndUnknownEventsCountedWhileTheSessionGoesOn() {
        PbxEventQueue queue = new PbxEventQueue(100);
        EmbeddedChannel ch = loggedIn(queue);
        drain(queue);
        in(ch, "Event: Newchannel\r\nChannel: SIP/101-1\r\nUniqueid: \r\nLinkedid: \r\n\r\n"
                + "Event: BridgeLeave\r\nUniqueid: 1.1\r\n\r\n"
                + "Event: FutureTelephony\r\nFoo: bar\r\n\r\n"
                + "Event: FutureTelephony\r\nFoo: baz\r\n\r\n"
                + "Event: Hangup\r\nUniqueid: 1.2\r\nLinkedid: 1.2\r\nChannel: SIP/102-2\r\nCause: 16\r\n\r\n");
        List<PbxEvent> events = drain(queue);
        assertEquals(1, events.size(), "only the Hangup: " + events);
        assertEquals(16, ((PbxEvent.ChannelHungUp) events.get(0)).cause());
        assertEquals(Map.of("Newchannel without Uniqueid", 1L), counters.refusedByReason());
        assertEquals(2L, counters.ignoredByType().get("FutureTelephony"));
        assertTrue(ch.isActive());
    }

    @Test
    void fieldsAsterisk20DoesNotSendAreCountedPerNameAndTheEventStillServes() {
        PbxEventQueue queue = new PbxEventQueue(100);
        EmbeddedChannel ch = loggedIn(queue);
        drain(queue);
        String known = "Event: Hangup\r\nPrivilege: call,all\r\nTimestamp: 1795420359.000100\r\nChannel: SIP/102-2\r\n"
                + "DestCallerIDNum: 101\r\nUniqueid: 1.2\r\nLinkedid: 1.2\r\nCause: 16\r\nCause-txt: Normal\r\n";
        for (int i = 0; i < 3; i++) {
            in(ch, known + "X-Hotel-Wing: east\r\nRoomClass: " + i + "\r\n\r\n"); // the same shape three times
        }
        in(ch, known + "x-hotel-wing: west\r\n\r\n");
        in(ch, known + "\r\n");
        assertEquals(5, drain(queue).size(), "unknown fields do not cost the event");
        assertEquals(Map.of("X-Hotel-Wing", 3L, "RoomClass", 3L, "x-hotel-wing", 1L), counters.unknownFieldsByName());
        in(ch, "Event: FutureTelephony\r\nFoo: bar\r\n\r\n");
        assertEquals(3, counters.unknownFieldsByName().size(), "an event type not read is counted by its type only");
    }

    @Test
    void aFullCaptureQueuePausesTheSocketAndLosesNothing() throws Exception {
        PbxEventQueue queue = new PbxEventQueue(3);
        EmbeddedChannel ch = loggedIn(queue);
        drain(queue);
        StringBuilder ten = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            ten.append("Event: Hangup\r\nUniqueid: 1.").append(i).append("\r\nChannel: SIP/1-").append(i).append("\r\n\r\n");
        }
        in(ch, ten.toString());
        assertFalse(ch.config().isAutoRead(), "the socket is paused while capture is behind");
        assertEquals(1, counters.pauses());
        List<PbxEvent> got = new ArrayList<>(drain(queue));
        while (got.size() < 10) {
            Thread.sleep(2);
            ch.runScheduledPendingTasks();
            got.addAll(drain(queue));
        }
        assertTrue(ch.config().isAutoRead(), "reading resumes once the backlog is delivered");
        for (int i = 0; i < 10; i++) {
            assertEquals("1." + i, ((PbxEvent.ChannelHungUp) got.get(i)).uniqueId(), "in order");
        }
    }
}
