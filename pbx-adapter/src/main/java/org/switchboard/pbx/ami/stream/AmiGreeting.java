package org.switchboard.pbx.ami.stream;

/** The line Asterisk sends first on a new connection, e.g. {@code Asterisk Call Manager/9.0.0}. */
public record AmiGreeting(String line) {
}
