package org.switchboard.benchmarks;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.switchboard.core.calls.model.CallAssembler;
import org.switchboard.core.calls.model.CallSummarizer;
import org.switchboard.core.directory.Directory;
import org.switchboard.pbx.ami.AmiLink;
import org.switchboard.pbx.ami.AmiSettings;
import org.switchboard.pbx.ami.PbxEventQueue;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.sim.AmiMessage;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.TrafficGenerator;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The AMI event stream read side by side, same bytes, same run, over loopback TCP from the simulator, no
 * database: (1) asterisk-java's reader (login with events, a counting listener), (2) our Netty event session
 * (frames, translation to {@code PbxEvent}, the capture queue, a counting consumer), (3) the same plus the call
 * assembler building the calls. Prints events/s for each and the heap after.
 */
public final class ParseBenchmark {

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Clock clock = Clock.systemUTC();
        List<String> rooms = new ArrayList<>();
        Directory directory = IngestBenchmark.hotel(rooms);
        try (AmiServer pbx = new AmiServer("bench", "bench-secret", clock)) {
            int port = pbx.start(0);
            TrafficGenerator gen = new TrafficGenerator(pbx, new TrafficGenerator.Hotel(rooms, List.of("8000", "9000"),
                    java.util.Map.of(), "trunk", "5550100", ZoneOffset.UTC), clock, 42);
            List<List<AmiMessage>> rendered = IngestBenchmark.render(gen, calls, clock.instant());
            long events = rendered.stream().mapToLong(List::size).sum();
            List<byte[]> wire = chunks(rendered);
            rendered = null; // only the bytes are kept
            System.out.printf("%d calls, %d AMI events, %.1f MB on the wire%n", calls, events,
                    wire.stream().mapToLong(b -> b.length).sum() / 1e6);
            // Round 1 runs while the JIT is still compiling the readers; the later rounds show them warm.
            for (int round = 1; round <= 3; round++) {
                System.out.printf("round %d%n", round);
                report("asterisk-java reader (events counted)", events, asteriskJava(pbx, port, wire, events));
                report("Netty session (frames → PbxEvent → queue)", events, netty(pbx, port, wire, events, null));
                report("Netty session + call assembly", events, netty(pbx, port, wire, events, directory));
            }
            System.gc();
            System.out.printf("RESULT heap used after the runs: %d MB%n",
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));
        }
    }

    private static List<byte[]> chunks(List<List<AmiMessage>> rendered) {
        List<byte[]> out = new ArrayList<>();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (List<AmiMessage> call : rendered) {
            for (AmiMessage m : call) {
                b.writeBytes(m.toBytes());
            }
            if (b.size() > 64 * 1024) {
                out.add(b.toByteArray());
                b.reset();
            }
        }
        out.add(b.toByteArray());
        return out;
    }

    private static long send(AmiServer pbx, List<byte[]> wire) throws InterruptedException {
        long t0 = System.nanoTime();
        for (byte[] chunk : wire) {
            pbx.awaitWritable();
            pbx.broadcastRaw(chunk);
        }
        return t0;
    }

    private static long asteriskJava(AmiServer pbx, int port, List<byte[]> wire, long events) throws Exception {
        ManagerConnection c = new ManagerConnectionFactory("127.0.0.1", port, "bench", "bench-secret")
                .createManagerConnection();
        AtomicLong seen = new AtomicLong();
        AtomicLong lastAt = new AtomicLong();
        c.addEventListener(e -> {
            seen.incrementAndGet();
            lastAt.set(System.nanoTime());
        });
        int logins = pbx.logins();
        c.login("on");
        pbx.awaitLogins(logins + 1, Duration.ofSeconds(20));
        Thread.sleep(500);
        long base = seen.get();
        long t0 = send(pbx, wire);
        long quietSince = System.nanoTime();
        long last = -1;
        while (seen.get() - base < events && System.nanoTime() - quietSince < 3_000_000_000L) {
            Thread.sleep(5);
            if (seen.get() != last) {
                last = seen.get();
                quietSince = System.nanoTime();
            }
        }
        long n = seen.get() - base;
        c.logoff();
        if (n < events) {
            System.out.printf("  (asterisk-java delivered %d of %d events to the listener)%n", n, events);
        }
        return lastAt.get() - t0;
    }

    private static long netty(AmiServer pbx, int port, List<byte[]> wire, long events, Directory directory)
            throws Exception {
        PbxEventQueue queue = new PbxEventQueue(200_000);
        AmiSettings settings = new AmiSettings("127.0.0.1", port, "bench", "bench-secret", ZoneOffset.UTC,
                Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofMillis(100),
                Duration.ofSeconds(1), 200_000);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong completed = new AtomicLong();
        CallAssembler assembler = directory == null ? null
                : new CallAssembler(new CallSummarizer(directory, ZoneOffset.UTC), Duration.ZERO);
        Thread consumer = new Thread(() -> {
            List<PbxEvent> batch = new ArrayList<>();
            while (!stop.get()) {
                batch.clear();
                // Blocks as the daemon's capture thread does: a spinning consumer would take a core of the two.
                PbxEvent first;
                try {
                    first = queue.poll(Duration.ofMillis(50));
                } catch (InterruptedException e) {
                    return;
                }
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 4095);
                if (assembler != null) {
                    Instant now = Instant.now();
                    batch.forEach(e -> assembler.accept(e, now));
                    completed.addAndGet(assembler.collectCompleted(now).size());
                }
            }
        }, "bench-capture");
        consumer.start();
        try (AmiLink link = new AmiLink(settings, queue, Clock.systemUTC())) {
            int logins = pbx.logins();
            link.start();
            pbx.awaitLogins(logins + 1, Duration.ofSeconds(20));
            Thread.sleep(500);
            long base = link.counters().received();
            long t0 = send(pbx, wire);
            while (link.counters().received() - base < events || queue.size() > 0) {
                Thread.sleep(1);
            }
            long took = System.nanoTime() - t0;
            if (assembler != null) {
                System.out.printf("  calls assembled: %d%n", completed.get());
            }
            return took;
        } finally {
            stop.set(true);
            consumer.join();
        }
    }

    private static void report(String what, long events, long nanos) {
        double s = nanos / 1e9;
        System.out.printf("RESULT %-45s %,d events in %.2f s: %,.0f events/s%n", what, events, s, events / s);
    }
}
