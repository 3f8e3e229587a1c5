package org.switchboard.pbx.ami;

import java.util.function.Consumer;

/** Writes keys of the PBX's AstDB, which the dialplan reads (e.g. a phone's class of service). */
public interface AstDbWriter {

    /**
     * Sends {@code DBPut} without waiting. {@code outcome} receives null once the PBX confirmed it, or the
     * reason it was not written (link down, error response, timeout); it runs on the AMI link's thread.
     */
    void put(String family, String key, String value, Consumer<String> outcome);
}
