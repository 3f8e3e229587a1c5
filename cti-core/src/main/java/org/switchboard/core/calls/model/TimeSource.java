package org.switchboard.core.calls.model;

/** Where a call's times came from: the PBX's event Timestamp header, arrival here, a person entering the record, or Asterisk's CDR. */
public enum TimeSource {
    PBX_TIMESTAMP, ARRIVAL,
    /** Arrival times across a freeze of this process or a jump of its clock ({@link Stalls}): not to be trusted. */
    ARRIVAL_UNSURE,
    MANUAL, CDR
}
