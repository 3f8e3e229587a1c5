package org.switchboard.pbx.ami;

import org.asteriskjava.manager.action.OriginateAction;


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
}
