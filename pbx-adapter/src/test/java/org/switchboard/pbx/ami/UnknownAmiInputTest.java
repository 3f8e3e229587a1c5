package org.switchboard.pbx.ami;

import org.junit.jupiter.api.Test;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.sim.AmiMessage;
import org.switchboard.pbx.sim.AmiServer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A newer Asterisk sends event types and fields we do not know: never fatal, counted by type. */
class UnknownAmiInputTest {

    @Test
    void unknownEventsAndFieldsAreIgnoredAndTheRestStillArrives() throws Exception {
        try (AmiServer pbx = new AmiServer("cti", "cti-secret", Clock.systemUTC())) {
            int port = pbx.start(0);
            PbxEventQueue queue = new PbxEventQueue(1000);
            try (AmiLink link = new AmiLink(AmiLinkArrivalTimeTest.settings(port), queue, Clock.systemUTC())) {
                link.start();
                assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(10)));
                Thread.sleep(500);
                List<PbxEvent> drained = new ArrayList<>();
                queue.drainTo(drained, 100);
                pbx.broadcast(List.of(
                        AmiMessage.of("Event", "FutureTelepathyStart", "Privilege", "call,all", "Mind", "reader"),
                        AmiMessage.of("Event", "DeviceStateChange", "Privilege", "call,all", "Device", "SIP/101",
                                "State", "INUSE"),
                        AmiLinkArrivalTimeTest.newChannel("1700000001.1").with("FutureField", "42")));
                PbxEvent e = queue.poll(Duration.ofSeconds(3));
                PbxEvent.ChannelCreated created = assertInstanceOf(PbxEvent.ChannelCreated.class, e);
                assertEquals("1700000001.1", created.uniqueId());
                assertEquals("102", created.exten());
                assertEquals(1L, link.counters().ignoredByType().getOrDefault("DeviceStateChange", 0L));
                assertTrue(link.isConnected(), "the link stays up");
            }
        }
    }
}
