package org.switchboard.pbx.ami;

import org.junit.jupiter.api.Test;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.sim.AmiMessage;
import org.switchboard.pbx.sim.AmiServer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmiLinkArrivalTimeTest {

    static AmiSettings settings(int port) {
        return new AmiSettings("127.0.0.1", port, "cti", "cti-secret", ZoneOffset.UTC, Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofMillis(100), Duration.ofSeconds(1), 1000);
    }

    static AmiMessage newChannel(String uid) {
        return AmiMessage.of("Event", "Newchannel", "Privilege", "call,all", "Channel", "SIP/101-00000001",
                "ChannelState", "0", "ChannelStateDesc", "Down", "CallerIDNum", "101", "CallerIDName", "Room 101",
                "ConnectedLineNum", "<unknown>", "ConnectedLineName", "<unknown>", "Language", "en",
                "AccountCode", "", "Context", "hotel-internal", "Exten", "102", "Priority", "1",
                "Uniqueid", uid, "Linkedid", uid);
    }

    @Test
    void aLoneEventIsStampedWhenItArrivesNotWhenTheNextOneDoes() throws Exception {
        try (AmiServer pbx = new AmiServer("cti", "cti-secret", Clock.systemUTC())) {
            int port = pbx.start(0);
            PbxEventQueue queue = new PbxEventQueue(1000);
            try (AmiLink link = new AmiLink(settings(port), queue, Clock.systemUTC())) {
                link.start();
                assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(10)));
                Thread.sleep(500);
                while (queue.poll(Duration.ofMillis(10)) != null) {
                    // link-up and re-sync
                }
                for (int i = 0; i < 3; i++) {
                    Instant sent = Instant.now();
                    pbx.broadcast(newChannel("1700000000." + i));
                    PbxEvent e = queue.poll(Duration.ofSeconds(2));
                    assertNotNull(e, "event delivered");
                    long lagMs = Duration.between(sent, e.time().instant()).toMillis();
                    System.out.println("arrival lag " + lagMs + " ms");
                    assertTrue(lagMs < 30, "arrival stamped " + lagMs + " ms after sending");
                    Thread.sleep(700);
                }
            }
        }
    }
}
