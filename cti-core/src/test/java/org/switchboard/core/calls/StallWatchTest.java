package org.switchboard.core.calls;

import org.junit.jupiter.api.Test;
import org.switchboard.core.calls.application.StallWatch;
import org.switchboard.core.calls.model.CallAssembler;
import org.switchboard.core.calls.model.CallSummarizer;
import org.switchboard.core.calls.model.CompletedCall;
import org.switchboard.core.calls.model.Completeness;
import org.switchboard.core.calls.model.TimeSource;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Trunk;
import org.switchboard.pbx.event.EventTime;
import org.switchboard.pbx.event.PbxEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 60 s freeze of the process and a jump of the wall clock, driven through the watch's own clocks: the window is
 * found, a call timed by arrival across it is stored ARRIVAL_UNSURE (its charge provisional), and takes its CDR's
 * times when the Cdr event comes; a call beside the window keeps its own.
 */
class StallWatchTest {

    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    final AtomicReference<Instant> wall = new AtomicReference<>(T0);
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return wall.get();
        }
    };

    private void pass(Duration monotonic, Duration wallTime, StallWatch watch) {
        nanos.addAndGet(monotonic.toNanos());
        wall.updateAndGet(w -> w.plus(wallTime));
        watch.tick();
    }

    @Test
    void aFreezeAndAClockJumpAreFoundAndOnlyTheirWindowsMarked() {
        StallWatch watch = new StallWatch(clock, nanos::get);
        for (int i = 0; i < 8; i++) {
            pass(Duration.ofMillis(250), Duration.ofMillis(250), watch); // a busy box: ticks late by ms, not seconds
        }
        assertFalse(watch.overlap(T0, T0.plusSeconds(2)));
        pass(Duration.ofSeconds(60), Duration.ofSeconds(60), watch); // frozen 02:00:02 → 02:01:02
        assertTrue(watch.overlap(T0.plusSeconds(30), T0.plusSeconds(40)), "a call inside the freeze");
        assertTrue(watch.overlap(T0, T0.plusSeconds(5)), "a call ending in it");
        assertFalse(watch.overlap(T0.plusSeconds(70), T0.plusSeconds(90)), "a call after it");

        pass(Duration.ofMillis(250), Duration.ofMinutes(-30), watch); // the clock set back half an hour
        Instant back = wall.get();
        assertTrue(watch.overlap(back.plusSeconds(60), back.plusSeconds(61)), "the half hour lived twice");
    }

    @Test
    void aCallTimedByArrivalAcrossAFreezeIsUnsureUntilItsCdrGivesTheTimes() {
        StallWatch watch = new StallWatch(clock, nanos::get);
        pass(Duration.ofMillis(250), Duration.ofMillis(250), watch);
        pass(Duration.ofSeconds(60), Duration.ofSeconds(60), watch); // frozen over the call's end
        CallAssembler assembler = new CallAssembler(new CallSummarizer(new Directory(Map.of(), Map.of(),
                List.of(new Trunk("pstn", "SIP/trunk"))), ZoneOffset.UTC, watch), Duration.ZERO);

        CompletedCall unsure = call(assembler, "1.1", false);
        assertEquals(TimeSource.ARRIVAL_UNSURE, unsure.timeSource());
        assertTrue(unsure.completeness().guessed(unsure.timeSource()), "its charge is provisional");

        CompletedCall corrected = call(assembler, "2.1", true);
        assertEquals(TimeSource.CDR, corrected.timeSource());
        assertEquals(Duration.ofSeconds(20), corrected.talk(), "the CDR's billsec, not the arrival-timed 61 s");
        assertEquals(Completeness.COMPLETE, corrected.completeness());
        assertFalse(corrected.completeness().guessed(corrected.timeSource()));
    }

    /** 101 calls out on the trunk from 02:00:01, answered at :05, the hang-up read after the freeze (arrival times). */
    private static CompletedCall call(CallAssembler assembler, String id, boolean withCdr) {
        String callee = id.replace(".1", ".2");
        EventTime start = EventTime.arrival(T0.plusSeconds(1));
        EventTime answer = EventTime.arrival(T0.plusSeconds(5));
        EventTime end = EventTime.arrival(T0.plusSeconds(66));
        assembler.accept(new PbxEvent.ChannelCreated(start, id, id, "SIP/101-01", "101", "Room 101", "hotel", "0612345678"), T0);
        assembler.accept(new PbxEvent.ChannelCreated(start, callee, id, "SIP/trunk-02", "", "", "hotel", ""), T0);
        assembler.accept(new PbxEvent.DialStarted(start, id, callee, id, "SIP/trunk-02", "trunk/612345678"), T0);
        assembler.accept(new PbxEvent.DialEnded(answer, id, callee, id, "ANSWER"), T0);
        assembler.accept(new PbxEvent.ChannelHungUp(end, callee, id, "SIP/trunk-02", 16, "Normal Clearing"), T0);
        assembler.accept(new PbxEvent.ChannelHungUp(end, id, id, "SIP/101-01", 16, "Normal Clearing"), T0);
        if (withCdr) {
            assembler.accept(new PbxEvent.CdrReported(end, id, "101", "0612345678", "hotel", "SIP/101-01",
                    "SIP/trunk-02", "Dial", "SIP/trunk/612345678,60", T0.plusSeconds(1), T0.plusSeconds(5),
                    T0.plusSeconds(25), 24, 20, "ANSWERED"), T0);
        }
        List<CompletedCall> done = assembler.collectCompleted(T0.plusSeconds(3600));
        assertEquals(1, done.size());
        return done.get(0);
    }
}
