package org.switchboard.pbx.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows the channels that the simulated PBX has announced (Newchannel … Hangup) so that it can
 * answer {@code CoreShowChannels} the way Asterisk does after a client reconnects. Thread-safe.
 */
final class ChannelTracker {

    private record Live(AmiMessage lastChannelEvent, Instant createdAt, String bridgeId) {
    }

    private final Map<String, Live> live = new LinkedHashMap<>();
    private final Clock clock;

    ChannelTracker(Clock clock) {
        this.clock = clock;
    }

    synchronized void observe(AmiMessage event) {
        String name = event.eventName();
        String uniqueId = event.get("Uniqueid");
        if (name == null || uniqueId == null) {
            return;
        }
        switch (name) {
            case "Newchannel" -> live.put(uniqueId, new Live(event, clock.instant(), ""));
            case "Hangup" -> live.remove(uniqueId);
            case "Newstate", "NewCallerid", "NewConnectedLine", "Newexten" ->
                    live.computeIfPresent(uniqueId, (k, l) -> new Live(event, l.createdAt(), l.bridgeId()));
            case "BridgeEnter" -> live.computeIfPresent(uniqueId,
                    (k, l) -> new Live(l.lastChannelEvent(), l.createdAt(), event.get("BridgeUniqueid")));
            case "BridgeLeave" -> live.computeIfPresent(uniqueId,
                    (k, l) -> new Live(l.lastChannelEvent(), l.createdAt(), ""));
            default -> {
            }
        }
    }

    /** The live channels' names by Linkedid (the channels of one call share it). */
    synchronized Map<String, List<String>> channelsByCall() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Live l : live.values()) {
            String linked = l.lastChannelEvent().get("Linkedid");
            out.computeIfAbsent(linked == null ? "" : linked, k -> new ArrayList<>()).add(nz(l.lastChannelEvent().get("Channel")));
        }
        return out;
    }

    synchronized void clear() {
        live.clear();
    }

    /** The {@code CoreShowChannel} events, one a live channel, as Asterisk 20 formats them. */
    synchronized List<AmiMessage> coreShowChannels(String actionId) {
        List<AmiMessage> out = new ArrayList<>();
        Instant now = clock.instant();
        for (Live l : live.values()) {
            AmiMessage e = l.lastChannelEvent();
            long secs = Math.max(0, Duration.between(l.createdAt(), now).toSeconds());
            out.add(AmiMessage.of(
                    "Event", "CoreShowChannel",
                    "ActionID", actionId,
                    "Channel", nz(e.get("Channel")),
                    "ChannelState", nz(e.get("ChannelState")),
                    "ChannelStateDesc", nz(e.get("ChannelStateDesc")),
                    "CallerIDNum", nz(e.get("CallerIDNum")),
                    "CallerIDName", nz(e.get("CallerIDName")),
                    "ConnectedLineNum", nz(e.get("ConnectedLineNum")),
                    "ConnectedLineName", nz(e.get("ConnectedLineName")),
                    "Language", "en",
                    "AccountCode", "",
                    "Context", nz(e.get("Context")),
                    "Exten", nz(e.get("Exten")),
                    "Priority", nz(e.get("Priority")),
                    "Uniqueid", nz(e.get("Uniqueid")),
                    "Linkedid", nz(e.get("Linkedid")),
                    "Application", nz(e.get("Application")),
                    "ApplicationData", nz(e.get("AppData")),
                    "Duration", String.format("%02d:%02d:%02d", secs / 3600, (secs / 60) % 60, secs % 60),
                    "BridgeId", l.bridgeId()));
        }
        return out;
    }

    synchronized int size() {
        return live.size();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
