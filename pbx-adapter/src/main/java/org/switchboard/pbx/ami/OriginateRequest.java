package org.switchboard.pbx.ami;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * An asynchronous AMI {@code Originate}: ring {@code channel} (a dial string such as {@code SIP/101})
 * and, once answered, run {@code context}/{@code exten} priority 1. The outcome arrives later as an
 * {@code OriginateResponse} carrying {@code actionId}.
 */
public record OriginateRequest(String actionId, String channel, String context, String exten, Duration timeout,
                               String callerId, Map<String, String> variables) {
    public OriginateRequest {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(exten, "exten");
        variables = Map.copyOf(variables);
    }
}
