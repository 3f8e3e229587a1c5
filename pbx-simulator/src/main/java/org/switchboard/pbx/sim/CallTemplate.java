package org.switchboard.pbx.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recorded call turned into a pattern for new calls. The recording is cut into bursts at its
 * silences (set-up · ringing · talking · end); a new call keeps every event, header and order quirk
 * of the recording and changes only identities (extensions, numbers, channel names, Uniqueids,
 * bridge ids) and the two silences (ring time, talk time). CDR times, durations and the DIAL*TIME
 * variables are warped to match. Immutable and thread-safe.
 */
public final class CallTemplate {

    /** A silence longer than this separates two bursts. */
    private static final long BURST_GAP_MICROS = 300_000;
    /** The recording PBX ran on UTC (transcripts README); its CDR times are in that zone. */
    private static final ZoneId RECORDING_ZONE = ZoneOffset.UTC;
    private static final DateTimeFormatter CDR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter EVENT_TV = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final java.util.Set<String> FIXED_HEADERS = java.util.Set.of(
            "Event", "Privilege", "Uniqueid", "Linkedid", "DestUniqueid", "DestLinkedid", "UniqueID",
            "BridgeUniqueid", "SessionID", "EventTV", "SessionTV", "StartTime", "AnswerTime", "EndTime",
            "Duration", "BillableSeconds", "Uptime", "LastReload", "LocalAddress", "RemoteAddress",
            "ChannelState", "DestChannelState", "Priority", "DestPriority", "Cause", "Status", "Reason");

    private final String name;
    private final List<List<AmiMessage>> bursts;
    private final List<Long> burstStartMicros;
    private final List<Long> gapsMicros; // gapsMicros.get(k): silence before burst k+1
    private final Map<String, String> roleTokens; // recorded value -> role name
    private final Pattern tokenPattern; // any recorded value, as a whole word, longest first
    private final Instant recordedBase;

