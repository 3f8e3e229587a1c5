package org.switchboard.pbx.ami;

import org.junit.jupiter.api.Test;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.sim.AmiMessage;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.Transcript;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A million frames over TCP, random and mutated from the recorded transcripts (fields dropped, identifiers
 * emptied, garbage lines, lines and messages over the limits, hundreds of fields): the link is never dropped,
 * every frame is accounted for (received or counted as malformed), retained memory stays small, and a
 * well-formed call sent afterwards arrives.
 */
class AmiStreamFuzzTest {

    static final int FRAMES = 1_000_000;
    static final List<String> SCENARIOS = List.of("inbound_trunk_to_operator", "internal_answered_callee_hangup",
            "internal_busy", "outbound_international_65s", "wakeup_answered");

    @Test
    void aMillionBadAndGoodFramesNeverDropTheLink() throws Exception {
        List<AmiMessage> recorded = new ArrayList<>();
        SCENARIOS.forEach(s -> Transcript.fromResource(s).events().stream().map(Transcript.TimedMessage::message)
                .filter(m -> m.eventName() != null).forEach(recorded::add));
        Random r = new Random(20261201);
        try (AmiServer pbx = new AmiServer("cti", "cti-secret", Clock.systemUTC())) {
            int port = pbx.start(0);
            PbxEventQueue queue = new PbxEventQueue(10_000);
            AtomicLong taken = new AtomicLong();
            AtomicBoolean sawTheLastCall = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            Thread capture = new Thread(() -> {
                List<PbxEvent> batch = new ArrayList<>();
                while (!stop.get()) {
                    batch.clear();
                    if (queue.drainTo(batch, 1000) == 0) {
                        Thread.onSpinWait();
                    }
                    taken.addAndGet(batch.size());
                    for (PbxEvent e : batch) {
                        if (e instanceof PbxEvent.ChannelHungUp h && h.uniqueId().equals("after-fuzz.1")) {
                            sawTheLastCall.set(true);
                        }
                    }
                }
            }, "fuzz-capture");
            capture.start();
            try (AmiLink link = new AmiLink(AmiLinkArrivalTimeTest.settings(port), queue, Clock.systemUTC())) {
                link.start();
                assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(20)));
                Thread.sleep(300);
                long before = link.counters().received(); // FullyBooted and the re-sync's answer
                ByteArrayOutputStream chunk = new ByteArrayOutputStream();
                for (int i = 0; i < FRAMES; i++) {
                    chunk.writeBytes(frame(r, recorded));
                    if (chunk.size() > 64 * 1024) {
                        pbx.awaitWritable();
                        pbx.broadcastRaw(chunk.toByteArray());
                        chunk.reset();
                    }
                }
                pbx.broadcastRaw(chunk.toByteArray());
                pbx.broadcast(List.of(AmiLinkArrivalTimeTest.newChannel("after-fuzz.1"),
                        AmiMessage.of("Event", "Hangup", "Channel", "SIP/101-00000001", "Uniqueid", "after-fuzz.1",
                                "Linkedid", "after-fuzz.1", "Cause", "16", "Cause-txt", "Normal Clearing")));
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (!sawTheLastCall.get() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                LinkCounters c = link.counters();
                long malformed = c.malformedByKind().values().stream().mapToLong(Long::longValue).sum();
                assertTrue(sawTheLastCall.get(), "the call after the fuzz arrived; " + c);
                assertEquals(1, c.logins(), "never logged in again: " + c);
                assertEquals(0, c.disconnects(), c.toString());
                assertTrue(link.isConnected());
                assertEquals(FRAMES + 2, c.received() - before + malformed, "every frame accounted for: " + c);
                assertTrue(malformed > 100_000 && c.refusedByReason().size() > 3, c.toString());
                stop.set(true);
                capture.join();
                System.gc();
                long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                assertTrue(retained < 256L * 1024 * 1024, "heap after the fuzz: " + retained / (1024 * 1024) + " MB");
            } finally {
                stop.set(true);
            }
        }
    }

    /** One frame: recorded as is, mutated, garbage, or over a limit; always ends in exactly one blank line. */
    static byte[] frame(Random r, List<AmiMessage> recorded) {
        int kind = r.nextInt(100);
        AmiMessage m = recorded.get(r.nextInt(recorded.size()));
        String wire;
        if (kind < 40) {
            wire = m.toWire();
        } else if (kind < 70) {
            wire = mutate(r, m).toWire();
        } else if (kind < 85) {
            StringBuilder g = new StringBuilder("Event: Garbage\r\n");
            for (int i = 0, n = 1 + r.nextInt(80); i < n; i++) {
                g.append((char) (' ' + r.nextInt(95))); // printable, maybe a ':' or none
            }
            wire = (r.nextBoolean() ? g.toString().replace(":", ";").replace("Event; Garbage", "Event: Garbage") + "\r\nnocolon"
                    : g.toString()) + "\r\n\r\n";
        } else if (kind < 92) {
            wire = "Event: Long\r\nValue: " + "L".repeat(9000 + r.nextInt(20_000)) + "\r\nMore: x\r\n\r\n";
        } else {
            StringBuilder many = new StringBuilder("Event: Many\r\n");
            for (int i = 0, n = 513 + r.nextInt(200); i < n; i++) {
                many.append("F").append(i).append(": v\r\n");
            }
            wire = many + "\r\n";
        }
        return wire.getBytes(StandardCharsets.UTF_8);
    }

    private static AmiMessage mutate(Random r, AmiMessage m) {
        return switch (r.nextInt(4)) {
            case 0 -> m.with("Uniqueid", "").with("DestUniqueid", "").with("UniqueID", "");
            case 1 -> m.mapValues((k, v) -> r.nextInt(4) == 0 ? "" : v);
            case 2 -> m.with("Timestamp", "not-a-time").with("Cause", "sixteen");
            default -> m.with("Event", r.nextBoolean() ? "Newchannel" : "Hangup").with("Linkedid", "");
        };
    }
}
