package org.switchboard.core.calls.model;

/** How a call ended, in Asterisk CDR terms. */
public enum Disposition {
    ANSWERED("ANSWERED"), NO_ANSWER("NO ANSWER"), BUSY("BUSY"), FAILED("FAILED");

    private final String cdrName;

    Disposition(String cdrName) {
        this.cdrName = cdrName;
    }

    /** The spelling Asterisk's CDR uses (e.g. {@code NO ANSWER}). */
    public String cdrName() {
        return cdrName;
    }

    public static Disposition fromCdrName(String s) {
        for (Disposition d : values()) {
            if (d.cdrName.equalsIgnoreCase(s) || d.name().equalsIgnoreCase(s)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown disposition: " + s);
    }
}
