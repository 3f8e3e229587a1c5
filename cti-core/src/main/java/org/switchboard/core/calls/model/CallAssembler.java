package org.switchboard.core.calls.model;

import org.switchboard.pbx.event.PbxEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Assembles the legs of each call (by Linkedid) from PBX events and releases a call once all its
 * legs have hung up and a short grace period has passed — {@code Cdr} events can arrive after the
 * last {@code Hangup}. Handles link outages: legs that were up when the link dropped and are gone
 * from the re-sync snapshot are closed at the snapshot time; channels found up in a snapshot that
 * were never seen become calls joined in progress. Not thread-safe: one consumer thread owns it.
 */
public final class CallAssembler {

    /** Pseudo-channels without a technology prefix (e.g. Asterisk's {@code OutgoingSpoolFailed}). */
    private static boolean isPseudoChannel(String channel) {
        return channel == null || channel.indexOf('/') < 0;
    }

    private final CallSummarizer summarizer;
    private final Duration grace;
    private final Map<String, CallState> calls = new LinkedHashMap<>();
    private final Map<String, String> linkedIdByUniqueId = new HashMap<>();
    private final RecentIds finished = new RecentIds(50_000);
    private long orphanEvents;
    private long lateCdrs;
    private boolean outage;

    public CallAssembler(CallSummarizer summarizer, Duration grace) {
        this.summarizer = summarizer;
        this.grace = grace;
    }

    /** Applies one event; {@code receivedAt} is the local time it was taken from the queue. */
    public void accept(PbxEvent event, Instant receivedAt) {
        // Java 17: no pattern matching for switch yet, so an instanceof chain over the sealed type.
        if (event instanceof PbxEvent.ChannelCreated e) {
            channelCreated(e);
        } else if (event instanceof PbxEvent.CallerIdChanged e) {
            onLeg(e.uniqueId(), e, leg -> {
                leg.callerNum = e.callerNum();
                leg.callerName = e.callerName();
            });
        } else if (event instanceof PbxEvent.ChannelStateChanged e) {
            onLeg(e.uniqueId(), e, leg -> {
                if ("Ringing".equalsIgnoreCase(e.state()) && leg.ringingStateAt == null) {
                    leg.ringingStateAt = at(e);
                } else if ("Up".equalsIgnoreCase(e.state()) && leg.upAt == null) {
                    leg.upAt = at(e);
                }
            });
        } else if (event instanceof PbxEvent.BridgeJoined e) {
            onLeg(e.uniqueId(), e, leg -> {
                if (leg.bridgedAt == null) {
                    leg.bridgedAt = at(e);
                }
            });
        } else if (event instanceof PbxEvent.ChannelHungUp e) {
            onLeg(e.uniqueId(), e, leg -> {
                leg.hungUpAt = at(e);
                leg.cause = e.cause();
                leg.causeText = e.causeText();
                CallState call = callOf(e.uniqueId());
                if (call.allHungUp()) {
                    call.doneAt = receivedAt;
                }
            });
        } else if (event instanceof PbxEvent.CdrReported e) {
            cdr(e);
        } else if (event instanceof PbxEvent.VariableSet e) {
            onLeg(e.uniqueId(), e, leg -> {
                if ("WAKEUP_ROOM".equals(e.name())) {
                    callOf(e.uniqueId()).wakeupRoom = e.value();
                }
            });
        } else if (event instanceof PbxEvent.LinkDown) {
            linkDown();
        } else if (event instanceof PbxEvent.ChannelSnapshot e) {
            snapshot(e, receivedAt);
        } else {
            dialEvent(event); // and LinkUp and OriginateResult, which carry nothing the call record needs
        }
    }

    /** Dial events: the staff phone's ring start, answer and dial status. */
    private void dialEvent(PbxEvent event) {
        if (event instanceof PbxEvent.DialStarted e) {
            onLeg(e.destUniqueId(), e, leg -> {
                leg.dialString = e.dialString();
                leg.dialStartedAt = at(e);
                if (e.callerUniqueId() == null) {
                    callOf(e.destUniqueId()).originated = true;
                }
            });
        } else if (event instanceof PbxEvent.DialProgressed e) {
            onLeg(e.destUniqueId(), e, leg -> {
                if ("RINGING".equalsIgnoreCase(e.status()) && leg.ringStartedAt == null) {
                    leg.ringStartedAt = at(e);
                }
            });
        } else if (event instanceof PbxEvent.DialEnded e) {
            onLeg(e.destUniqueId(), e, leg -> {
                leg.dialStatus = e.status();
                leg.dialEndedAt = at(e);
                if ("ANSWER".equalsIgnoreCase(e.status())) {
                    leg.answeredAt = at(e);
                }
            });
        }
    }

    private CallState callOf(String uniqueId) {
        return calls.get(linkedIdByUniqueId.get(uniqueId));
    }

