package org.switchboard.pbx.ami;

import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The AMI actions the link sends, built from our requests. */
final class AmiActions {

    private AmiActions() {
    }

    /** An asynchronous Originate: its OriginateResponse event carries the request's action id. */
    static OriginateAction originate(OriginateRequest r) {
        OriginateAction a = new OriginateAction();
        a.setActionId(r.actionId());
        a.setChannel(r.channel());
        a.setContext(r.context());
        a.setExten(r.exten());
        a.setPriority(1);
        a.setTimeout(r.timeout().toMillis());
        if (r.callerId() != null) {
            a.setCallerId(r.callerId());
        }
        r.variables().forEach(a::setVariable);
        a.setAsync(true);
        return a;
    }

    /** {@code CoreShowChannels}: one row per live channel. */
    static List<CoreShowChannelEvent> liveChannels(ManagerConnection connection, Duration timeout) throws Exception {
        List<CoreShowChannelEvent> rows = new ArrayList<>();
        connection.sendEventGeneratingAction(new CoreShowChannelsAction(), timeout.toMillis()).getEvents().forEach(e -> {
            if (e instanceof CoreShowChannelEvent c) {
                rows.add(c);
            }
        });
        return rows;
    }
}
