package org.switchboard.core.calls.model;

/** Where a call's times came from: the PBX's event Timestamp header, or arrival here. */
public enum TimeSource { PBX_TIMESTAMP, ARRIVAL }
