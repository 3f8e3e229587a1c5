package org.switchboard.core.wakeup.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.wakeup.model.WakeupSettings;
import org.switchboard.pbx.ami.OriginateRequest;
import org.switchboard.pbx.ami.Originator;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A guest who was not woken: a person must act. The live stream raises the alarm and the operator's phone rings;
 * while the PBX link is down (a start before the first login, an outage) the ring is kept and placed at the next
 * login, so the operator is never rung only in the log. Runs on the wake-up caller's thread.
 */
final class OperatorEscalation {

    private static final Logger log = LoggerFactory.getLogger(WakeupCaller.class);

    private final Originator pbx;
    private final WakeupSettings settings;
    private final ZoneId zone;
    private final WakeupAnnouncer announcer;
    private final BooleanSupplier linkUp;
    private final Consumer<Runnable> onCallerThread;
    /** Escalations whose operator call could not be placed yet (link down); rung at the next login. */
    private final List<WakeupAlarm> waitingForTheLink = new ArrayList<>();

    OperatorEscalation(Originator pbx, WakeupSettings settings, ZoneId zone, WakeupAnnouncer announcer,
                       BooleanSupplier linkUp, Consumer<Runnable> onCallerThread) {
        this.pbx = pbx;
        this.settings = settings;
        this.zone = zone;
        this.announcer = announcer;
        this.linkUp = linkUp;
        this.onCallerThread = onCallerThread;
    }

    void escalate(WakeupAlarm alarm) {
        log.warn("WAKE-UP NOT ANSWERED: room {} (call {}, due {}): {} — ringing the operator {}",
                alarm.room(), alarm.callNo(), alarm.dueAt().atZone(zone).toLocalTime(), alarm.reason(),
                settings.operatorExtension());
        announcer.announce("wakeup-alarm", alarm);
        ringOperator(alarm);
    }

    /** The link is up: rings the operator for every escalation kept while it was down. */
    void linkUp() {
        List<WakeupAlarm> rings = List.copyOf(waitingForTheLink);
        waitingForTheLink.clear();
        rings.forEach(this::ringOperator);
    }

    private void ringOperator(WakeupAlarm alarm) {
        if (!linkUp.getAsBoolean()) {
            keepForTheLink(alarm);
            return;
        }
        pbx.originate(new OriginateRequest("wakeup-escalate-" + alarm.room() + "-" + alarm.callId(),
                        settings.dialString(settings.operatorExtension()), settings.escalationContext(), "s",
                        settings.ringTimeout(), "\"Wake-up " + alarm.room() + "\" <" + settings.operatorExtension() + ">",
                        Map.of(WakeupCaller.ESCALATION_VARIABLE, alarm.room())),
                refusal -> {
                    if (refusal != null) {
                        onCallerThread.accept(() -> notRung(alarm, refusal));
                    }
                });
    }

    private void keepForTheLink(WakeupAlarm alarm) {
        waitingForTheLink.add(alarm);
        log.info("the operator will be rung for room {}'s wake-up when the PBX link is up", alarm.room());
    }

    private void notRung(WakeupAlarm alarm, String refusal) {
        if (refusal.contains("link is down")) {
            keepForTheLink(alarm); // tried again at the next login, or by the caller's watch within a second
        } else {
            log.error("could not ring the operator for room {}'s wake-up: {}", alarm.room(), refusal);
        }
    }
}
