package org.switchboard.pbx.ami;

import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.CdrEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DialEvent;
import org.asteriskjava.manager.event.DialStateEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewCallerIdEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.switchboard.pbx.event.EventTime;
import org.switchboard.pbx.event.PbxEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * Translates asterisk-java's mutable event beans into the link's own {@link PbxEvent}s, at the
 * module boundary. Events the capture does not need are counted by type and ignored. Runs on
 * asterisk-java's event thread, so it only copies fields: no I/O, no locks. Stateless apart from
 * the counters; thread-safe.
 */
public final class AmiEventTranslator {

    /** Dialplan variables worth passing on (the rest of VarSet is noise for the capture). */
    static final Set<String> VARIABLES = Set.of("WAKEUP_ROOM", "DIALEDTIME_MS", "ANSWEREDTIME_MS");
    private static final DateTimeFormatter CDR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId pbxZone;
    private final Clock clock;
    private final LinkCounters counters;

    public AmiEventTranslator(ZoneId pbxZone, Clock clock, LinkCounters counters) {
        this.pbxZone = pbxZone;
        this.clock = clock;
        this.counters = counters;
    }

    /** The project's event for this AMI event, or null if the capture does not need it. */
    public PbxEvent translate(ManagerEvent e) {
        PbxEvent out = doTranslate(e);
        if (out == null) {
            counters.ignored(e.getClass().getSimpleName());
        } else {
            counters.translated.increment();
        }
        return out;
    }

    private PbxEvent doTranslate(ManagerEvent e) {
        EventTime t = timeOf(e);
        if (e instanceof NewChannelEvent n) {
            return n.getUniqueId() == null ? null : new PbxEvent.ChannelCreated(t, n.getUniqueId(),
                    orSelf(n.getLinkedid(), n.getUniqueId()), n.getChannel(), clean(n.getCallerIdNum()),
                    clean(n.getCallerIdName()), n.getContext(), n.getExten());
        }
        if (e instanceof NewCallerIdEvent c) {
            return c.getUniqueId() == null ? null : new PbxEvent.CallerIdChanged(t, c.getUniqueId(),
                    orSelf(c.getLinkedId(), c.getUniqueId()), clean(c.getCallerIdNum()), clean(c.getCallerIdName()));
        }
        if (e instanceof NewStateEvent s) {
            return s.getUniqueId() == null ? null : new PbxEvent.ChannelStateChanged(t, s.getUniqueId(),
                    orSelf(s.getLinkedId(), s.getUniqueId()), s.getChannelStateDesc());
        }
        if (e instanceof DialBeginEvent d) {
            return d.getDestUniqueId() == null ? null : new PbxEvent.DialStarted(t, blankToNull(d.getUniqueId()),
                    d.getDestUniqueId(), orSelf(d.getDestLinkedId(), d.getDestUniqueId()), d.getDestChannel(),
                    d.getDialString());
        }
        if (e instanceof DialEndEvent d) {
            return d.getDestUniqueId() == null ? null : new PbxEvent.DialEnded(t, blankToNull(d.getUniqueId()),
                    d.getDestUniqueId(), orSelf(d.getDestLinkedId(), d.getDestUniqueId()), d.getDialStatus());
        }
        if (e instanceof DialEvent) {
            return null; // asterisk-java's legacy copy of every DialBegin
        }
        if (e instanceof DialStateEvent d) {
            return d.getDestUniqueId() == null ? null : new PbxEvent.DialProgressed(t, blankToNull(d.getUniqueId()),
                    d.getDestUniqueId(), orSelf(d.getDestLinkedId(), d.getDestUniqueId()), d.getDialStatus());
        }
        if (e instanceof BridgeEnterEvent b) {
            return b.getUniqueId() == null ? null : new PbxEvent.BridgeJoined(t, b.getBridgeUniqueId(),
                    b.getUniqueId(), orSelf(b.getLinkedId(), b.getUniqueId()));
        }
        if (e instanceof HangupEvent h) {
            return h.getUniqueId() == null ? null : new PbxEvent.ChannelHungUp(t, h.getUniqueId(),
                    orSelf(h.getLinkedId(), h.getUniqueId()), h.getChannel(), h.getCause(), h.getCauseTxt());
        }
        if (e instanceof CdrEvent c) {
            return c.getUniqueId() == null ? null : new PbxEvent.CdrReported(t, c.getUniqueId(), c.getSrc(),
                    c.getDestination(), c.getDestinationContext(), c.getChannel(), c.getDestinationChannel(),
                    c.getLastApplication(), c.getLastData(), cdrTime(c.getStartTime()), cdrTime(c.getAnswerTime()),
                    cdrTime(c.getEndTime()), c.getDuration(), c.getBillableSeconds(), c.getDisposition());
        }
        if (e instanceof VarSetEvent v) {
            return v.getUniqueId() == null || !VARIABLES.contains(v.getVariable()) ? null
                    : new PbxEvent.VariableSet(t, v.getUniqueId(), orSelf(v.getLinkedId(), v.getUniqueId()),
                    v.getVariable(), v.getValue());
        }
        if (e instanceof OriginateResponseEvent o) {
            return new PbxEvent.OriginateResult(t, o.getActionId(), o.isSuccess(), o.getReason(), o.getChannel(),
                    blankToNull(o.getUniqueId()));
        }
        return null;
    }

    /** A re-sync row from {@code CoreShowChannels}. */
    PbxEvent.ActiveChannel activeChannel(CoreShowChannelEvent c) {
        return new PbxEvent.ActiveChannel(c.getUniqueid(), orSelf(c.getLinkedid(), c.getUniqueid()), c.getChannel(),
                c.getChannelStateDesc(), clean(c.getCallerIdNum()), c.getExten(), c.getContext(),
                parseDuration(c.getDuration()), blankToNull(c.getBridgeid()));
    }

    List<PbxEvent.ActiveChannel> activeChannels(List<CoreShowChannelEvent> rows) {
        return rows.stream().filter(r -> r.getUniqueid() != null).map(this::activeChannel).toList();
    }

    EventTime timeOf(ManagerEvent e) {
        Double ts = e.getTimestamp();
        if (ts != null) {
            long micros = Math.round(ts * 1_000_000d);
            return EventTime.pbx(Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000));
        }
        // Our own arrival stamp: asterisk-java's dateReceived has only millisecond resolution.
        return EventTime.arrival(clock.instant());
    }

    private Instant cdrTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim(), CDR_TIME).atZone(pbxZone).toInstant();
        } catch (DateTimeParseException ex) {
            return null;
        }
    }

    static long parseDuration(String hhmmss) {
        if (hhmmss == null || hhmmss.isBlank()) {
            return 0;
        }
        try {
            String[] p = hhmmss.trim().split(":");
            long s = 0;
            for (String part : p) {
                s = s * 60 + Long.parseLong(part);
            }
            return s;
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    private static String orSelf(String linkedId, String uniqueId) {
        return linkedId == null || linkedId.isBlank() ? uniqueId : linkedId;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() || s.equals("<unknown>") ? null : s;
    }

    /** asterisk-java leaves Asterisk's "<unknown>" placeholder in caller-id fields. */
    private static String clean(String s) {
        return s == null || s.equals("<unknown>") ? null : s;
    }
}
