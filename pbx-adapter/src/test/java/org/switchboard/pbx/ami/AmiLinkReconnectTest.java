package org.switchboard.pbx.ami;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.sim.AmiServer;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmiLinkReconnectTest {

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aPbxThatIsDownAtStartUpIsReachedOnceItComesUp() throws Exception {
        int port = freePort();
        PbxEventQueue queue = new PbxEventQueue(1000);
        try (AmiLink link = new AmiLink(AmiLinkArrivalTimeTest.settings(port), queue, Clock.systemUTC())) {
            link.start();
            Thread.sleep(1500); // several refused attempts
            assertFalse(link.isConnected());
            try (AmiServer pbx = new AmiServer("cti", "cti-secret", Clock.systemUTC())) {
                pbx.start(port);
                assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(10)), "logged in after the PBX came up");
                Thread.sleep(300);
                List<PbxEvent> events = new ArrayList<>();
                queue.drainTo(events, 100);
                assertTrue(events.stream().anyMatch(e -> e instanceof PbxEvent.LinkUp));
                assertTrue(events.stream().anyMatch(e -> e instanceof PbxEvent.ChannelSnapshot), "re-synced");

                pbx.dropClients();
                assertTrue(pbx.awaitLogins(2, Duration.ofSeconds(10)), "logged in again after the drop");
                Thread.sleep(300);
                events.clear();
                queue.drainTo(events, 100);
                assertTrue(events.stream().anyMatch(e -> e instanceof PbxEvent.LinkDown));
                assertEquals(2, events.stream().filter(e -> e instanceof PbxEvent.ChannelSnapshot).count()
                        + events.stream().filter(e -> e instanceof PbxEvent.LinkUp).count(), events.toString());
            }
        }
    }

    @Test
    void theSecretNeverAppearsInTheLogsEvenAtDebugLevel() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger asteriskJava = (Logger) LoggerFactory.getLogger("org.asteriskjava");
        Level before = asteriskJava.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        asteriskJava.setLevel(Level.DEBUG);
        try (AmiServer pbx = new AmiServer("cti", "cti-secret", Clock.systemUTC())) {
            int port = pbx.start(0);
            try (AmiLink link = new AmiLink(AmiLinkArrivalTimeTest.settings(port), new PbxEventQueue(1000),
                    Clock.systemUTC())) {
                link.start();
                assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(10)));
                Thread.sleep(1500); // a ping or two
            }
        } finally {
            asteriskJava.setLevel(before);
            root.detachAppender(captured);
        }
        assertTrue(captured.list.size() > 10, "debug logging was on");
        captured.list.forEach(e -> assertFalse(e.getFormattedMessage().contains("cti-secret"), e.getFormattedMessage()));
        assertFalse(AmiLinkArrivalTimeTest.settings(1).toString().contains("cti-secret"));
    }
}
