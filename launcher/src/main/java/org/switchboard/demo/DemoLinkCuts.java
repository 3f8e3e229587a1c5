package org.switchboard.demo;

import org.switchboard.core.refusal.Refusal;
import org.switchboard.pbx.sim.AmiServer;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * The demo's {@code --link-outage-every} / {@code --link-outage-for}: the simulated PBX unreachable for a while,
 * again and again, so a newcomer sees the CDR store fill each gap. Calls go on meanwhile, and their CDRs.
 */
final class DemoLinkCuts {

    private final long everySeconds;
    private final long forSeconds;

    /** Refused unless the cut is over 0 s and shorter than its period (every 0: no cuts). */
    DemoLinkCuts(long everySeconds, long forSeconds) {
        if (everySeconds < 0 || forSeconds <= 0 || everySeconds > 0 && forSeconds >= everySeconds) {
            throw new Refusal("--link-outage-for", "must be over 0 and shorter than --link-outage-every, was "
                    + forSeconds + " s every " + everySeconds + " s");
        }
        this.everySeconds = everySeconds;
        this.forSeconds = forSeconds;
    }

    void start(AmiServer pbx, PrintWriter out) {
        if (everySeconds == 0) {
            return;
        }
        Thread cutter = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(Duration.ofSeconds(everySeconds - forSeconds).toMillis());
                    out.printf("  simulated PBX: AMI link cut for %d s (calls go on; their CDRs are written)%n",
                            forSeconds);
                    out.flush();
                    pbx.cutLink(Duration.ofSeconds(forSeconds));
                    out.println("  simulated PBX: AMI link back");
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-link-cutter");
        cutter.setDaemon(true);
        cutter.start();
    }
}
