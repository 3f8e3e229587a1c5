package org.switchboard.pbx.ami;

import java.util.function.Consumer;

/** Asks the PBX to place calls. */
public interface Originator {

    /**
     * Sends the Originate without waiting. {@code refused} receives the reason when the PBX refused it
     * or could not be asked (link down, error response, timeout), and {@code null} when it was queued.
     * It is called on the AMI link's thread: keep it short.
     */
    void originate(OriginateRequest request, Consumer<String> refused);
}
