package org.switchboard.core.folio.config;

import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import org.switchboard.billing.folio.CreditLimit;
import org.switchboard.core.folio.model.FolioSettings;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/** The {@code folio:} section of {@code switchboard.yaml}; every mistake reported with file, line and key. */
public final class FolioConfig {

    private FolioConfig() {
    }

    public static FolioSettings read(YamlNodes y, Map<String, Node> top, Node root) {
        FolioSettings d = FolioSettings.defaults();
        MappingNode node = y.mapping(top, "folio", "", root, false);
        if (node == null) {
            return d;
        }
        String p = "folio";
        Map<String, Node> f = y.entries(node, p, Set.of("business-day-closes-at", "credit-limit-percent", "cos-family",
                "provisional-wait-minutes"));
        LocalTime closes = y.value(f, "business-day-closes-at", p, node, d.businessDayClosesAt().toString(),
                "a time of day like \"04:00\" (00:00 = the calendar date)", FolioConfig::time);
        int percent = y.intInRange(f, "credit-limit-percent", p, node,
                d.creditLimit().percentOfDeposit().intValue(), 1, 100);
        String family = y.value(f, "cos-family", p, node, d.cosFamily(), "an AstDB family name (letters, digits, - _ /)",
                s -> s.matches("[A-Za-z0-9_/-]{1,40}") ? s : null);
        if (closes == null || family == null) {
            return d; // errors reported
        }
        int wait = y.intInRange(f, "provisional-wait-minutes", p, node,
                (int) d.provisionalWait().toMinutes(), 0, 7 * 24 * 60);
        return new FolioSettings(closes, new CreditLimit(BigDecimal.valueOf(percent)), family,
                java.time.Duration.ofMinutes(wait));
    }

    private static LocalTime time(String s) {
        try {
            return s.matches("\\d{2}:\\d{2}") ? LocalTime.parse(s) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
