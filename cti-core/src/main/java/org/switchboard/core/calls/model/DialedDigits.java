package org.switchboard.core.calls.model;

/**
 * The number a Dial sent to a trunk, from its dial string as chan_sip and chan_pjsip write it:
 * {@code SIP/trunk/612345678}, {@code trunk/612345678} (DialBegin's DialString), {@code PJSIP/612345678@trunk},
 * {@code PJSIP/trunk/sip:612345678@203.0.113.5:5060}. Options after a comma are not part of it.
 */
final class DialedDigits {

    private DialedDigits() {
    }

    static String of(String dialString) {
        if (dialString == null) {
            return null;
        }
        String target = dialString.split(",", 2)[0];
        target = target.substring(target.lastIndexOf('/') + 1);
        if (target.regionMatches(true, 0, "sip:", 0, 4)) {
            target = target.substring(4);
        }
        int at = target.indexOf('@');
        return at >= 0 ? target.substring(0, at) : target;
    }
}
