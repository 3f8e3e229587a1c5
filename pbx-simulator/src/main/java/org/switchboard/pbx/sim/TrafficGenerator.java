package org.switchboard.pbx.sim;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Realistic hotel traffic for the demo and for load tests: rooms calling out (local, national,
 * international), room-to-room calls, outside callers reaching the front desk, operator and other
 * staff phones with varying ring times, some never answered, some busy. Every call is rendered from a
 * recorded Asterisk call ({@link RecordedCalls}), so the events are exactly Asterisk's.
 * One background thread sends the bursts when due.
 */
public final class TrafficGenerator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrafficGenerator.class);

    /**
     * What the simulated hotel looks like: room and staff extensions with their caller-id names,
     * the trunk's SIP peer name, the DID outside callers dial, and the PBX's time zone (CDR times).
     */
    public record Hotel(List<String> rooms, List<String> staff, Map<String, String> names, String trunkPeer,
                        String did, ZoneId pbxZone, List<List<String>> ringGroups) {
        public Hotel {
            if (rooms.size() < 2 || staff.isEmpty()) {
                throw new IllegalArgumentException("a simulated hotel needs at least 2 rooms and 1 staff extension");
            }
            rooms = List.copyOf(rooms);
            staff = List.copyOf(staff);
            names = Map.copyOf(names);
            ringGroups = ringGroups.stream().map(List::copyOf).toList();
        }

        public Hotel(List<String> rooms, List<String> staff, Map<String, String> names, String trunkPeer, String did,
                     ZoneId pbxZone) {
            this(rooms, staff, names, trunkPeer, did, pbxZone, List.of());
        }
    }

    /**
     * One generated call, before rendering. {@code alsoRinging}: further extensions rung with the
     * callee as a ring group (the callee answers, if anyone does).
     */
    public record CallPlan(RecordedCalls pattern, Map<String, String> roles, Duration ring, Duration talk,
                           List<String> alsoRinging) {
        public CallPlan {
            alsoRinging = List.copyOf(alsoRinging);
        }

        public CallPlan(RecordedCalls pattern, Map<String, String> roles, Duration ring, Duration talk) {
            this(pattern, roles, ring, talk, List.of());
        }
    }

    private record Due(Instant at, long order, List<AmiMessage> events) {
    }

    private final AmiServer server;
    private final Hotel hotel;
    private final Clock clock;
    private final Random random;
    private final AtomicLong order = new AtomicLong();
    private final PriorityQueue<Due> timeline = new PriorityQueue<>(
            (a, b) -> a.at().equals(b.at()) ? Long.compare(a.order(), b.order()) : a.at().compareTo(b.at()));
    private volatile boolean running;
    private volatile boolean stampEvents;
    private Thread thread;
    private long callsStarted;

    public TrafficGenerator(AmiServer server, Hotel hotel, Clock clock, long seed) {
        this.server = server;
        this.hotel = hotel;
        this.clock = clock;
        this.random = new Random(seed);
    }

    /**
     * Gives every event the {@code Timestamp} header of its burst's planned time, as Asterisk does
     * with {@code timestampevents = yes}, so measured times are the planned ones to the microsecond.
     */
    public void stampEvents(boolean on) {
        stampEvents = on;
    }

    /** Starts a new call on average every {@code meanInterval} until closed. */
    public synchronized void start(Duration meanInterval) {
        running = true;
        thread = new Thread(() -> run(meanInterval), "pbx-simulator-traffic");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Duration meanInterval) {
        Instant nextCall = clock.instant();
        while (running) {
            Instant now = clock.instant();
            if (!now.isBefore(nextCall)) {
                schedule(render(nextPlan(), now));
                long meanMs = meanInterval.toMillis();
                nextCall = now.plusMillis((long) (-Math.log(1 - random.nextDouble()) * meanMs));
            }
            sendDue(now);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Queues the bursts of a rendered call for sending at their times. */
    public synchronized void schedule(List<CallTemplate.ScheduledBurst> bursts) {
        callsStarted++;
        for (CallTemplate.ScheduledBurst b : bursts) {
            List<AmiMessage> events = !stampEvents ? b.events() : b.events().stream()
                    .map(m -> m.withSecondHeader("Timestamp", Timestamps.epochMicros(b.at()))).toList();
            timeline.add(new Due(b.at(), order.getAndIncrement(), events));
        }
    }

    /** Sends every burst due at or before {@code now}; returns how many events were sent. */
    public int sendDue(Instant now) {
        int sent = 0;
        while (true) {
            Due due;
            synchronized (this) {
                due = timeline.peek();
                if (due == null || due.at().isAfter(now)) {
                    return sent;
                }
                timeline.poll();
            }
            server.broadcast(due.events());
            sent += due.events().size();
        }
    }

    public synchronized int pendingBursts() {
        return timeline.size();
    }

    public synchronized long callsStarted() {
        return callsStarted;
    }

    public List<CallTemplate.ScheduledBurst> render(CallPlan plan, Instant start) {
        CallTemplate template = plan.pattern().template();
        List<CallTemplate.ScheduledBurst> bursts = template.render(start, plan.ring(), plan.talk(), plan.roles(),
                server::nextChannelSequence, hotel.pbxZone());
        if (plan.alsoRinging().isEmpty()) {
            return bursts;
        }
        return RingGroup.addPhones(bursts, "SIP/" + plan.roles().get("callee"),
                plan.alsoRinging().stream().map(e -> "SIP/" + e).toList(), template.answered(), server::nextChannelSequence);
    }

    /** A random call with the hotel's mix of traffic. */
    public synchronized CallPlan nextPlan() {
        double p = random.nextDouble();
        String room = pick(hotel.rooms());
        if (p < 0.15) {
            return outbound(room, "0" + digits(8), RecordedCalls.OUTBOUND_NATIONAL); // local: 8 digits, no area code
        } else if (p < 0.27) {
            return outbound(room, "0" + (random.nextInt(8) + 1) + digits(8), RecordedCalls.OUTBOUND_NATIONAL);
        } else if (p < 0.35) {
            String intl = "00" + pick(List.of("44", "1", "81", "49", "852", "33")) + digits(9);
            return outbound(room, intl, RecordedCalls.OUTBOUND_INTERNATIONAL);
        } else if (p < 0.50) {
            String other = pick(hotel.rooms());
            while (other.equals(room)) {
                other = pick(hotel.rooms());
            }
            double q = random.nextDouble();
            RecordedCalls pattern = q < 0.6 ? RecordedCalls.INTERNAL_ANSWERED_CALLEE_HANGUP
                    : q < 0.8 ? RecordedCalls.INTERNAL_ANSWERED_CALLER_HANGUP
                    : q < 0.92 ? RecordedCalls.INTERNAL_NO_ANSWER : RecordedCalls.INTERNAL_BUSY;
            return new CallPlan(pattern, roles("caller", room, "callerName", name(room), "callee", other),
                    ringTime(pattern), talkTime());
        } else if (p < 0.60) {
            // A guest calls a staff phone (operator, housekeeping …) from the room.
            String staff = pick(hotel.staff());
            return new CallPlan(RecordedCalls.INTERNAL_ANSWERED_CALLEE_HANGUP,
                    roles("caller", room, "callerName", name(room), "callee", staff), ms(500, 6000), talkTime());
        } else {
            return inbound();
        }
    }

    /** An outside caller reaches a staff phone, or all phones of a ring group (one of them answers). */
    private CallPlan inbound() {
        String staff = pick(hotel.staff());
        List<String> others = List.of();
        if (!hotel.ringGroups().isEmpty() && random.nextDouble() < 0.4) {
            List<String> group = new java.util.ArrayList<>(
                    hotel.ringGroups().get(random.nextInt(hotel.ringGroups().size())));
            java.util.Collections.shuffle(group, random);
            staff = group.get(0);
            others = group.subList(1, group.size());
        }
        String caller = "49" + digits(8);
        double q = random.nextDouble();
        if (q < 0.15) {
            // The outside caller gives up while the staff phone rings (a missed call).
            return new CallPlan(RecordedCalls.INTERNAL_NO_ANSWER,
                    roles("caller", caller, "callerName", caller, "callee", staff,
                            "device:SIP/101", "SIP/" + hotel.trunkPeer()),
                    ms(6000, 20000), Duration.ZERO, others);
        }
        Duration ring = q < 0.65 ? ms(400, 3000) : ms(3000, 9000);
        return new CallPlan(RecordedCalls.INBOUND_TO_STAFF,
                roles("caller", caller, "callerName", "External Caller", "did", hotel.did(), "callee", staff,
                        "calleeName", name(staff), "trunkPeer", hotel.trunkPeer()), ring, talkTime(), others);
    }

    private CallPlan outbound(String room, String dialled, RecordedCalls pattern) {
        String trunkDigits = pattern == RecordedCalls.OUTBOUND_NATIONAL ? dialled.substring(1) : dialled;
        return new CallPlan(pattern, roles("caller", room, "callerName", name(room), "dialled", dialled,
                "trunkDigits", trunkDigits, "trunkPeer", hotel.trunkPeer()), ms(1500, 8000), talkTime());
    }

    private Duration ringTime(RecordedCalls pattern) {
        return switch (pattern) {
            case INTERNAL_NO_ANSWER -> ms(6000, 15000);
            case INTERNAL_BUSY -> ms(300, 1500);
            default -> ms(800, 7000);
        };
    }

    private Duration talkTime() {
        return ms(4000, 50000);
    }

    private Duration ms(int min, int max) {
        return Duration.ofMillis(min + random.nextInt(max - min));
    }

    private String digits(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? 1 + random.nextInt(9) : random.nextInt(10));
        }
        return sb.toString();
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String name(String extension) {
        return hotel.names().getOrDefault(extension, "Room " + extension);
    }

    private static Map<String, String> roles(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log.info("traffic generator stopped after {} calls", callsStarted());
    }
}
