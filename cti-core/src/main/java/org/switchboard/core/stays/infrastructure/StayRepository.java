package org.switchboard.core.stays.infrastructure;

import org.switchboard.core.stays.model.InHouse;
import org.jooq.DSLContext;
import org.switchboard.core.storage.Transaction;
import org.jooq.Record;
import org.switchboard.billing.money.Money;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.switchboard.core.storage.UtcColumns.utc;
import static org.switchboard.core.storage.jooq.Tables.GUEST_ACCOUNTS;
import static org.switchboard.core.storage.jooq.Tables.ROOM_OCCUPANCY;

/**
 * Guest stays: accounts (帐户名) and which room each occupied when. Reads and writes only: what the front office
 * refuses is decided by {@link org.switchboard.core.stays.application.StayDesk}, in the transaction it opens and
 * this repository joins ({@link #joining}), so a check-in, move or check-out commits whole or not at all.
 */
public final class StayRepository {

    private final DSLContext dsl;

    public StayRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A repository that joins {@code tx}, the transaction the front-office use case opened. */
    public static StayRepository joining(Transaction tx) {
        return new StayRepository(tx.dsl());
    }

    public boolean accountExists(String accountId) {
        return dsl.fetchExists(GUEST_ACCOUNTS, GUEST_ACCOUNTS.ACCOUNT_ID.eq(accountId));
    }

    /** The guest who pays for the room now (not a sharer), if any. */
    public Optional<InHouse> mainGuestIn(String room) {
        return inHouse(dsl, room).stream().filter(g -> g.paidBy().equals(g.accountId())).findFirst();
    }

    public boolean isInHouse(String accountId) {
        return inHouseKey(dsl, accountId) != null;
    }

    /** Writes a check-in (the account and its room from {@code at}); a sharer's account points at the main one. */
    public void checkIn(String accountId, String name, String room, Money deposit, String sharerOf, Instant at) {
        Long main = sharerOf == null ? null : dsl.select(GUEST_ACCOUNTS.ID).from(GUEST_ACCOUNTS)
                .where(GUEST_ACCOUNTS.ACCOUNT_ID.eq(sharerOf)).fetchOne(GUEST_ACCOUNTS.ID);
        Long id = dsl.insertInto(GUEST_ACCOUNTS)
                .set(GUEST_ACCOUNTS.ACCOUNT_ID, accountId).set(GUEST_ACCOUNTS.NAME, name)
                .set(GUEST_ACCOUNTS.DEPOSIT, deposit.amount())
                .set(GUEST_ACCOUNTS.CURRENCY, deposit.currency().getCurrencyCode())
                .set(GUEST_ACCOUNTS.MAIN_ACCOUNT_ID, main).set(GUEST_ACCOUNTS.CHECKED_IN_AT, utc(at))
                .returningResult(GUEST_ACCOUNTS.ID).fetchOne(GUEST_ACCOUNTS.ID);
        dsl.insertInto(ROOM_OCCUPANCY).set(ROOM_OCCUPANCY.ACCOUNT_PK, id).set(ROOM_OCCUPANCY.ROOM, room)
                .set(ROOM_OCCUPANCY.FROM_AT, utc(at)).execute();
    }

    public void move(String accountId, String toRoom, Instant at) {
        long pk = inHouseAccount(dsl, accountId);
        dsl.update(ROOM_OCCUPANCY).set(ROOM_OCCUPANCY.TO_AT, utc(at))
                .where(ROOM_OCCUPANCY.ACCOUNT_PK.eq(pk)).and(ROOM_OCCUPANCY.TO_AT.isNull()).execute();
        dsl.insertInto(ROOM_OCCUPANCY).set(ROOM_OCCUPANCY.ACCOUNT_PK, pk).set(ROOM_OCCUPANCY.ROOM, toRoom)
                .set(ROOM_OCCUPANCY.FROM_AT, utc(at)).execute();
    }

