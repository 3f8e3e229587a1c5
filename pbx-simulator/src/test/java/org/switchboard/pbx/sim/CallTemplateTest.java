package org.switchboard.pbx.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallTemplateTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static List<AmiMessage> flat(List<CallTemplate.ScheduledBurst> bursts) {
        return bursts.stream().flatMap(b -> b.events().stream()).toList();
    }

    @Test
    void aRenderedCallHasTheRecordedEventsInTheRecordedOrder() {
        Transcript recorded = Transcript.fromResource("outbound_national_trunk_hangup");
        List<CallTemplate.ScheduledBurst> call = RecordedCalls.OUTBOUND_NATIONAL.template().render(
                Instant.parse("2026-11-23T01:00:00Z"), Duration.ofSeconds(7), Duration.ofSeconds(42),
                Map.of("caller", "305", "callerName", "Room 305", "dialled", "0298765432", "trunkDigits", "298765432",
                        "trunkPeer", "trunk"), new AtomicLong(0x200)::getAndIncrement, SHANGHAI);
        List<String> recordedNames = recorded.events().stream().map(e -> e.message().eventName()).toList();
        List<String> renderedNames = flat(call).stream().map(AmiMessage::eventName).toList();
        assertEquals(recordedNames, renderedNames);
        for (int i = 0; i < recorded.size(); i++) {
            List<String> recordedHeaders = recorded.events().get(i).message().headers().stream()
                    .map(AmiMessage.Header::name).toList();
            assertEquals(recordedHeaders, flat(call).get(i).headers().stream().map(AmiMessage.Header::name).toList(),
                    "same fields in the same order in event " + i);
        }
    }

    @Test
    void identitiesTimesAndCdrAreRewrittenConsistently() {
        List<CallTemplate.ScheduledBurst> call = RecordedCalls.OUTBOUND_NATIONAL.template().render(
                Instant.parse("2026-11-23T01:00:00Z"), Duration.ofSeconds(7), Duration.ofSeconds(42),
                Map.of("caller", "305", "callerName", "Room 305", "dialled", "0298765432", "trunkDigits", "298765432",
                        "trunkPeer", "trunk"), new AtomicLong(0x200)::getAndIncrement, SHANGHAI);
        assertEquals(3, call.size());
        assertEquals(Duration.ofSeconds(7).toMillis(),
                Duration.between(call.get(0).at(), call.get(1).at()).toMillis(), 5);
        List<AmiMessage> events = flat(call);
        AmiMessage first = events.get(0);
        assertEquals("SIP/305-00000200", first.get("Channel"));
        assertEquals("0298765432", first.get("Exten"));
        assertEquals("1795395600.512", first.get("Uniqueid"));
        AmiMessage dialBegin = events.stream().filter(m -> m.isEvent("DialBegin")).findFirst().orElseThrow();
        assertEquals("trunk/298765432", dialBegin.get("DialString"));
        AmiMessage cdr = events.stream().filter(m -> m.isEvent("Cdr")).findFirst().orElseThrow();
        assertEquals("305", cdr.get("Source"));
        assertEquals("0298765432", cdr.get("Destination"));
        assertEquals("42", cdr.get("BillableSeconds"));
        assertEquals("2026-11-23 09:00:07", cdr.get("AnswerTime"), "CDR times in the PBX's zone");
        assertTrue(events.stream().noneMatch(m -> m.toWire().contains("1795420327")), "no recorded Uniqueid left");
        assertTrue(events.stream().noneMatch(m -> m.toWire().contains("Room 102")), "no recorded caller left");
        assertFalse(events.stream().anyMatch(m -> m.toWire().contains("612345678\r\n")
                && !m.toWire().contains("298765432")), "no recorded trunk digits left");
    }
}