    private void channelCreated(PbxEvent.ChannelCreated e) {
        if (isPseudoChannel(e.channel()) || finished.contains(e.uniqueId())) {
            return;
        }
        CallState call = calls.get(e.linkedId());
        if (call == null) {
            call = new CallState(e.linkedId());
            if (!e.uniqueId().equals(e.linkedId())) {
                call.completeness = Completeness.JOINED_IN_PROGRESS; // its first channel predates us
            }
            calls.put(e.linkedId(), call);
        }
        LegRole role = e.uniqueId().equals(e.linkedId()) ? LegRole.CALLER : LegRole.CALLEE;
        LegState leg = new LegState(e.uniqueId(), e.channel(), role, at(e));
        leg.callerNum = e.callerNum();
        leg.callerName = e.callerName();
        leg.exten = e.exten();
        call.legs.put(e.uniqueId(), leg); // replaces a leg the snapshot listed before its Newchannel arrived
        call.arrivalTimes |= !e.time().fromPbx();
        call.doneAt = null;
        linkedIdByUniqueId.put(e.uniqueId(), e.linkedId());
        call.seenWholeAfterAll();
    }

    private void onLeg(String uniqueId, PbxEvent e, java.util.function.Consumer<LegState> change) {
        String linkedId = linkedIdByUniqueId.get(uniqueId);
        CallState call = linkedId == null ? null : calls.get(linkedId);
        LegState leg = call == null ? null : call.legs.get(uniqueId);
        if (leg == null) {
            orphanEvents++; // a channel we never saw created (pseudo-channel, or before the link came up)
            return;
        }
        call.arrivalTimes |= !e.time().fromPbx();
        change.accept(leg);
    }

    private void cdr(PbxEvent.CdrReported e) {
        String linkedId = linkedIdByUniqueId.getOrDefault(e.uniqueId(), e.uniqueId());
        CallState call = calls.get(linkedId);
        if (call != null) {
            call.cdrs.add(e);
        } else if (finished.contains(e.uniqueId())) {
            lateCdrs++;
        } else {
            orphanEvents++;
        }
    }

    private void linkDown() {
        outage = true;
        for (CallState call : calls.values()) {
            call.legs.values().forEach(leg -> leg.aliveAtOutage = !leg.hungUp());
        }
    }

    private void snapshot(PbxEvent.ChannelSnapshot e, Instant receivedAt) {
        Set<String> alive = e.channels().stream().map(PbxEvent.ActiveChannel::uniqueId).collect(Collectors.toSet());
        Instant now = e.time().instant();
        if (outage) {
            for (CallState call : calls.values()) {
                for (LegState leg : call.legs.values()) {
                    if (leg.aliveAtOutage && !leg.hungUp() && !alive.contains(leg.uniqueId)) {
                        leg.hungUpAt = now;
                        call.completeness = Completeness.ENDED_DURING_OUTAGE;
                    }
                    leg.aliveAtOutage = false;
                }
                if (call.doneAt == null && call.allHungUp()) {
                    call.doneAt = receivedAt;
                }
            }
            outage = false;
        }
        for (PbxEvent.ActiveChannel c : e.channels()) {
            if (linkedIdByUniqueId.containsKey(c.uniqueId()) || finished.contains(c.uniqueId())
                    || isPseudoChannel(c.channel())) {
                continue;
            }
            CallState call = calls.computeIfAbsent(c.linkedId(), CallState::new);
            call.completeness = Completeness.JOINED_IN_PROGRESS;
            LegRole role = c.uniqueId().equals(c.linkedId()) ? LegRole.CALLER : LegRole.CALLEE;
            LegState leg = new LegState(c.uniqueId(), c.channel(), role, now.minusSeconds(c.ageSeconds()));
            leg.fromSnapshot = true;
            leg.callerNum = c.callerNum();
            leg.exten = c.exten();
            if ("Up".equalsIgnoreCase(c.state())) {
                leg.upAt = now; // answered before we saw it: talk time counts from here (a lower bound)
                leg.answeredAt = role == LegRole.CALLEE ? now : null;
            }
            call.legs.put(c.uniqueId(), leg);
            linkedIdByUniqueId.put(c.uniqueId(), c.linkedId());
        }
    }

    /** Calls whose last leg hung up at least the grace period before {@code now}, removed from memory. */
    public List<CompletedCall> collectCompleted(Instant now) {
        List<CompletedCall> out = new ArrayList<>();
        Iterator<CallState> it = calls.values().iterator();
        while (it.hasNext()) {
            CallState call = it.next();
            if (call.doneAt != null && !call.doneAt.plus(grace).isAfter(now)) {
                it.remove();
                for (String uid : call.legs.keySet()) {
                    linkedIdByUniqueId.remove(uid);
                    finished.add(uid);
                }
                out.add(summarizer.summarize(call));
            }
        }
        return out;
    }

    public int callsInProgress() {
        return calls.size();
    }

    /** Events about channels never seen created (counted, not fatal). */
    public long orphanEvents() {
        return orphanEvents;
    }

    /** CDRs that arrived after their call had been released (their call is stored without them). */
    public long lateCdrs() {
        return lateCdrs;
    }

    private static Instant at(PbxEvent e) {
        return e.time().instant();
    }
}
