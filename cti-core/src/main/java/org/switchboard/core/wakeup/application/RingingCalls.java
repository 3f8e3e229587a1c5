package org.switchboard.core.wakeup.application;

import org.switchboard.pbx.event.PbxEvent;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wake-up attempts ringing now, found by the Originate action id, the room's extension, and the room
 * channel's unique id once its {@code WAKEUP_ROOM} variable names it; their ring and answer times filled in
 * from the PBX's dial events. On the wake-up caller's thread only.
 */
final class RingingCalls {

    private final Map<String, RingingAttempt> byActionId = new LinkedHashMap<>();
    private final Map<String, RingingAttempt> byExtension = new HashMap<>();
    private final Map<String, RingingAttempt> byUniqueId = new HashMap<>();

    void add(RingingAttempt r) {
        byActionId.put(r.actionId, r);
        byExtension.put(r.w.call().extension(), r);
    }

    void remove(RingingAttempt r) {
        byActionId.remove(r.actionId);
        byExtension.remove(r.w.call().extension());
        if (r.uniqueId != null) {
            byUniqueId.remove(r.uniqueId);
        }
    }

    int size() {
        return byActionId.size();
    }

    boolean ringing(String extension) {
        return byExtension.containsKey(extension);
    }

    Optional<RingingAttempt> byActionId(String actionId) {
        return Optional.ofNullable(actionId == null ? null : byActionId.get(actionId));
    }

    List<RingingAttempt> all() {
        return List.copyOf(byActionId.values());
    }

    /** The link dropped: every attempt is out of sight from {@code at}; returns their rooms. */
    List<String> outOfSight(Instant at) {
        byActionId.values().forEach(r -> r.outOfSightSince = at);
        return byActionId.values().stream().map(r -> r.w.call().room()).toList();
    }

    /**
     * The PBX's live channels after a login: an attempt out of sight whose room channel is among them is followed
     * on (answered meanwhile if the channel is up); the others ended while the link was down and are returned.
     */
    List<RingingAttempt> resync(PbxEvent.ChannelSnapshot snapshot) {
        List<RingingAttempt> gone = new java.util.ArrayList<>();
        for (RingingAttempt r : all()) {
            if (r.outOfSightSince == null) {
                continue;
            }
            Optional<PbxEvent.ActiveChannel> live = snapshot.channels().stream()
                    .filter(c -> c.uniqueId().equals(r.uniqueId)).findFirst();
            if (live.isEmpty()) {
                gone.add(r);
                continue;
            }
            r.outOfSightSince = null;
            if ("Up".equalsIgnoreCase(live.get().state()) && r.answeredAt == null) {
                r.success = true; // answered while we could not see it
                r.answeredAt = snapshot.time().instant().minusSeconds(live.get().ageSeconds());
            }
        }
        return gone;
    }

    /** Follows a channel event; the attempt whose room channel hung up, if {@code e} says so. */
    Optional<RingingAttempt> follow(PbxEvent e) {
        if (e instanceof PbxEvent.VariableSet v) {
            byActionId.values().stream().filter(r -> r.w.call().room().equals(v.value()) && r.uniqueId == null)
                    .findFirst().ifPresent(r -> {
                        r.uniqueId = v.uniqueId();
                        byUniqueId.put(v.uniqueId(), r);
                    });
        } else if (e instanceof PbxEvent.DialProgressed d) {
            RingingAttempt r = byUniqueId.get(d.destUniqueId());
            if (r != null && "RINGING".equals(d.status()) && r.ringingAt == null) {
                r.ringingAt = d.time().instant();
            }
        } else if (e instanceof PbxEvent.DialEnded d) {
            RingingAttempt r = byUniqueId.get(d.destUniqueId());
            if (r != null && "ANSWER".equals(d.status())) {
                r.answeredAt = d.time().instant();
            }
        } else if (e instanceof PbxEvent.ChannelHungUp h) {
            RingingAttempt r = byUniqueId.get(h.uniqueId());
            if (r != null) {
                r.hungUpAt = h.time().instant();
                r.channel = r.channel == null ? h.channel() : r.channel;
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