    public void checkOut(String accountId, Instant at) {
        long pk = inHouseAccount(dsl, accountId);
        dsl.update(ROOM_OCCUPANCY).set(ROOM_OCCUPANCY.TO_AT, utc(at))
                .where(ROOM_OCCUPANCY.ACCOUNT_PK.eq(pk)).and(ROOM_OCCUPANCY.TO_AT.isNull()).execute();
        dsl.update(GUEST_ACCOUNTS).set(GUEST_ACCOUNTS.CHECKED_OUT_AT, utc(at)).where(GUEST_ACCOUNTS.ID.eq(pk)).execute();
        // A main guest leaving before the sharers: the first sharer becomes the room's main account.
        List<Long> sharers = dsl.select(GUEST_ACCOUNTS.ID).from(GUEST_ACCOUNTS).where(GUEST_ACCOUNTS.MAIN_ACCOUNT_ID.eq(pk))
                .and(GUEST_ACCOUNTS.CHECKED_OUT_AT.isNull()).orderBy(GUEST_ACCOUNTS.ID).fetch(GUEST_ACCOUNTS.ID);
        if (!sharers.isEmpty()) {
            dsl.update(GUEST_ACCOUNTS).setNull(GUEST_ACCOUNTS.MAIN_ACCOUNT_ID).where(GUEST_ACCOUNTS.ID.eq(sharers.get(0))).execute();
            dsl.update(GUEST_ACCOUNTS).set(GUEST_ACCOUNTS.MAIN_ACCOUNT_ID, sharers.get(0))
                    .where(GUEST_ACCOUNTS.ID.in(sharers.subList(1, sharers.size()))).execute();
        }
    }

    /** True once any guest was ever checked in here (the hotel keeps its stays in Switchboard). */
    public boolean keepsStays() {
        return dsl.fetchExists(GUEST_ACCOUNTS);
    }

    public boolean isOccupied(String room) {
        return !inHouse(dsl, room).isEmpty();
    }

    /** Who is in {@code room} now. */
    public List<InHouse> inHouse(String room) {
        return inHouse(dsl, room);
    }

    /** Everyone in house, by room. */
    public List<InHouse> inHouse() {
        return inHouseQuery(dsl).fetch(StayRepository::inHouseRow);
    }

    private static List<InHouse> inHouse(DSLContext tx, String room) {
        return inHouseQuery(tx).and(ROOM_OCCUPANCY.ROOM.eq(room)).fetch(StayRepository::inHouseRow);
    }

    private static org.jooq.SelectConditionStep<Record> inHouseQuery(DSLContext tx) {
        var main = GUEST_ACCOUNTS.as("main");
        return tx.select(GUEST_ACCOUNTS.fields()).select(ROOM_OCCUPANCY.ROOM, ROOM_OCCUPANCY.FROM_AT, main.ACCOUNT_ID)
                .from(GUEST_ACCOUNTS).join(ROOM_OCCUPANCY).on(ROOM_OCCUPANCY.ACCOUNT_PK.eq(GUEST_ACCOUNTS.ID))
                .leftJoin(main).on(main.ID.eq(GUEST_ACCOUNTS.MAIN_ACCOUNT_ID))
                .where(ROOM_OCCUPANCY.TO_AT.isNull()).and(GUEST_ACCOUNTS.CHECKED_OUT_AT.isNull());
    }

    private static InHouse inHouseRow(Record r) {
        String main = r.get(GUEST_ACCOUNTS.as("main").ACCOUNT_ID);
        return new InHouse(r.get(GUEST_ACCOUNTS.ACCOUNT_ID), r.get(GUEST_ACCOUNTS.NAME), r.get(ROOM_OCCUPANCY.ROOM),
                r.get(ROOM_OCCUPANCY.FROM_AT).toInstant(ZoneOffset.UTC), main == null ? r.get(GUEST_ACCOUNTS.ACCOUNT_ID) : main,
                new Money(r.get(GUEST_ACCOUNTS.DEPOSIT).stripTrailingZeros().setScale(
                        java.util.Currency.getInstance(r.get(GUEST_ACCOUNTS.CURRENCY)).getDefaultFractionDigits(),
                        java.math.RoundingMode.UNNECESSARY), java.util.Currency.getInstance(r.get(GUEST_ACCOUNTS.CURRENCY))));
    }

    private static Long inHouseKey(DSLContext tx, String accountId) {
        return tx.select(GUEST_ACCOUNTS.ID).from(GUEST_ACCOUNTS).where(GUEST_ACCOUNTS.ACCOUNT_ID.eq(accountId))
                .and(GUEST_ACCOUNTS.CHECKED_OUT_AT.isNull()).fetchOne(GUEST_ACCOUNTS.ID);
    }

    /** The in-house account's key; the use case has checked that it is in house. */
    private static long inHouseAccount(DSLContext tx, String accountId) {
        Long pk = inHouseKey(tx, accountId);
        if (pk == null) {
            throw new IllegalStateException("account " + accountId + " is not in house");
        }
        return pk;
    }

}
