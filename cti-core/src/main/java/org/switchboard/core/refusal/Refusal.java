package org.switchboard.core.refusal;

/**
 * A request the hotel's rules refuse, in the words of whoever asked: which field (or none), why, and whether the
 * thing asked for does not exist. Every capability throws this one type; the HTTP API maps it once (404 or 422
 * naming the field) and the CLI once (the message and exit code 1).
 */
public final class Refusal extends RuntimeException {

    private final String field;
    private final boolean notFound;

    public Refusal(String message) {
        this(null, message);
    }

    public Refusal(String field, String message) {
        this(field, message, false);
    }

    private Refusal(String field, String message, boolean notFound) {
        super(message);
        this.field = field;
        this.notFound = notFound;
    }

    /** A refusal because the thing asked for does not exist (the API answers 404). */
    public static Refusal notFound(String message) {
        return new Refusal(null, message, true);
    }

    public static Refusal notFound(String field, String message) {
        return new Refusal(field, message, true);
    }

    /** The offending field, or null. */
    public String field() {
        return field;
    }

    public boolean notFound() {
        return notFound;
    }
}
