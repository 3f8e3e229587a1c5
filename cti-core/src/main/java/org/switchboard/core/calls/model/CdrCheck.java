package org.switchboard.core.calls.model;

/** Whether Asterisk's own CDR agrees with the call assembled from events (disposition, billable seconds ±1). */
public enum CdrCheck { MATCH, MISMATCH, ABSENT }
