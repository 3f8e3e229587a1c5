package org.switchboard.pbx.sim;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated rooms' side of wake-up calls: answers the daemon's {@code Originate} like Asterisk
 * ("Originate successfully queued") and then plays one of the recorded wake-up calls for the dialled
 * phone — answered, not answered (rings for the Originate's Timeout; no DialEnd, OutgoingSpoolFailed),
 * busy — with the Originate's ActionID, caller id and WAKEUP_ROOM. What each phone does is chosen by a
 * rule, or scripted attempt by attempt for tests. Counts how many calls ring at once.
 */
public final class WakeupResponder implements AmiServer.OriginateHandler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WakeupResponder.class);
    private static final Pattern CALLER_ID = Pattern.compile("\\s*\"?([^\"<]*?)\"?\\s*<([^>]*)>\\s*");
    private static final Duration BUSY_AFTER = Duration.ofMillis(1007); // as recorded

    /** What a phone does when rung. HANG_UP_AT_ONCE: answered and dropped within half a second. */
    public enum Behaviour { ANSWER, NO_ANSWER, BUSY, HANG_UP_AT_ONCE }

    private final AmiServer server;
    private final Clock clock;
    private final ZoneId pbxZone;
    private final Function<String, Behaviour> rule;
    private final Map<String, Deque<Behaviour>> scripts = new HashMap<>();
    private final List<String> dialled = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pbx-simulator-wakeups");
        t.setDaemon(true);
        return t;
    });
    private volatile Duration answerAfter = Duration.ofSeconds(3);
    private volatile Duration message = Duration.ofMillis(3428); // Answer, Wait(1), Playback(hello-world), Wait(1)
    private volatile boolean stampEvents;
    private int ringing;
    private int maxRinging;

    /** {@code rule}: what the phone of an extension does when no script says otherwise. */
    public WakeupResponder(AmiServer server, Clock clock, ZoneId pbxZone, Function<String, Behaviour> rule) {
        this.server = server;
        this.clock = clock;
        this.pbxZone = pbxZone;
        this.rule = rule;
    }

    /** The next Originates to {@code extension} get these behaviours, in order; then the rule again. */
    public synchronized void script(String extension, Behaviour... behaviours) {
        scripts.computeIfAbsent(extension, e -> new ArrayDeque<>()).addAll(List.of(behaviours));
    }

    /** How long an answering phone rings first (default 3 s, as recorded). */
    public void answerAfter(Duration d) {
        answerAfter = d;
    }

    /** How long the wake-up message runs once answered (default as recorded, 3.4 s). */
    public void messageLasts(Duration d) {
        message = d;
    }

    /** Adds the {@code Timestamp} header of timestampevents=yes. */
    public void stampEvents(boolean on) {
        stampEvents = on;
    }

    @Override
    public String originate(AmiMessage action) {
        String channel = action.get("Channel");
        int slash = channel == null ? -1 : channel.indexOf('/');
        if (slash < 0 || !"async".equals(asyncFlag(action))) {
            return null; // the daemon only sends async Originates to a device
        }
        String extension = channel.substring(slash + 1);
        Behaviour b = next(extension);
        String actionId = action.get("ActionID");
        Map<String, String> variables = variables(action);
        Matcher cid = CALLER_ID.matcher(action.get("CallerID") == null ? "" : action.get("CallerID"));
        Map<String, String> roles = new HashMap<>();
        roles.put("room", extension);
        roles.put("roomName", "Room " + extension);
        roles.put("cidName", cid.matches() ? cid.group(1) : "Wake-up Service");
        roles.put("cidNum", cid.matches() ? cid.group(2) : "9000");
        roles.put("device:SIP/" + template(b).roleValue("room"), channel);
        long timeoutMs = parseLong(action.get("Timeout"), 30_000);
        Duration ring = switch (b) {
            case ANSWER, HANG_UP_AT_ONCE -> answerAfter;
            case NO_ANSWER -> Duration.ofMillis(timeoutMs);
            case BUSY -> BUSY_AFTER;
        };
        Duration talk = b == Behaviour.HANG_UP_AT_ONCE ? Duration.ofMillis(300) : message;
        Instant start = clock.instant().plusMillis(3); // after the response, as recorded
        List<CallTemplate.ScheduledBurst> bursts = template(b).template().render(start, ring, talk, roles,
                server::nextChannelSequence, pbxZone);
        dialled.add(channel);
        began();
        for (int i = 0; i < bursts.size(); i++) {
            CallTemplate.ScheduledBurst burst = bursts.get(i);
            List<AmiMessage> events = burst.events().stream()
                    .map(m -> fill(m, actionId, variables, burst.at())).toList();
            boolean last = i == bursts.size() - 1;
            long delay = Math.max(0, Duration.between(clock.instant(), burst.at()).toNanos());
            sender.schedule(() -> {
                server.broadcast(events);
                if (last) {
                    ended();
                }
            }, delay, TimeUnit.NANOSECONDS);
        }
        log.debug("wake-up Originate to {}: {}", channel, b);
        return "Originate successfully queued";
    }

    private AmiMessage fill(AmiMessage m, String actionId, Map<String, String> variables, Instant at) {
        AmiMessage out = m;
        if (out.get("ActionID") != null && actionId != null) {
            out = out.with("ActionID", actionId);
        }
        if (out.isEvent("VarSet") && "WAKEUP_ROOM".equals(out.get("Variable")) && !variables.isEmpty()) {
            // The recording's one Originate variable stands for whatever variable this Originate set.
            Map.Entry<String, String> v = variables.entrySet().iterator().next();
            out = out.with("Variable", v.getKey()).with("Value", v.getValue());
        }
        return stampEvents ? out.withSecondHeader("Timestamp", Timestamps.epochMicros(at)) : out;
    }

    private synchronized Behaviour next(String extension) {
        Deque<Behaviour> s = scripts.get(extension);
        return s != null && !s.isEmpty() ? s.poll() : rule.apply(extension);
    }

    private static RecordedCalls template(Behaviour b) {
        return switch (b) {
            case ANSWER, HANG_UP_AT_ONCE -> RecordedCalls.WAKEUP_ANSWERED;
            case NO_ANSWER -> RecordedCalls.WAKEUP_NO_ANSWER;
            case BUSY -> RecordedCalls.WAKEUP_BUSY;
        };
    }

    private static String asyncFlag(AmiMessage action) {
        String a = action.get("Async");
        return a != null && (a.equalsIgnoreCase("true") || a.equalsIgnoreCase("yes") || a.equals("1")) ? "async" : "";
    }

    /** {@code Variable: NAME=value} headers (one or several, or comma-separated). */
    private static Map<String, String> variables(AmiMessage action) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (AmiMessage.Header h : action.headers()) {
            if (h.name().equalsIgnoreCase("Variable")) {
                for (String part : h.value().split(",")) {
                    int eq = part.indexOf('=');
                    if (eq > 0) {
                        out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
                    }
                }
            }
        }
        return out;
    }

    private static long parseLong(String s, long fallback) {
        try {
            return s == null ? fallback : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private synchronized void began() {
        ringing++;
        maxRinging = Math.max(maxRinging, ringing);
    }

    private synchronized void ended() {
        ringing--;
    }

    /** The most wake-up calls in progress at once so far. */
    public synchronized int maxConcurrent() {
        return maxRinging;
    }

    /** Dial strings of every Originate answered, in order of arrival. */
    public List<String> dialled() {
        synchronized (dialled) {
            return List.copyOf(dialled);
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