    private CallTemplate(String name, List<List<AmiMessage>> bursts, List<Long> burstStartMicros,
                         List<Long> gapsMicros, Map<String, String> roleTokens, Instant recordedBase) {
        this.name = name;
        this.bursts = bursts;
        this.burstStartMicros = burstStartMicros;
        this.gapsMicros = gapsMicros;
        this.roleTokens = roleTokens;
        this.tokenPattern = Pattern.compile("(?<![0-9A-Za-z])(" + String.join("|", roleTokens.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote).toList())
                + ")(?![0-9A-Za-z])");
        this.recordedBase = recordedBase;
    }

    /**
     * Builds a template from a transcript. {@code roleTokens} names the recorded values that stand
     * for roles, e.g. {@code "101" → "caller"}, {@code "0612345678" → "dialled"}; they are replaced
     * wherever they occur as whole numbers or words in a header value.
     */
    public static CallTemplate of(Transcript t, Map<String, String> roleTokens, Instant recordedStart) {
        List<List<AmiMessage>> bursts = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        List<Long> gaps = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        for (Transcript.TimedMessage tm : t.events()) {
            if (previous == Long.MIN_VALUE || tm.offsetMicros() - previous > BURST_GAP_MICROS) {
                if (previous != Long.MIN_VALUE) {
                    gaps.add(tm.offsetMicros() - previous);
                }
                bursts.add(new ArrayList<>());
                starts.add(tm.offsetMicros());
            }
            bursts.get(bursts.size() - 1).add(tm.message());
            previous = tm.offsetMicros();
        }
        if (bursts.size() < 2 || bursts.size() > 6) {
            throw new IllegalArgumentException(t.name() + ": expected 2 to 6 bursts (set-up, [answer, dialplan …], end),"
                    + " found " + bursts.size());
        }
        return new CallTemplate(t.name(), bursts.stream().map(List::copyOf).toList(), List.copyOf(starts),
                List.copyOf(gaps), Map.copyOf(roleTokens), recordedStart);
    }

    public String name() {
        return name;
    }

    /** True when the recording has a talk phase (set-up · answer · [dialplan steps] · end). */
    public boolean answered() {
        return bursts.size() >= 3;
    }

    /** A burst of events to be sent at one instant. */
    public record ScheduledBurst(Instant at, List<AmiMessage> events) {
    }

    /**
     * Renders a new call. {@code roles} gives each role's new value (devices such as {@code SIP/102}
     * follow their extension token unless a role {@code device:SIP/102} names another device); {@code sequence} supplies the global channel sequence numbers
     * Asterisk would use. Ring and talk replace the recording's two silences: ring runs from the
     * start of the set-up burst to the answer (or end) burst, talk from the answer burst to the end burst
     * (a recording with dialplan steps between them, such as a wake-up message, has its steps scaled alike).
     */
    public List<ScheduledBurst> render(Instant start, Duration ring, Duration talk, Map<String, String> roles,
                                       java.util.function.LongSupplier sequence, ZoneId pbxZone) {
        long ringMicros = ring.toNanos() / 1000;
        long talkMicros = answered() ? talk.toNanos() / 1000 : 0;
        long recordedTalkSpan = burstStartMicros.get(bursts.size() - 1) - burstStartMicros.get(1);
        // New start offset of every burst.
        List<Long> newStarts = new ArrayList<>();
        newStarts.add(0L);
        for (int k = 1; k < bursts.size(); k++) {
            // Ring and talk run from the start of one burst to the start of the next (never shorter than the burst).
            long recordedBurstLen = burstStartMicros.get(k) - gapsMicros.get(k - 1) - burstStartMicros.get(k - 1);
            long span = k == 1 ? ringMicros : Math.round((double) talkMicros
                    * (burstStartMicros.get(k) - burstStartMicros.get(k - 1)) / recordedTalkSpan);
            newStarts.add(newStarts.get(k - 1) + Math.max(recordedBurstLen, span));
        }
        Map<String, String> ids = new LinkedHashMap<>();
        String bridge = UUID.randomUUID().toString();
        for (List<AmiMessage> burst : bursts) {
            for (AmiMessage m : burst) {
                if (m.isEvent("Newchannel")) {
                    long seq = sequence.getAsLong();
                    String uid = (start.getEpochSecond()) + "." + seq;
                    ids.put(m.get("Uniqueid"), uid);
                    String channel = m.get("Channel");
                    int dash = channel.lastIndexOf('-');
                    if (dash > 0) {
                        String device = channel.substring(0, dash);
                        String newDevice = roles.getOrDefault("device:" + device, replaceTokens(device, Map.of(), roles));
                        ids.put(channel, newDevice + String.format("-%08x", seq));
                    }
                }
                if (m.get("BridgeUniqueid") != null) {
                    ids.put(m.get("BridgeUniqueid"), bridge);
                }
            }
        }
        List<ScheduledBurst> out = new ArrayList<>();
        for (int k = 0; k < bursts.size(); k++) {
            Instant at = start.plusNanos(newStarts.get(k) * 1000);
            List<AmiMessage> events = new ArrayList<>();
            for (AmiMessage m : bursts.get(k)) {
                events.add(rewrite(m, ids, roles, start, newStarts, ringMicros, talkMicros, pbxZone));
            }
            out.add(new ScheduledBurst(at, List.copyOf(events)));
        }
        return out;
    }

    private AmiMessage rewrite(AmiMessage m, Map<String, String> ids, Map<String, String> roles,
                               Instant start, List<Long> newStarts,
                               long ringMicros, long talkMicros, ZoneId zone) {
        String variable = m.get("Variable");
        return m.mapValues((header, value) -> {
            if (value.isEmpty()) {
                return value;
            }
            String mapped = ids.get(value);
            if (mapped != null) {
                return mapped;
            }
            switch (header) {
                case "StartTime", "AnswerTime", "EndTime":
                    return CDR_TIME.format(warpCdrSecond(LocalDateTime.parse(value, CDR_TIME).atZone(RECORDING_ZONE)
                            .toInstant(), start, newStarts).atZone(zone));
                case "EventTV", "SessionTV":
                    return EVENT_TV.format(warp(java.time.OffsetDateTime.parse(value, EVENT_TV).toInstant(),
                            start, newStarts).atOffset(ZoneOffset.UTC));
                case "Duration", "BillableSeconds":
                    return value; // fixed below from the warped CDR times
                case "Value":
                    return rewriteVariable(variable, value, ids, roles, ringMicros, talkMicros);
                default:
                    return FIXED_HEADERS.contains(header) ? value : replaceTokens(value, ids, roles);
            }
        }).transform(msg -> msg.isEvent("Cdr") ? fixCdrDurations(msg, zone) : msg);
    }

    private String rewriteVariable(String variable, String value, Map<String, String> ids, Map<String, String> roles,
                                   long ringMicros, long talkMicros) {
        long recordedRing = gapsMicros.get(0);
        long recordedTalk = gapsMicros.stream().skip(1).mapToLong(Long::longValue).sum();
        try {
            switch (variable == null ? "" : variable) {
                case "DIALEDTIME_MS":
                    return String.valueOf(Long.parseLong(value) + (ringMicros - recordedRing) / 1000
                            + (talkMicros - recordedTalk) / 1000);
                case "DIALEDTIME":
                    return String.valueOf(Math.max(0, Long.parseLong(value)
                            + Math.round(((ringMicros - recordedRing) + (talkMicros - recordedTalk)) / 1e6)));
                case "ANSWEREDTIME_MS":
                    return String.valueOf(Long.parseLong(value) + (talkMicros - recordedTalk) / 1000);
                case "ANSWEREDTIME":
                    return String.valueOf(Math.max(0, Long.parseLong(value) + Math.round((talkMicros - recordedTalk) / 1e6)));
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            return value;
        }
        if (variable != null && (variable.startsWith("RTPAUDIOQOS") || variable.endsWith("CALLID"))) {
            return value;
        }
        return replaceTokens(value, ids, roles);
    }

    /** Moves a recorded instant onto the new call's timeline, burst by burst. */
    private Instant warp(Instant recorded, Instant start, List<Long> newStarts) {
        long offset = Duration.between(recordedBase, recorded).toNanos() / 1000;
        int k = 0;
        while (k + 1 < burstStartMicros.size() && offset >= burstStartMicros.get(k + 1) - 999_999) {
            k++; // CDR times are truncated to the second: within a second of a burst counts as that burst
        }
        long within = offset - burstStartMicros.get(k);
        return start.plusNanos((newStarts.get(k) + within) * 1000);
    }

    /**
     * CDR times are whole seconds (truncated). Find the burst the recorded second belongs to and
     * truncate that burst's new time the same way, so an answer at x.004 s is written as x, as Asterisk does.
     */
    private Instant warpCdrSecond(Instant recordedSecond, Instant start, List<Long> newStarts) {
        long offset = Duration.between(recordedBase, recordedSecond).toNanos() / 1000;
        int k = 0;
        while (k + 1 < burstStartMicros.size() && offset >= burstStartMicros.get(k + 1) - 999_999) {
            k++;
        }
        Instant recordedBurst = recordedBase.plusNanos(burstStartMicros.get(k) * 1000);
        long secondsAfterBurstSecond = recordedSecond.getEpochSecond() - recordedBurst.getEpochSecond();
        Instant newBurst = start.plusNanos(newStarts.get(k) * 1000);
        return Instant.ofEpochSecond(newBurst.getEpochSecond() + secondsAfterBurstSecond);
    }

    private static AmiMessage fixCdrDurations(AmiMessage cdr, ZoneId zone) {
        LocalDateTime startT = LocalDateTime.parse(cdr.get("StartTime"), CDR_TIME);
        LocalDateTime endT = LocalDateTime.parse(cdr.get("EndTime"), CDR_TIME);
        String answer = cdr.get("AnswerTime");
        long duration = Duration.between(startT, endT).toSeconds();
        long billsec = answer == null || answer.isEmpty() ? 0
                : Duration.between(LocalDateTime.parse(answer, CDR_TIME), endT).toSeconds();
        return cdr.with("Duration", String.valueOf(duration)).with("BillableSeconds", String.valueOf(billsec));
    }

    /** Replaces ids, then every role token in one pass, so a new value is never replaced again. */
    private String replaceTokens(String value, Map<String, String> ids, Map<String, String> roles) {
        String out = value;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            if (out.contains(id.getKey())) {
                out = out.replace(id.getKey(), id.getValue());
            }
        }
        Matcher m = tokenPattern.matcher(out);
        if (!m.find()) {
            return out;
        }
        StringBuilder sb = new StringBuilder();
        do {
            String replacement = roles.get(roleTokens.get(m.group(1)));
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement == null ? m.group(1) : replacement));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
