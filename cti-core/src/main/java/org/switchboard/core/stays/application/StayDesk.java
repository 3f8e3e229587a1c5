package org.switchboard.core.stays.application;

import org.switchboard.billing.money.Money;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.stays.infrastructure.StayRepository;

import java.time.Clock;
import java.util.List;

/** Front-office use cases for guest stays: check-in, room move, check-out, who is in house. */
public final class StayDesk {

    /** The outcome of a front-office action: refused with the reason, or done. */
    public sealed interface Outcome permits Refused, Done {
    }

    public record Refused(String message) implements Outcome {
    }

    public record Done(String message) implements Outcome {
    }

    private final StayRepository stays;
    private final Directory directory;
    private final Clock clock;
    private final java.util.function.Consumer<String> vacated;

    public StayDesk(StayRepository stays, Directory directory, Clock clock) {
        this(stays, directory, clock, room -> { });
    }

    /** {@code vacated} hears of every room a check-out leaves empty (its wake-ups are cancelled). */
    public StayDesk(StayRepository stays, Directory directory, Clock clock, java.util.function.Consumer<String> vacated) {
        this.stays = stays;
        this.directory = directory;
        this.clock = clock;
        this.vacated = vacated;
    }

    public Outcome checkIn(String accountId, String name, String room, Money deposit, String sharerOf) {
        if (!isRoom(room)) {
            return new Refused("room " + room + " is not a configured room");
        }
        if (accountId == null || !accountId.matches("[A-Za-z0-9-]{1,32}")) {
            return new Refused("account id '" + accountId + "' must be 1-32 letters, digits or dashes");
        }
        if (name == null || name.isBlank()) {
            return new Refused("the account name (帐户名) is required");
        }
        return attempt(() -> stays.checkIn(accountId, name.trim(), room, deposit, sharerOf, clock.instant()),
                "checked in " + accountId + " (" + name.trim() + ") to room " + room);
    }

    public Outcome move(String accountId, String toRoom) {
        if (!isRoom(toRoom)) {
            return new Refused("room " + toRoom + " is not a configured room");
        }
        return attempt(() -> stays.move(accountId, toRoom, clock.instant()), "moved " + accountId + " to room " + toRoom);
    }

    public Outcome checkOut(String accountId) {
        String room = stays.inHouse().stream().filter(g -> g.accountId().equals(accountId))
                .map(StayRepository.InHouse::room).findFirst().orElse(null);
        Outcome o = attempt(() -> stays.checkOut(accountId, clock.instant()), "checked out " + accountId);
        if (o instanceof Done && room != null && !stays.isOccupied(room)) {
            vacated.accept(room);
        }
        return o;
    }

    public List<StayRepository.InHouse> inHouse() {
        return stays.inHouse();
    }

    private boolean isRoom(String room) {
        return directory.extensions().values().stream().anyMatch(e -> room != null && room.equals(e.room()));
    }

    private static Outcome attempt(Runnable action, String done) {
        try {
            action.run();
            return new Done(done);
        } catch (StayRepository.Refused e) {
            return new Refused(e.getMessage());
        }
    }
}
