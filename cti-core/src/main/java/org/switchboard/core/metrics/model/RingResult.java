package org.switchboard.core.metrics.model;

/** What one phone did with a call it was offered. {@code FAILED}: it never rang (unreachable, unregistered). */
public enum RingResult { ANSWERED, RING_NO_ANSWER, BUSY, FAILED }
