package org.switchboard.pbx.ami.stream;

/** A message the decoder could not take, skipped whole: why (one of a few kinds, counted) and what was seen. */
public record AmiFrameError(Kind kind, String detail) {

    public enum Kind {
        /** A line longer than the limit (also a line that never ends). */
        LINE_TOO_LONG,
        /** More {@code Key: Value} lines in one message than the limit. */
        TOO_MANY_FIELDS,
        /** More bytes in one message than the limit. */
        MESSAGE_TOO_LARGE,
        /** A line without {@code ':'} inside a message. */
        NOT_A_FIELD
    }
}
