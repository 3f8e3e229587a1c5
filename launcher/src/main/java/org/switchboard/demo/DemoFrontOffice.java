package org.switchboard.demo;

import org.switchboard.core.stays.model.InHouse;
import org.switchboard.billing.money.Money;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.refusal.Refusal;
import org.switchboard.core.stays.application.StayDesk;
import org.switchboard.pbx.sim.AmiServer;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The demo's front office: checks guests into most simulated rooms (a few with small deposits, a few
 * sharers), leaves some rooms vacant, and during the run checks guests out — preferably one on an outside
 * call, whose charge then arrives as a late charge — and new ones in, so postings, late charges,
 * vacant-room exceptions and credit bars appear without any set-up.
 */
final class DemoFrontOffice {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "涛"};
    private static final String[] WESTERN = {"Anna Schmidt", "John Smith", "Marie Dubois", "Kenji Sato", "Olga Ivanova"};

    private final StayDesk desk;
    private final AmiServer pbx;
    private final List<String> rooms;
    private final String currency;
    private final PrintWriter out;
    private final Random random = new Random(7);
    private int guests;
    private String lastAccount;

    DemoFrontOffice(StayDesk desk, AmiServer pbx, SwitchboardConfig config, List<String> trafficRooms, PrintWriter out) {
        this.desk = desk;
        this.pbx = pbx;
        Map<String, Extension> ext = config.directory().extensions();
        this.rooms = trafficRooms.stream().map(n -> ext.get(n).room()).distinct().sorted().toList();
        this.currency = config.currency();
        this.out = out;
    }

    /** Fills the hotel on a first run: every room but each seventh; returns how many guests were checked in. */
    int fillHotel() {
        if (!desk.inHouse().isEmpty()) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < rooms.size(); i++) {
            if (i % 7 == 3) {
                continue; // vacant: its calls become vacant-room exceptions
            }
            String deposit = i % 6 == 5 ? "2" : "800"; // small deposits: barred at about the first outside call (limit 1.60)
            if (checkIn(rooms.get(i), deposit, null)) {
                n++;
            }
            if (i % 9 == 1 && checkIn(rooms.get(i), "0", lastAccount)) {
                n++; // a sharer: the room's calls still go to the main account
            }
        }
        return n;
    }

    private boolean checkIn(String room, String deposit, String sharerOf) {
        String account = "D" + room + "-" + (++guests);
        String name = guests % 6 == 0 ? WESTERN[guests % WESTERN.length]
                : SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        try {
            desk.checkIn(account, name, room, Money.of(deposit, currency), sharerOf);
        } catch (Refusal e) {
            return false; // the room filled meanwhile: the demo goes on with the next one
        }
        lastAccount = sharerOf == null ? account : lastAccount;
        return true;
    }

    /** Checks one guest out (one on an outside call if there is one) and another guest into a vacant room. */
    void turnOver() {
        Set<String> onOutsideCall = pbx.liveCalls().values().stream()
                .filter(chs -> chs.stream().anyMatch(c -> c.contains("trunk")))
                .flatMap(List::stream).map(c -> c.substring(c.indexOf('/') + 1, Math.max(c.indexOf('/') + 1, c.lastIndexOf('-'))))
                .collect(Collectors.toSet());
        List<InHouse> payers = desk.inHouse().stream().filter(g -> g.paidBy().equals(g.accountId()))
                .sorted(Comparator.comparing(InHouse::room)).toList();
        if (payers.size() > rooms.size() / 2) {
            InHouse leaving = payers.stream().filter(g -> onOutsideCall.contains(g.room())).findFirst()
                    .orElse(payers.get(random.nextInt(payers.size())));
            List<InHouse> sharers = desk.inHouse().stream()
                    .filter(g -> g.paidBy().equals(leaving.accountId()) && !g.accountId().equals(leaving.accountId())).toList();
            sharers.forEach(s -> checkedOut(s.accountId()));
            if (checkedOut(leaving.accountId())) {
                out.printf("  front office: %s (%s) checked out of room %s%s%n", leaving.accountId(), leaving.name(),
                        leaving.room(), onOutsideCall.contains(leaving.room()) ? " while on an outside call (late charge)" : "");
            }
        }
        Set<String> occupied = desk.inHouse().stream().map(InHouse::room).collect(Collectors.toSet());
        List<String> vacant = new ArrayList<>(rooms.stream().filter(r -> !occupied.contains(r)).toList());
        if (vacant.size() > rooms.size() / 5) {
            String room = vacant.get(random.nextInt(vacant.size()));
            if (checkIn(room, "800", null)) {
                out.printf("  front office: %s checked into room %s%n", lastAccount, room);
            }
        }
        out.flush();
    }

    private boolean checkedOut(String account) {
        try {
            desk.checkOut(account);
            return true;
        } catch (Refusal e) {
            return false; // already gone: nothing to turn over
        }
    }
}
