package org.switchboard.core.calls.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DialedDigitsTest {

    @Test
    void theNumberSentToTheTrunkWhateverTheChannelDriverWrote() {
        assertEquals("612345678", DialedDigits.of("trunk/612345678"), "chan_sip DialBegin DialString");
        assertEquals("612345678", DialedDigits.of("SIP/trunk/612345678,60"), "chan_sip CDR lastdata");
        assertEquals("612345678", DialedDigits.of("612345678@trunk"), "chan_pjsip DialBegin DialString");
        assertEquals("612345678", DialedDigits.of("PJSIP/612345678@trunk,60"), "chan_pjsip CDR lastdata");
        assertEquals("0044207946", DialedDigits.of("PJSIP/trunk/sip:0044207946@203.0.113.5:5060"), "a SIP URI");
        assertNull(DialedDigits.of(null));
    }
}
