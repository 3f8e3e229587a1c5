package org.switchboard.core.stays.application;

import org.switchboard.core.stays.model.InHouse;
import org.switchboard.core.refusal.Refusal;
import org.switchboard.billing.money.Money;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.stays.infrastructure.StayRepository;

import org.switchboard.core.storage.Database;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
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

    private final Database db;
    private final StayRepository stays;
    private final Directory directory;
    private final Clock clock;
    private final RoomChanges changes;

    /** Hears of rooms a check-out leaves empty, and of guests moving rooms (their wake-ups follow them). */
    public interface RoomChanges {
        void vacated(String room);

        /** The last guest of {@code from} moved to {@code to}. */
        default void moved(String from, String to) {
            vacated(from);
        }
    }

    public StayDesk(Database db, Directory directory, Clock clock) {
        this(db, directory, clock, room -> { });
    }

    public StayDesk(Database db, Directory directory, Clock clock, RoomChanges changes) {
        this.db = db;
        this.stays = new StayRepository(db.dsl());
        this.directory = directory;
        this.clock = clock;
        this.changes = changes;
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
        if (deposit.amount().signum() < 0) {
            return new Refused("deposit " + deposit + " must not be negative");
        }
        return attempt(tx -> {
            if (tx.accountExists(accountId)) {
                throw new Refusal("account " + accountId + " already exists");
            }
            Optional<InHouse> occupant = tx.mainGuestIn(room);
            if (sharerOf != null && occupant.filter(g -> g.accountId().equals(sharerOf)).isEmpty()) {
                throw new Refusal("account " + sharerOf + " is not the main guest in room " + room);
            }
            if (sharerOf == null && occupant.isPresent()) {
                throw new Refusal("room " + room + " is occupied by account " + occupant.get().accountId()
                        + " (" + occupant.get().name() + "); check in as a sharer or choose another room");
            }
            tx.checkIn(accountId, name.trim(), room, deposit, sharerOf, clock.instant());
        }, "checked in " + accountId + " (" + name.trim() + ") to room " + room);
    }

    public Outcome move(String accountId, String toRoom) {
        if (!isRoom(toRoom)) {
            return new Refused("room " + toRoom + " is not a configured room");
        }
        String from = roomOf(accountId);
        Outcome o = attempt(tx -> {
            requireInHouse(tx, accountId);
            if (!tx.inHouse(toRoom).isEmpty()) {
                throw new Refusal("room " + toRoom + " is occupied");
            }
            tx.move(accountId, toRoom, clock.instant());
        }, "moved " + accountId + " to room " + toRoom);
        if (o instanceof Done && from != null && !from.equals(toRoom) && !stays.isOccupied(from)) {
            changes.moved(from, toRoom);
        }
        return o;
    }

    public Outcome checkOut(String accountId) {
        String room = roomOf(accountId);
        Outcome o = attempt(tx -> {
            requireInHouse(tx, accountId);
            tx.checkOut(accountId, clock.instant());
        }, "checked out " + accountId);
        if (o instanceof Done && room != null && !stays.isOccupied(room)) {
            changes.vacated(room);
        }
        return o;
    }

    private String roomOf(String accountId) {
        return stays.inHouse().stream().filter(g -> g.accountId().equals(accountId))
                .map(InHouse::room).findFirst().orElse(null);
    }

    public List<InHouse> inHouse() {
        return stays.inHouse();
    }

    private boolean isRoom(String room) {
        return directory.extensions().values().stream().anyMatch(e -> room != null && room.equals(e.room()));
    }

    private static void requireInHouse(StayRepository tx, String accountId) {
        if (!tx.isInHouse(accountId)) {
            throw new Refusal("account " + accountId + " is not in house");
        }
    }

    /** Runs {@code action} in one transaction the repository joins; a refusal rolls it back and is the outcome. */
    private Outcome attempt(Consumer<StayRepository> action, String done) {
        try {
            db.inTransaction(tx -> {
                action.accept(StayRepository.joining(tx));
                return null;
            });
            return new Done(done);
        } catch (Refusal e) {
            return new Refused(e.getMessage());
        }
    }
}
