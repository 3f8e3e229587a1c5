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

/**
 * Front-office use cases for guest stays: check-in, room move, check-out, who is in house. Each action answers what
 * it did, in words for the front desk, or throws a {@link Refusal} saying why not (nothing is written then).
 */
public final class StayDesk {

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

    public String checkIn(String accountId, String name, String room, Money deposit, String sharerOf) {
        if (!isRoom(room)) {
            throw new Refusal("room " + room + " is not a configured room");
        }
        if (accountId == null || !accountId.matches("[A-Za-z0-9-]{1,32}")) {
            throw new Refusal("account id '" + accountId + "' must be 1-32 letters, digits or dashes");
        }
        if (name == null || name.isBlank()) {
            throw new Refusal("the account name (帐户名) is required");
        }
        if (deposit.amount().signum() < 0) {
            throw new Refusal("deposit " + deposit + " must not be negative");
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

    public String move(String accountId, String toRoom) {
        if (!isRoom(toRoom)) {
            throw new Refusal("room " + toRoom + " is not a configured room");
        }
        String from = roomOf(accountId);
        String done = attempt(tx -> {
            requireInHouse(tx, accountId);
            if (!tx.inHouse(toRoom).isEmpty()) {
                throw new Refusal("room " + toRoom + " is occupied");
            }
            tx.move(accountId, toRoom, clock.instant());
        }, "moved " + accountId + " to room " + toRoom);
        if (from != null && !from.equals(toRoom) && !stays.isOccupied(from)) {
            changes.moved(from, toRoom);
        }
        return done;
    }

    public String checkOut(String accountId) {
        String room = roomOf(accountId);
        String done = attempt(tx -> {
            requireInHouse(tx, accountId);
            tx.checkOut(accountId, clock.instant());
        }, "checked out " + accountId);
        if (room != null && !stays.isOccupied(room)) {
            changes.vacated(room);
        }
        return done;
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

    /** Runs {@code action} in one transaction the repository joins; a refusal rolls it back. */
    private String attempt(Consumer<StayRepository> action, String done) {
        db.inTransaction(tx -> {
            action.accept(StayRepository.joining(tx));
            return null;
        });
        return done;
    }
}
