package org.switchboard.pbx.ami.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventTime;
import org.switchboard.pbx.event.PbxEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AMI events, as framed off the wire, into the link's own {@link PbxEvent}s, at the module boundary. Events the
 * capture does not need are counted by type; a type never seen before is said once in the log, not per event.
 * An event the capture needs but whose identifiers are empty or missing is refused here, counted by its reason,
 * so no call is ever keyed on {@code ''}. Runs on the event loop: copies fields, no I/O.
 */
public final class AmiFrameTranslator {

    private static final Logger log = LoggerFactory.getLogger(AmiFrameTranslator.class);
    /** Dialplan variables worth passing on (the rest of VarSet is noise for the capture). */
    static final Set<String> VARIABLES = Set.of("WAKEUP_ROOM", "DIALEDTIME_MS", "ANSWEREDTIME_MS");
    /** Known to be of no use to the capture: counted, never reported as unknown. */
    private static final Set<String> NOT_NEEDED = Set.of("VarSet", "DeviceStateChange", "Newexten", "ExtensionStatus",
            "NewConnectedLine", "SoftHangupRequest", "HangupRequest", "BridgeLeave", "BridgeCreate", "BridgeDestroy",
            "FullyBooted", "SuccessfulAuth", "Dial", "NewAccountCode", "Hold", "Unhold", "MusicOnHoldStart",
            "MusicOnHoldStop", "PeerStatus", "Registry", "RTCPSent", "RTCPReceived", "ChallengeSent", "Shutdown",
            "Reload", "LocalBridge", "ContactStatus", "DeviceStateListComplete");
    private static final DateTimeFormatter CDR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId pbxZone;
    private final Clock clock;
    private final StreamCounters counters;
    private final Map<String, Boolean> reported = new ConcurrentHashMap<>();
    private final UnknownFields unknownFields;

    public AmiFrameTranslator(ZoneId pbxZone, Clock clock, StreamCounters counters) {
        this.pbxZone = pbxZone;
        this.clock = clock;
        this.counters = counters;
        this.unknownFields = new UnknownFields(counters);
    }

    /** The project's event for this AMI event, or null if the capture does not need it (or refuses it). */
    public PbxEvent translate(AmiFrame f) {
        String type = f.event();
        PbxEvent out;
        try {
            out = type == null ? null : translate(type, f);
        } catch (MissingId e) {
            counters.refused(e.reason);
            return null;
        }
        if (out == null) {
            if (type != null) {
                counters.ignored(type);
                if (!NOT_NEEDED.contains(type) && reported.putIfAbsent(type, true) == null) {
                    log.info("AMI event type '{}' is not used by the capture; counted from now on, not reported again",
                            type);
                }
            }
        } else {
            counters.translated.increment();
            unknownFields.check(type, f);
        }
        return out;
    }

    private PbxEvent translate(String type, AmiFrame f) {
        EventTime t = timeOf(f);
        switch (type) {
            case "Newchannel": {
                String u = id(f, type, "Uniqueid");
                return new PbxEvent.ChannelCreated(t, u, orSelf(f.get("Linkedid"), u), f.get("Channel"),
                        clean(f.get("CallerIDNum")), clean(f.get("CallerIDName")), f.get("Context"), f.get("Exten"));
            }
            case "NewCallerid": {
                String u = id(f, type, "Uniqueid");
                return new PbxEvent.CallerIdChanged(t, u, orSelf(f.get("Linkedid"), u),
                        clean(f.get("CallerIDNum")), clean(f.get("CallerIDName")));
            }
            case "Newstate": {
                String u = id(f, type, "Uniqueid");
                return new PbxEvent.ChannelStateChanged(t, u, orSelf(f.get("Linkedid"), u),
                        f.get("ChannelStateDesc"));
            }
            case "DialBegin", "DialState", "DialEnd":
                return dial(type, f, t);
            case "BridgeEnter": {
                String u = id(f, type, "Uniqueid");
                return new PbxEvent.BridgeJoined(t, f.get("BridgeUniqueid"), u,
                        orSelf(f.get("Linkedid"), u));
            }
            case "Hangup": {
                String u = id(f, type, "Uniqueid");
                return new PbxEvent.ChannelHungUp(t, u, orSelf(f.get("Linkedid"), u), f.get("Channel"),
                        integer(f.get("Cause")), f.get("Cause-txt"));
            }
            case "Cdr":
                return cdr(type, f, t);
            case "VarSet": {
                String variable = f.get("Variable");
                if (variable == null || !VARIABLES.contains(variable)) {
                    return null;
                }
                String u = id(f, type, "Uniqueid");
                return new PbxEvent.VariableSet(t, u, orSelf(f.get("Linkedid"), u), variable,
                        f.get("Value"));
            }
            case "OriginateResponse":
                return new PbxEvent.OriginateResult(t, ownActionId(f.get("ActionID")), "Success".equalsIgnoreCase(f.get("Response")),
                        integer(f.get("Reason")), f.get("Channel"), blankToNull(f.get("Uniqueid")));
            default:
                return null;
        }
    }

