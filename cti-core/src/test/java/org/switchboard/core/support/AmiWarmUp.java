package org.switchboard.core.support;

import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.Transcript;

/** Readies a freshly started daemon's AMI parsing before timing-sensitive replays. */
public final class AmiWarmUp {

    private AmiWarmUp() {
    }

    /**
     * A cold JVM needs ~100 ms to parse its first event of each type (asterisk-java builds its
     * reflection tables lazily), which would skew the first calls' ring times. Send every event type
     * once first, about channels that were never created: counted as orphans, nothing stored.
     */
    public static void warmUp(AmiServer pbx) throws InterruptedException {
        Transcript t = Transcript.fromResource("internal_answered_callee_hangup");
        pbx.broadcast(t.events().stream().map(Transcript.TimedMessage::message)
                .filter(m -> !m.isEvent("Newchannel"))
                .map(m -> m.mapValues((h, v) -> h.matches("(?i)(Dest)?(Uniqueid|Linkedid)") ? "1000000000.9" + v : v))
                .toList());
        Thread.sleep(1000);
    }
}
