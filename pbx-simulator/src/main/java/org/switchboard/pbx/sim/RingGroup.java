package org.switchboard.pbx.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Turns a rendered one-phone call into a ring group ({@code Dial(SIP/8000&SIP/8001)}): every event
 * about the dialled phone's channel is repeated for each further phone with its own channel and
 * Uniqueid. When the first phone answers, the others get what Asterisk gives them then: a
 * {@code DialEnd} with {@code CANCEL} and a {@code Hangup} with cause 26 (answered elsewhere).
 * When nobody answers, each phone's events end as the first phone's do. No ring-group call was
 * recorded, so this pattern is derived from the recorded one-phone calls (see the transcripts
 * README); the CDR stays the single row of the recording.
 */
final class RingGroup {

    private RingGroup() {
    }

    static List<CallTemplate.ScheduledBurst> addPhones(List<CallTemplate.ScheduledBurst> bursts, String firstDevice,
                                                       List<String> otherDevices, boolean answered,
                                                       LongSupplier sequence) {
        AmiMessage created = bursts.get(0).events().stream()
                .filter(m -> m.isEvent("Newchannel") && m.get("Channel").startsWith(firstDevice + "-"))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no channel of " + firstDevice + " in the call"));
        String channel = created.get("Channel");
        String uniqueId = created.get("Uniqueid");
        String epoch = uniqueId.substring(0, uniqueId.indexOf('.'));
        String firstExten = firstDevice.substring(firstDevice.indexOf('/') + 1);
        List<Phone> phones = new ArrayList<>();
        for (String device : otherDevices) {
            long seq = sequence.getAsLong();
            phones.add(new Phone(device + String.format("-%08x", seq), epoch + "." + seq,
                    device.substring(device.indexOf('/') + 1)));
        }
        AmiMessage firstHangup = bursts.get(bursts.size() - 1).events().stream()
                .filter(m -> m.isEvent("Hangup") && channel.equals(m.get("Channel"))).findFirst().orElse(null);
        List<CallTemplate.ScheduledBurst> out = new ArrayList<>();
        for (int k = 0; k < bursts.size(); k++) {
            List<AmiMessage> events = new ArrayList<>();
            for (AmiMessage m : bursts.get(k).events()) {
                events.add(m);
                if (!concerns(m, channel, uniqueId, firstDevice)) {
                    continue;
                }
                boolean beforeAnswer = k == 0 || !answered;
                for (Phone p : phones) {
                    if (beforeAnswer) {
                        events.add(p.copy(m, channel, uniqueId, firstDevice, firstExten));
                    } else if (m.isEvent("DialEnd")) {
                        events.add(p.copy(m, channel, uniqueId, firstDevice, firstExten).with("DialStatus", "CANCEL"));
                        if (firstHangup != null) {
                            events.add(p.copy(firstHangup, channel, uniqueId, firstDevice, firstExten)
                                    .with("ChannelState", "5").with("ChannelStateDesc", "Ringing")
                                    .with("Cause", "26").with("Cause-txt", "Answered elsewhere"));
                        }
                    }
                }
            }
            out.add(new CallTemplate.ScheduledBurst(bursts.get(k).at(), List.copyOf(events)));
        }
        return out;
    }

    private static boolean concerns(AmiMessage m, String channel, String uniqueId, String device) {
        return !m.isEvent("Cdr") && m.headers().stream().anyMatch(h -> h.value().equals(channel)
                || h.value().equals(uniqueId) || h.value().equals(device));
    }

    private record Phone(String channel, String uniqueId, String exten) {
        AmiMessage copy(AmiMessage m, String firstChannel, String firstUniqueId, String firstDevice, String firstExten) {
            String device = channel.substring(0, channel.lastIndexOf('-'));
            return m.mapValues((h, v) -> v.equals(firstChannel) ? channel : v.equals(firstUniqueId) ? uniqueId
                    : v.equals(firstDevice) ? device : v.equals(firstExten) ? exten : v);
        }
    }
}
