package org.switchboard.pbx.ami;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.sim.AmiServer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A refused login is said as one, and a PBX that drops the line as a failure: never one for the other. */
class LoginRefusedTest {

    private static List<ILoggingEvent> logsWhile(ThrowingRunnable r) throws Exception {
        Logger linkLog = (Logger) LoggerFactory.getLogger(AmiLink.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        linkLog.addAppender(captured);
        try {
            r.run();
        } finally {
            linkLog.detachAppender(captured);
        }
        return captured.list;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void aWrongSecretIsReportedAsARefusedLogin() throws Exception {
        List<ILoggingEvent> logs = logsWhile(() -> {
            try (AmiServer pbx = new AmiServer("cti", "another-secret", Clock.systemUTC())) {
                int port = pbx.start(0);
                try (AmiLink link = new AmiLink(AmiLinkArrivalTimeTest.settings(port), new PbxEventQueue(100),
                        Clock.systemUTC())) {
                    link.start();
                    Thread.sleep(1500);
                    assertFalse(link.isConnected());
                    assertEquals(0, pbx.logins());
                }
            }
        });
        assertTrue(logs.stream().anyMatch(e -> e.getLevel() == Level.ERROR
                && e.getFormattedMessage().contains("AMI login refused for user 'cti'")), logs.toString());
        assertTrue(logs.stream().noneMatch(e -> e.getFormattedMessage().contains("failed:")), logs.toString());
    }

    @Test
    void aDroppedLineIsAFailureNotARefusedLogin() throws Exception {
        List<ILoggingEvent> logs = logsWhile(() -> {
            try (AmiServer pbx = new AmiServer("cti", "cti-secret", Clock.systemUTC())) {
                int port = pbx.start(0);
                try (AmiLink link = new AmiLink(AmiLinkArrivalTimeTest.settings(port), new PbxEventQueue(100),
                        Clock.systemUTC())) {
                    link.start();
                    assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(10)));
                    pbx.dropClients();
                    assertTrue(pbx.awaitLogins(2, Duration.ofSeconds(10)), "back after the drop");
                }
            }
        });
        assertTrue(logs.stream().anyMatch(e -> e.getFormattedMessage().contains("event session to 127.0.0.1")
                && e.getFormattedMessage().contains("ended")), logs.toString());
        assertTrue(logs.stream().noneMatch(e -> e.getFormattedMessage().contains("login refused")), logs.toString());
    }
}
