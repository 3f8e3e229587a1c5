package org.switchboard.core.wakeup.model;

import java.time.Duration;
import java.time.ZoneId;

/** The sentence the operator reads back to the guest: "Room 808: Tue 24 Nov 08:00, twice, 4 minutes apart". */
public final class ReadBack {

    private ReadBack() {
    }

    public static String sentence(String room, LocalWakeTime first, Duration secondAfter, boolean daily, ZoneId zone) {
        StringBuilder sb = new StringBuilder("Room ").append(room).append(": ");
        sb.append(daily ? "daily from " : "").append(first.spoken(zone));
        sb.append(secondAfter == null ? ", once" : ", twice, " + interval(secondAfter) + " apart");
        if (daily) {
            sb.append(", until check-out");
        }
        if (first.note() != null) {
            sb.append(" (").append(first.note()).append(')');
        }
        return sb.toString();
    }

    static String interval(Duration d) {
        long s = d.toSeconds();
        if (s % 60 == 0) {
            long m = s / 60;
            return m + (m == 1 ? " minute" : " minutes");
        }
        return s + " seconds";
    }

    /** Parses "4m", "4 min", "90s", "4" (minutes) into a second-call interval of 1 to 60 minutes. */
    public static Duration parseInterval(String text) {
        String s = text == null ? "" : text.trim().toLowerCase();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,4})\\s*(m|min|minutes?|s|sec|seconds?)?")
                .matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("second-call interval '" + text + "' is not like 4m or 90s");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = m.group(2) != null && m.group(2).startsWith("s") ? Duration.ofSeconds(n) : Duration.ofMinutes(n);
        if (d.compareTo(Duration.ofSeconds(30)) < 0 || d.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("second-call interval '" + text + "' must be 30 seconds to 60 minutes");
        }
        return d;
    }
}
