package org.switchboard.pbx.sim;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator answers an Originate over TCP exactly as the recorded Asterisk did: the same events
 * in the same order, the client's ActionID, caller id and WAKEUP_ROOM, and the recorded quirks
 * (no DialEnd when not answered; the failed OriginateResponse names the dial string and an unknown Uniqueid).
 */
class WakeupResponderTest {

    @Test
    void notAnsweredIsTheRecordedNoAnswerCall() throws Exception {
        List<AmiMessage> events = originate(WakeupResponder.Behaviour.NO_ANSWER, "OutgoingSpoolFailed");
        assertEquals(names(Transcript.fromResource("wakeup_no_answer")), events.stream().map(AmiMessage::eventName).toList());
        assertFalse(events.stream().anyMatch(m -> m.isEvent("DialEnd")), "no DialEnd, as recorded");
        AmiMessage response = only(events, "OriginateResponse");
        assertEquals("Failure", response.get("Response"));
        assertEquals("3", response.get("Reason"));
        assertEquals("SIP/305", response.get("Channel"));
        assertEquals("<unknown>", response.get("Uniqueid"));
        assertEquals("my-action-7", response.get("ActionID"));
        assertEquals("808", events.stream().filter(m -> m.isEvent("VarSet") && "WAKEUP_ROOM".equals(m.get("Variable")))
                .findFirst().orElseThrow().get("Value"));
        assertEquals("19", events.stream().filter(m -> m.isEvent("Hangup")).findFirst().orElseThrow().get("Cause"));
    }

    @Test
    void answeredIsTheRecordedAnsweredCallWithTheClientsCallerId() throws Exception {
        List<AmiMessage> events = originate(WakeupResponder.Behaviour.ANSWER, "SIP/305-");
        assertEquals(names(Transcript.fromResource("wakeup_answered")), events.stream().map(AmiMessage::eventName).toList());
        AmiMessage response = only(events, "OriginateResponse");
        assertEquals("Success", response.get("Response"));
        assertEquals("4", response.get("Reason"));
        assertTrue(response.get("Channel").startsWith("SIP/305-"), response.toString());
        assertEquals(events.get(0).get("Uniqueid"), response.get("Uniqueid"));
        assertEquals("Morning Call", only(events, "NewCallerid").get("CallerIDName"));
        assertEquals("8999", only(events, "NewCallerid").get("CallerIDNum"));
    }

    private static List<String> names(Transcript t) {
        return t.events().stream().map(e -> e.message().eventName()).toList();
    }

    private static AmiMessage only(List<AmiMessage> events, String name) {
        List<AmiMessage> found = events.stream().filter(m -> m.isEvent(name)).toList();
        assertEquals(1, found.size(), name);
        return found.get(0);
    }

    /** Logs in over TCP, sends one Originate and reads events until the last Hangup of {@code lastHangupOf}. */
    private static List<AmiMessage> originate(WakeupResponder.Behaviour b, String lastHangupOf) throws Exception {
        Clock clock = Clock.systemUTC();
        try (AmiServer server = new AmiServer("u", "s", clock);
             WakeupResponder phones = new WakeupResponder(server, clock, ZoneId.of("UTC"), e -> b)) {
            phones.answerAfter(java.time.Duration.ofMillis(200));
            phones.messageLasts(java.time.Duration.ofMillis(300));
            server.setOriginateHandler(phones);
            try (Socket s = new Socket("127.0.0.1", server.start(0))) {
                s.setSoTimeout(10_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = s.getOutputStream();
                in.readLine(); // banner
                out.write("Action: Login\r\nActionID: l\r\nUsername: u\r\nSecret: s\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                readMessage(in); // Success
                readMessage(in); // FullyBooted
                out.write(("Action: Originate\r\nActionID: my-action-7\r\nChannel: SIP/305\r\nContext: wakeup\r\nExten: s\r\n"
                        + "Priority: 1\r\nTimeout: 1000\r\nCallerID: \"Morning Call\" <8999>\r\nVariable: WAKEUP_ROOM=808\r\n"
                        + "Async: true\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                AmiMessage queued = readMessage(in);
                assertEquals("Originate successfully queued", queued.get("Message"));
                assertEquals("my-action-7", queued.get("ActionID"));
                List<AmiMessage> events = new ArrayList<>();
                while (true) {
                    AmiMessage m = readMessage(in);
                    events.add(m);
                    if (m.isEvent("Cdr") && m.get("Channel").startsWith(lastHangupOf) && !lastHangupOf.startsWith("SIP")
                            || m.isEvent("Hangup") && lastHangupOf.startsWith("SIP") && m.get("Channel").startsWith(lastHangupOf)) {
                        return events;
                    }
                }
            }
        }
    }

    private static AmiMessage readMessage(BufferedReader in) throws Exception {
        StringBuilder sb = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            sb.append(line).append("\r\n");
        }
        return AmiMessage.parse(sb.toString());
    }
}
