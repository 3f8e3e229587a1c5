package org.switchboard.core.calls.model;

/** Where a call's times came from: the PBX's event Timestamp header, arrival here, or a person entering the record. */
public enum TimeSource { PBX_TIMESTAMP, ARRIVAL, MANUAL }
