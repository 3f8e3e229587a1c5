package org.switchboard.pbx.sim;

import java.util.Map;

/**
 * The call patterns recorded from a real Asterisk 20 (see {@code /transcripts/README.md}), with
 * the recorded values that stand for each role. Role names: {@code caller}, {@code callerName},
 * {@code callee}, {@code calleeName}, {@code dialled} (as the guest dialled it, outside-line digit
 * included), {@code trunkDigits} (as sent to the trunk), {@code did}, {@code trunkPeer}; for wake-up
 * Originates {@code room}, {@code roomName} and the Originate's caller id {@code cidName}, {@code cidNum}.
 */
public enum RecordedCalls {
    INTERNAL_ANSWERED_CALLEE_HANGUP("internal_answered_callee_hangup",
            Map.of("Room 101", "callerName", "101", "caller", "102", "callee")),
    INTERNAL_ANSWERED_CALLER_HANGUP("internal_answered_caller_hangup",
            Map.of("Room 201", "callerName", "201", "caller", "101", "callee")),
    INTERNAL_NO_ANSWER("internal_no_answer",
            Map.of("Room 101", "callerName", "101", "caller", "201", "callee")),
    INTERNAL_BUSY("internal_busy",
            Map.of("Room 102", "callerName", "102", "caller", "101", "callee")),
    OUTBOUND_INTERNATIONAL("outbound_international_65s",
            Map.of("Room 101", "callerName", "101", "caller", "00441234567890", "dialled", "trunk", "trunkPeer")),
    OUTBOUND_NATIONAL("outbound_national_trunk_hangup",
            Map.of("Room 102", "callerName", "102", "caller", "0612345678", "dialled",
                    "612345678", "trunkDigits", "trunk", "trunkPeer")),
    INBOUND_TO_STAFF("inbound_trunk_to_operator",
            Map.of("External Caller", "callerName", "4930123456", "caller", "5550100", "did",
                    "9000", "callee", "Operator", "calleeName", "trunk", "trunkPeer")),
    /** Wake-up Originates (no caller channel): the room answers, does not answer, or is busy. */
    WAKEUP_ANSWERED("wakeup_answered",
            Map.of("Room 101", "roomName", "101", "room", "Wake-up Service", "cidName", "9000", "cidNum")),
    WAKEUP_NO_ANSWER("wakeup_no_answer",
            Map.of("Room 102", "roomName", "102", "room", "Wake-up Service", "cidName", "9000", "cidNum")),
    WAKEUP_BUSY("wakeup_busy",
            Map.of("Room 201", "roomName", "201", "room", "Wake-up Service", "cidName", "9000", "cidNum"));

    private final String scenario;
    private final Map<String, String> roleTokens;
    private volatile CallTemplate template;

    RecordedCalls(String scenario, Map<String, String> roleTokens) {
        this.scenario = scenario;
        this.roleTokens = roleTokens;
    }

    public String scenario() {
        return scenario;
    }

    /** The recorded value standing for a role, e.g. {@code room → "101"}. */
    public String roleValue(String role) {
        return roleTokens.entrySet().stream().filter(e -> e.getValue().equals(role)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException(scenario + " has no role " + role));
    }

    /** The template, loaded from the classpath on first use. */
    public CallTemplate template() {
        CallTemplate t = template;
        if (t == null) {
            Transcript transcript = Transcript.fromResource(scenario);
            t = CallTemplate.of(transcript, roleTokens, transcript.recordedStart());
            template = t;
        }
        return t;
    }
}
