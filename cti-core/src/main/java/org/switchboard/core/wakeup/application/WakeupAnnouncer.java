package org.switchboard.core.wakeup.application;

/** Where wake-up alarms and progress go (the daemon's live board and stream). */
@FunctionalInterface
public interface WakeupAnnouncer {
    void announce(String type, Object data);
}
