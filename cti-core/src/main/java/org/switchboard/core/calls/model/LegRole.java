package org.switchboard.core.calls.model;

/** The first channel of a call is the caller; channels it dials are callees. */
public enum LegRole { CALLER, CALLEE }
