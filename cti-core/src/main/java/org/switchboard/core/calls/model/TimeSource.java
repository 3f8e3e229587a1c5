package org.switchboard.core.calls.model;

/** Where a call's times came from: the PBX's event Timestamp header, arrival here, a person entering the record, or Asterisk's CDR. */
public enum TimeSource { PBX_TIMESTAMP, ARRIVAL, MANUAL, CDR }
