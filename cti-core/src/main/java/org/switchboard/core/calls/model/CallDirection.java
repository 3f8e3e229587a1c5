package org.switchboard.core.calls.model;

/** Internal (extension to extension), outbound (via a trunk), inbound (from a trunk), or placed by the PBX itself (Originate, e.g. a wake-up). */
public enum CallDirection { INTERNAL, OUTBOUND, INBOUND, ORIGINATED }
