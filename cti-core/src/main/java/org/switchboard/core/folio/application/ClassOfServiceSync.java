package org.switchboard.core.folio.application;

import org.switchboard.core.background.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.folio.infrastructure.CosBook;
import org.switchboard.core.folio.infrastructure.CreditBook;
import org.switchboard.core.stays.application.InHouseGuests;
import org.switchboard.pbx.ami.AstDbWriter;
import org.switchboard.pbx.event.PbxEvent;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Keeps each room phone's class of service on the PBX in line with the stays: {@code full} while a guest
 * is in house and not barred, {@code internal} (internal and emergency calls only) while the room is
 * vacant or its guest has reached the credit limit. It compares what should be with what was last
 * confirmed and sends {@code DBPut} for the differences, every second and again after every (re)login,
 * so a change made while the link was down, or by the CLI in another process, still reaches the PBX.
 * Hotels that keep no stays here (none ever checked in) are left alone.
 */
public final class ClassOfServiceSync implements AutoCloseable {

    public static final String FULL = "full";
    public static final String INTERNAL = "internal";
    private static final Logger log = LoggerFactory.getLogger(ClassOfServiceSync.class);

    private final InHouseGuests stays;
    private final CreditBook credit;
    private final CosBook applied;
    private final Directory directory;
    private final AstDbWriter pbx;
    private final String family;
    private final Clock clock;
    private final BiConsumer<String, Object> announce;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final java.util.Queue<Map.Entry<String, String>> confirmed = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile boolean resendAll = true;
    /** Said once per outage of the link, not once per room and pass (that was 421 lines in 7 s). */
    private final java.util.concurrent.atomic.AtomicBoolean waitingForLinkSaid = new java.util.concurrent.atomic.AtomicBoolean();
    private final BackgroundLoop loop = new BackgroundLoop("class-of-service", java.time.Duration.ofSeconds(1), this::syncOnce);

    public ClassOfServiceSync(InHouseGuests stays, CreditBook credit, CosBook applied, Directory directory, AstDbWriter pbx,
                              String family, Clock clock, BiConsumer<String, Object> announce) {
        this.stays = stays;
        this.credit = credit;
        this.applied = applied;
        this.directory = directory;
        this.pbx = pbx;
        this.family = family;
        this.clock = clock;
        this.announce = announce;
    }

    /** Sees PBX events: after each login every phone's class of service is sent again. */
    public void observe(PbxEvent e) {
        if (e instanceof PbxEvent.LinkUp) {
            resendAll = true;
            if (waitingForLinkSaid.getAndSet(false)) {
                log.info("PBX link is up: setting every room phone's class of service again");
            }
            nudge();
        }
    }

    /** The class of service each room extension should have now. */
    public Map<String, String> desired() {
        Map<String, String> payerOfRoom = new HashMap<>();
        stays.inHouse().forEach(g -> payerOfRoom.putIfAbsent(g.room(), g.paidBy()));
        Set<String> barred = credit.barredAccounts();
        Map<String, String> out = new LinkedHashMap<>();
        for (Extension x : directory.extensions().values()) {
            if (x.room() != null) {
                String payer = payerOfRoom.get(x.room());
                out.put(x.number(), payer != null && !barred.contains(payer) ? FULL : INTERNAL);
            }
        }
        return out;
    }

    /** One pass: announce new credit bars, send what differs. Returns how many DBPuts were sent. */
    public int syncOnce() {
        if (!stays.keepsStays()) {
            return 0;
        }
        recordConfirmed();
        announceNewBars();
        if (waitingForLinkSaid.get()) {
            return 0; // nothing can be set until the next login, which sends everything
        }
        boolean all = resendAll;
        resendAll = false;
        Map<String, String> done = applied.applied();
        int sent = 0;
        for (Map.Entry<String, String> want : desired().entrySet()) {
            String ext = want.getKey();
            String cos = want.getValue();
            if ((all || !cos.equals(done.get(ext))) && inFlight.add(ext)) {
                sent++;
                pbx.put(family, ext, cos, failure -> {
                    // On the AMI reader thread: hand the answer over, no database work here.
                    if (failure == null) {
                        confirmed.add(Map.entry(ext, cos));
                        nudge();
                    } else if (failure.contains("link is down")) {
                        inFlight.remove(ext);
                        resendAll = true;
                        if (!waitingForLinkSaid.getAndSet(true)) {
                            log.info("class of service waits for the PBX link: room phones are set when it is up");
                        }
                    } else {
                        inFlight.remove(ext);
                        log.warn("extension {}: class of service {} not set: {}", ext, cos, failure);
                    }
                });
            }
        }
        return sent;
    }

    /** Stores what the PBX confirmed since the last pass; only then may the extension be sent again. */
    private void recordConfirmed() {
        for (Map.Entry<String, String> c; (c = confirmed.poll()) != null; ) {
            applied.applied(c.getKey(), c.getValue(), clock.instant());
            inFlight.remove(c.getKey());
            log.debug("extension {} class of service {}", c.getKey(), c.getValue());
        }
    }

    private void announceNewBars() {
        for (CreditBook.Bar bar : credit.bars(true)) {
            if (bar.announcedAt() == null) {
                Map<String, Object> alarm = new LinkedHashMap<>();
                alarm.put("room", bar.room());
                alarm.put("account", bar.accountId());
                alarm.put("name", bar.name());
                alarm.put("charged", bar.charged().stripTrailingZeros().toPlainString());
                alarm.put("deposit", bar.deposit().stripTrailingZeros().toPlainString());
                alarm.put("limit", bar.limit().stripTrailingZeros().toPlainString());
                alarm.put("barredAt", bar.barredAt().toString());
                announce.accept("credit-limit", alarm);
                log.warn("room {}: guest {} ({}) reached the credit limit ({} of deposit {}); outside calls barred",
                        bar.room(), bar.accountId(), bar.name(), bar.charged().stripTrailingZeros().toPlainString(),
                        bar.deposit().stripTrailingZeros().toPlainString());
                credit.announced(bar.id(), clock.instant());
            }
        }
    }

    public void nudge() {
        loop.nudge();
    }

    public void start() {
        loop.start();
    }

    @Override
    public void close() {
        loop.close();
    }
}
