package org.switchboard.core.wakeup.application;

import org.switchboard.core.refusal.Refusal;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.storage.Database;
import org.switchboard.core.wakeup.infrastructure.WakeupRepository;
import org.switchboard.core.wakeup.model.LocalWakeTime;
import org.switchboard.core.wakeup.model.ReadBack;
import org.switchboard.core.wakeup.model.WakeupCall;
import org.switchboard.core.wakeup.model.WakeupReport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's wake-up use cases: book (one room or a group at the same time), change, cancel,
 * list. Rooms are rooms, not extensions; times are the hotel's wall-clock time. Every booking is
 * written whole or not at all, and answered with the sentence read back to the guest.
 */
public final class WakeupDesk {

    /** What the operator asked for. {@code secondAfter} null: one call; {@code daily}: every day until check-out. */
    public record Request(List<String> rooms, String time, Duration secondAfter, boolean daily, String bookedBy,
                          String groupName) {
    }

    /** A booking made: its id and the read-back sentence, per room. */
    public record Booked(long bookingId, String room, Instant firstCall, String readBack) {
    }

    private final Database db;
    private final WakeupRepository repository;
    private final WakeupTimers timers;
    private final Directory directory;
    private final org.switchboard.core.stays.application.RoomOccupancy occupancy;
    private final ZoneId zone;
    private final Clock clock;

    /** {@code occupancy}: vacant rooms are refused once the hotel keeps guest stays here. */
    public WakeupDesk(Database db, WakeupTimers timers, Directory directory,
                      org.switchboard.core.stays.application.RoomOccupancy occupancy, ZoneId zone, Clock clock) {
        this.db = db;
        this.repository = new WakeupRepository(db.dsl());
        this.timers = timers;
        this.directory = directory;
        this.occupancy = occupancy;
        this.zone = zone;
        this.clock = clock;
    }

    /** The desk on a database, for the hotel in {@code config}, setting {@code timers}. */

    /**
     * Wake-ups follow the guest: a check-out cancels the emptied room's wake-ups, a move books them for the new
     * room. {@code withDesk} lends a desk when a room changes (the CLI opens the wake-up timers only then);
     * {@code report} hears what changed, in words.
     */
    public static org.switchboard.core.stays.application.StayDesk.RoomChanges followingGuests(
            java.util.function.Consumer<java.util.function.Consumer<WakeupDesk>> withDesk,
            java.util.function.Consumer<String> report) {
        return new org.switchboard.core.stays.application.StayDesk.RoomChanges() {
            @Override
            public void vacated(String room) {
                withDesk.accept(desk -> {
                    int n = desk.cancelRoom(room, "guest checked out");
                    if (n > 0) {
                        report.accept("room " + room + " is vacant: cancelled " + n + " wake-up booking(s)");
                    }
                });
            }

            @Override
            public void moved(String from, String to) {
                withDesk.accept(desk -> desk.moveRoom(from, to)
                        .forEach(readBack -> report.accept("wake-up moved from room " + from + ": " + readBack)));
            }
        };
    }

    public List<Booked> book(Request r) {
        return write(r, null);
    }

    /** Replaces a booking by a new one for the same room (cancelled and booked in one transaction). */
    public Booked change(long bookingId, String time, Duration secondAfter, boolean daily, String by) {
        WakeupCall old = repository.callsOfBooking(bookingId).stream().findFirst()
                .orElseThrow(() -> new Refusal(null, "no wake-up booking " + bookingId));
        return write(new Request(List.of(old.room()), time, secondAfter, daily, by, old.groupName()), bookingId).get(0);
    }

    private List<Booked> write(Request r, Long replacing) {
        if (r.rooms().isEmpty()) {
            throw new Refusal("rooms", "no room given");
        }
        ZonedDateTime now = clock.instant().atZone(zone);
        LocalWakeTime first;
        try {
            first = LocalWakeTime.parse(r.time(), now);
        } catch (IllegalArgumentException e) {
            throw new Refusal("time", e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        List<WakeupRepository.NewBooking> bookings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String room : r.rooms()) {
            Optional<Extension> ext = roomExtension(room);
            if (ext.isEmpty()) {
                problems.add("room " + room + " is not a configured room");
            } else if (!seen.add(room)) {
                problems.add("room " + room + " is listed twice");
            } else if (occupancy.occupied(room).map(o -> !o).orElse(false)) {
                problems.add("room " + room + " is vacant (no guest checked in)");
            } else {
                bookings.add(new WakeupRepository.NewBooking(room, ext.get().number(),
                        first.time().toString(), first.date(), r.daily(), r.secondAfter(), r.bookedBy(),
                        r.groupName(), callsDue(first, r.secondAfter())));
            }
        }
        if (!problems.isEmpty()) {
            throw new Refusal("rooms", String.join("; ", problems) + (r.rooms().size() > 1 ? " (nothing booked)" : ""));
        }
        List<Long> ids = book(bookings, replacing, r.rooms().size() > 1 ? " (nothing booked)" : "");
        if (replacing != null) {
            repository.callsOfBooking(replacing).forEach(c -> timers.cancel(c.id()));
        }
        java.util.Map<Long, Instant> due = new java.util.HashMap<>();
        repository.callsOfBookings(ids).forEach(c -> due.put(c.id(), c.dueAt()));
        timers.scheduleFirstAttempts(due);
        List<Booked> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String room = bookings.get(i).room();
            out.add(new Booked(ids.get(i), room, first.at(),
                    ReadBack.sentence(room, first, r.secondAfter(), r.daily(), zone)));
        }
        return out;
    }

