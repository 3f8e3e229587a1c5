package org.switchboard.pbx.ami;

import org.junit.jupiter.api.Test;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.sim.AmiMessage;
import org.switchboard.pbx.sim.AmiServer;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Capture slowed down on purpose behind a small queue, a million events sent as fast as TCP takes them: none is
 * dropped or reordered, and the link paused the socket (TCP held the PBX back) instead.
 */
class SlowCaptureTest {

    static final int EVENTS = 1_000_000;

    @Test
    void aSlowCaptureMakesTheLinkPauseTheSocketAndLosesNothing() throws Exception {
        try (AmiServer pbx = new AmiServer("cti", "cti-secret", Clock.systemUTC())) {
            int port = pbx.start(0);
            PbxEventQueue queue = new PbxEventQueue(1_000);
            AtomicLong next = new AtomicLong();
            AtomicLong outOfOrder = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            Thread capture = new Thread(() -> {
                List<PbxEvent> batch = new ArrayList<>();
                try {
                    while (!stop.get() && next.get() < EVENTS) {
                        batch.clear();
                        queue.drainTo(batch, 100);
                        for (PbxEvent e : batch) {
                            if (e instanceof PbxEvent.ChannelHungUp h
                                    && !h.uniqueId().equals("slow." + next.getAndIncrement())) {
                                outOfOrder.incrementAndGet();
                            }
                        }
                        Thread.sleep(1); // at most 100 events a millisecond: far slower than the socket
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "slow-capture");
            try (AmiLink link = new AmiLink(AmiLinkArrivalTimeTest.settings(port), queue, Clock.systemUTC())) {
                link.start();
                assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(20)));
                Thread.sleep(300);
                List<PbxEvent> before = new ArrayList<>();
                queue.drainTo(before, 100); // LinkUp, the re-sync
                capture.start();
                ByteArrayOutputStream chunk = new ByteArrayOutputStream();
                for (int i = 0; i < EVENTS; i++) {
                    chunk.writeBytes(AmiMessage.of("Event", "Hangup", "Channel", "SIP/101-1", "Uniqueid", "slow." + i,
                            "Linkedid", "slow." + i, "Cause", "16").toBytes());
                    if (chunk.size() > 64 * 1024) {
                        pbx.awaitWritable();
                        pbx.broadcastRaw(chunk.toByteArray());
                        chunk.reset();
                    }
                }
                pbx.broadcastRaw(chunk.toByteArray());
                capture.join(Duration.ofMinutes(5).toMillis());
                assertEquals(EVENTS, next.get(), "every event reached capture: " + link.counters());
                assertEquals(0, outOfOrder.get());
                assertTrue(link.counters().pauses() > 0, "the socket was paused: " + link.counters());
                assertEquals(0, link.counters().disconnects());
            } finally {
                stop.set(true);
            }
        }
    }
}