    /** The dial of one staff or room phone: begin, ringing, end. */
    private PbxEvent dial(String type, AmiFrame f, EventTime t) {
        switch (type) {
            case "DialBegin": {
                String d = id(f, type, "DestUniqueid");
                return new PbxEvent.DialStarted(t, blankToNull(f.get("Uniqueid")), d,
                        orSelf(f.get("DestLinkedid"), d), f.get("DestChannel"), f.get("DialString"));
            }
            case "DialState": {
                String d = id(f, type, "DestUniqueid");
                return new PbxEvent.DialProgressed(t, blankToNull(f.get("Uniqueid")), d,
                        orSelf(f.get("DestLinkedid"), d), f.get("DialStatus"));
            }
            case "DialEnd": {
                String d = id(f, type, "DestUniqueid");
                return new PbxEvent.DialEnded(t, blankToNull(f.get("Uniqueid")), d,
                        orSelf(f.get("DestLinkedid"), d), f.get("DialStatus"));
            }
            default:
                return null;
        }
    }

    /** A CDR row (cdr_manager). */
    private PbxEvent cdr(String type, AmiFrame f, EventTime t) {
        String u = id(f, type, "UniqueID");
        return new PbxEvent.CdrReported(t, u, f.get("Source"), f.get("Destination"),
                f.get("DestinationContext"), f.get("Channel"), f.get("DestinationChannel"),
                f.get("LastApplication"), f.get("LastData"), cdrTime(f.get("StartTime")),
                cdrTime(f.get("AnswerTime")), cdrTime(f.get("EndTime")), integer(f.get("Duration")),
                integer(f.get("BillableSeconds")), f.get("Disposition"));
    }

    /** The ActionID we gave, without the prefix asterisk-java's command session puts before a {@code '#'}. */
    private static String ownActionId(String actionId) {
        int hash = actionId == null ? -1 : actionId.indexOf('#');
        return hash < 0 ? actionId : actionId.substring(hash + 1);
    }

    /** A re-sync row of {@code CoreShowChannels}; null (counted) without a Uniqueid. */
    PbxEvent.ActiveChannel activeChannel(AmiFrame c) {
        String u = c.get("Uniqueid");
        if (u == null || u.isBlank()) {
            counters.refused("CoreShowChannel without Uniqueid");
            return null;
        }
        unknownFields.check("CoreShowChannel", c);
        return new PbxEvent.ActiveChannel(u, orSelf(c.get("Linkedid"), u), c.get("Channel"),
                c.get("ChannelStateDesc"), clean(c.get("CallerIDNum")), c.get("Exten"), c.get("Context"),
                parseDuration(c.get("Duration")), blankToNull(c.get("BridgeId")));
    }

    /** The PBX's own time ({@code timestampevents = yes}), else our arrival time. */
    EventTime timeOf(AmiFrame f) {
        String ts = f.get("Timestamp");
        if (ts != null) {
            int dot = ts.indexOf('.');
            try {
                long seconds = Long.parseLong(dot < 0 ? ts.trim() : ts.substring(0, dot).trim());
                long micros = dot < 0 ? 0 : Long.parseLong((ts.substring(dot + 1).trim() + "000000").substring(0, 6));
                return EventTime.pbx(Instant.ofEpochSecond(seconds, micros * 1000));
            } catch (NumberFormatException e) {
                counters.refused("Timestamp not a number");
            }
        }
        return EventTime.arrival(clock.instant());
    }

    /** An identifier the event cannot do without: refused (counted by reason) when it is missing or empty. */
    private static String id(AmiFrame f, String type, String field) {
        String v = f.get(field);
        if (v == null || v.isBlank()) {
            throw new MissingId(type + " without " + field);
        }
        return v;
    }

    /** Thrown by {@link #id} only; no stack trace (it is a verdict on input, not a fault). */
    private static final class MissingId extends RuntimeException {
        private final String reason;

        MissingId(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
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
            long s = 0;
            for (String part : hhmmss.trim().split(":")) {
                s = s * 60 + Long.parseLong(part);
            }
            return s;
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    private static Integer integer(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String orSelf(String linkedId, String uniqueId) {
        return linkedId == null || linkedId.isBlank() ? uniqueId : linkedId;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() || s.equals("<unknown>") ? null : s;
    }

    /** Asterisk writes {@code <unknown>} in caller-id fields it has nothing for. */
    private static String clean(String s) {
        return s == null || s.equals("<unknown>") ? null : s;
    }
}
