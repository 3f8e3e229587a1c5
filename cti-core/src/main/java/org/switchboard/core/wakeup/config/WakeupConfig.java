package org.switchboard.core.wakeup.config;

import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import org.switchboard.core.directory.Directory;
import org.switchboard.core.wakeup.model.WakeupSettings;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** The {@code wakeup:} section of {@code switchboard.yaml}; every mistake reported with file, line and key. */
public final class WakeupConfig {

    private WakeupConfig() {
    }

    public static WakeupSettings read(YamlNodes y, Map<String, Node> top, Node root, Directory directory) {
        WakeupSettings d = WakeupSettings.defaults();
        MappingNode node = y.mapping(top, "wakeup", "", root, false);
        if (node == null) {
            return d;
        }
        String p = "wakeup";
        Map<String, Node> w = y.entries(node, p, Set.of("channel", "context", "exten", "caller-id", "ring-seconds",
                "retries", "retry-interval-seconds", "minimum-answer-seconds", "max-channels", "late-limit-minutes",
                "operator-extension", "escalation-context"));
        String channel = y.value(w, "channel", p, node, d.channel(),
                "a dial string with {extension}, like SIP/{extension} or PJSIP/{extension}",
                s -> s.matches("[A-Za-z0-9]+/[A-Za-z0-9_.@{}-]*\\{extension}[A-Za-z0-9_.@-]*") ? s : null);
        String context = y.value(w, "context", p, node, d.context(), "a dialplan context name",
                s -> s.matches("[A-Za-z0-9_-]+") ? s : null);
        String exten = y.value(w, "exten", p, node, d.exten(), "a dialplan extension", s -> s.matches("[A-Za-z0-9_*#+-]+") ? s : null);
        String callerId = y.text(w, "caller-id", p, node, d.callerId());
        int ring = y.intInRange(w, "ring-seconds", p, node, (int) d.ringTimeout().toSeconds(), 5, 120);
        int retries = y.intInRange(w, "retries", p, node, d.retries(), 0, 5);
        int interval = y.intInRange(w, "retry-interval-seconds", p, node, (int) d.retryInterval().toSeconds(), 30, 1800);
        int minimum = y.intInRange(w, "minimum-answer-seconds", p, node, 0, 0, 60);
        int channels = y.intInRange(w, "max-channels", p, node, d.maxChannels(), 1, 500);
        int late = y.intInRange(w, "late-limit-minutes", p, node, (int) d.lateLimit().toMinutes(), 0, 120);
        String operator = y.value(w, "operator-extension", p, node, d.operatorExtension(),
                "an extension listed in extensions.yaml", s -> directory.extension(s).isPresent() ? s : null);
        String escalation = y.value(w, "escalation-context", p, node, d.escalationContext(), "a dialplan context name",
                s -> s.matches("[A-Za-z0-9_-]+") ? s : null);
        if (interval < ring) {
            y.error(w.getOrDefault("retry-interval-seconds", node), p + ".retry-interval-seconds",
                    "must be at least ring-seconds (" + ring + ")");
        }
        if (channel == null || context == null || exten == null || operator == null || escalation == null) {
            return d; // errors reported
        }
        return new WakeupSettings(channel, context, exten, callerId, Duration.ofSeconds(ring), retries,
                Duration.ofSeconds(interval), Duration.ofSeconds(minimum), channels, Duration.ofMinutes(late), operator,
                escalation);
    }
}