    /** The instants of one day's calls: the first, and the guest's second call after the interval. */
    public static List<Instant> callsDue(LocalWakeTime first, Duration secondAfter) {
        return secondAfter == null ? List.of(first.at()) : List.of(first.at(), first.at().plus(secondAfter));
    }

    /**
     * Writes the bookings all together or none (a group of rooms is booked as one), after cancelling the booking
     * they replace: refused when a room already has an open call at one of the same instants.
     */
    private List<Long> book(List<WakeupRepository.NewBooking> bookings, Long replacing, String nothingBooked) {
        Instant at = clock.instant();
        return db.inTransaction(t -> {
            WakeupRepository tx = WakeupRepository.joining(t);
            if (replacing != null) {
                cancelIn(tx, replacing, "changed", at);
            }
            List<Long> ids = new ArrayList<>();
            for (WakeupRepository.NewBooking b : bookings) {
                for (Instant due : b.callsDue()) {
                    tx.openCallAt(b.room(), due).ifPresent(clash -> {
                        throw new Refusal("rooms", "room " + b.room() + " already has a wake-up at that time (booking "
                                + clash + ")" + nothingBooked);
                    });
                }
                ids.add(tx.insert(b, at));
            }
            return ids;
        });
    }

    /** Cancels an active booking in {@code tx}; returns its calls that were still to be placed. */
    private static List<Long> cancelIn(WakeupRepository tx, long bookingId, String reason, Instant at) {
        String status = tx.lockStatus(bookingId).orElseThrow(() -> new Refusal("no wake-up booking " + bookingId));
        if (!"ACTIVE".equals(status)) {
            throw new Refusal("wake-up booking " + bookingId + " is " + status.toLowerCase() + ", not active");
        }
        return tx.cancel(bookingId, reason, at);
    }

    public String cancel(long bookingId, String reason) {
        Instant at = clock.instant();
        List<Long> calls = db.inTransaction(t -> cancelIn(WakeupRepository.joining(t), bookingId, reason, at));
        calls.forEach(timers::cancel);
        return "cancelled wake-up booking " + bookingId + " (" + calls.size() + " call(s) not yet placed)";
    }

    /** Cancels every active booking of a room (e.g. at check-out); returns how many. */
    public int cancelRoom(String room, String reason) {
        int n = 0;
        for (long id : repository.activeBookings(room)) {
            cancel(id, reason);
            n++;
        }
        return n;
    }

    /**
     * The guest moved: each active booking of {@code from} is booked again for {@code to} (same time,
     * second call and daily) from its next call not yet attempted, and cancelled for {@code from}.
     * Returns the read-back sentences of the new bookings, or why one could not be moved (it then stays).
     */
    public List<String> moveRoom(String from, String to) {
        List<String> out = new ArrayList<>();
        for (long id : repository.activeBookings(from)) {
            WakeupCall next = repository.callsOfBooking(id).stream()
                    .filter(c -> c.status().isOpen() && c.attempts() == 0 && c.callNo() == 1).findFirst().orElse(null);
            if (next == null) {
                continue; // being rung now: it finishes in the old room
            }
            String time = next.wakeDate() + "T" + next.localTime();
            try {
                out.add(write(new Request(List.of(to), time, next.secondAfter(), next.daily(), "room move",
                        next.groupName()), id).get(0).readBack());
            } catch (Refusal e) {
                out.add("booking " + id + " stays on room " + from + ", not moved: " + e.getMessage());
            }
        }
        return out;
    }

    public List<WakeupCall> callsOn(java.time.LocalDate date) {
        return repository.callsOn(date);
    }

    /** Escalated calls whose alarm no operator has acknowledged: they stay on the console until someone does. */
    public List<WakeupCall> openAlarms() {
        return repository.unacknowledgedEscalations();
    }

    /** An operator takes an alarm in hand (goes to the room): who and when are kept. */
    public String acknowledge(long callId, String by) {
        if (by == null || by.isBlank()) {
            throw new Refusal("by", "say who acknowledges the alarm");
        }
        WakeupCall call = repository.call(callId).orElseThrow(() -> new Refusal(null, "no wake-up call " + callId));
        if (!repository.acknowledge(callId, by.trim(), clock.instant())) {
            throw new Refusal(null, "wake-up call " + callId + " (room " + call.room() + ") is not an open alarm");
        }
        return "alarm for room " + call.room() + " acknowledged by " + by.trim();
    }

    public List<WakeupCall> openCalls() {
        return repository.openCalls();
    }

    public WakeupReport report(java.time.LocalDate date) {
        return WakeupReport.of(date, repository.callsOn(date), repository.attemptsOn(date));
    }

    public List<org.switchboard.core.wakeup.model.WakeupAttempt> attemptsOn(java.time.LocalDate date) {
        return repository.attemptsOn(date);
    }

    private Optional<Extension> roomExtension(String room) {
        return directory.extensions().values().stream().filter(e -> room != null && room.equals(e.room())).findFirst();
    }

    /** "801,802,810-812" → 801, 802, 810, 811, 812 (ranges of numeric rooms, at most 2,000 rooms). */
    public static List<String> parseRooms(String text) {
        List<String> rooms = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*-\\s*(\\d+)").matcher(p);
            if (m.matches()) {
                int from = Integer.parseInt(m.group(1));
                int to = Integer.parseInt(m.group(2));
                if (to < from || to - from >= 2000) {
                    throw new Refusal("rooms", "room range '" + p + "' is not like 810-830");
                }
                for (int n = from; n <= to; n++) {
                    rooms.add(String.valueOf(n));
                }
            } else {
                rooms.add(p);
            }
        }
        if (rooms.size() > 2000) {
            throw new Refusal("rooms", "at most 2,000 rooms at once");
        }
        return rooms;
    }
}
