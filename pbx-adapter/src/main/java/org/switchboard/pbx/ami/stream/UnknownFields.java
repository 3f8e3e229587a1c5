package org.switchboard.pbx.ami.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names a PBX puts in the events the capture reads that Asterisk 20 does not document for them: counted per name,
 * said once per name. A PBX of another version, a patched module or a dialplan adding fields shows here first.
 * The names of each message shape are checked once: what was found for a shape (its {@link AmiFrame#keysHash})
 * is kept and counted again for every later message of that shape, so the check costs a hash per event.
 */
final class UnknownFields {

    private static final Logger log = LoggerFactory.getLogger(UnknownFields.class);
    /** Shapes kept at most; past that (a PBX sending ever new field sets) each message is checked on its own. */
    static final int MAX_SHAPES = 10_000;
    private static final String[] NONE = {};
    /** The fields of the events the capture reads, as Asterisk 20 sends them (and our recordings hold). */
    private static final Set<String> KNOWN = lowerCase(Set.of("Event", "Privilege", "Timestamp", "SystemName",
            "SequenceNumber", "File", "Line", "Func", "ActionID", "Response", "Message", "EventList", "ListItems",
            "Variable", "Value", "DialStatus", "DialString", "Forward", "Cause", "Cause-txt", "SwapUniqueid",
            "Reason", "Application", "ApplicationData", "Duration", "BridgeId", "CID-CallingPres",
            // Cdr (cdr_manager)
            "AccountCode", "Source", "Destination", "DestinationContext", "CallerID", "DestinationChannel",
            "LastApplication", "LastData", "StartTime", "AnswerTime", "EndTime", "BillableSeconds", "Disposition",
            "AMAFlags", "UniqueID", "UserField"));
    /** A channel snapshot's fields, bare or after {@code Dest}. */
    private static final Set<String> CHANNEL = lowerCase(Set.of("Channel", "ChannelState", "ChannelStateDesc",
            "CallerIDNum", "CallerIDName", "ConnectedLineNum", "ConnectedLineName", "Language", "AccountCode",
            "Context", "Exten", "Priority", "Uniqueid", "Linkedid", "TenantID"));
    private static final Set<String> BRIDGE = lowerCase(Set.of("BridgeUniqueid", "BridgeType", "BridgeTechnology",
            "BridgeCreator", "BridgeName", "BridgeNumChannels", "BridgeVideoSourceMode", "BridgeVideoSource"));

    private final Map<Long, String[]> shapes = new ConcurrentHashMap<>();
    private final StreamCounters counters;

    UnknownFields(StreamCounters counters) {
        this.counters = counters;
    }

    void check(String eventType, AmiFrame f) {
        long shape = f.keysHash();
        String[] unknown = shapes.get(shape);
        if (unknown == null) {
            unknown = unknownIn(f);
            if (shapes.size() < MAX_SHAPES) {
                shapes.put(shape, unknown);
            }
        }
        for (String name : unknown) {
            if (counters.unknownField(name)) {
                log.info("AMI field '{}' (first seen in a {} event) is not one Asterisk 20 sends there; counted "
                        + "from now on, not reported again", name, eventType);
            }
        }
    }

    private static String[] unknownIn(AmiFrame f) {
        List<String> out = null;
        for (int i = 0; i < f.size(); i++) {
            String key = f.key(i);
            if (!known(key.toLowerCase(Locale.ROOT))) {
                (out == null ? out = new ArrayList<>() : out).add(key);
            }
        }
        return out == null ? NONE : out.toArray(NONE);
    }

    static boolean known(String lower) {
        String bare = lower.startsWith("dest") && !KNOWN.contains(lower) ? lower.substring(4) : lower;
        return KNOWN.contains(lower) || CHANNEL.contains(bare) || BRIDGE.contains(bare)
                || bare.startsWith("chanvariable"); // channelvars in manager.conf: ChanVariable: NAME=value
    }

    private static Set<String> lowerCase(Set<String> names) {
        Set<String> out = new java.util.HashSet<>();
        names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
        return Set.copyOf(out);
    }
}
