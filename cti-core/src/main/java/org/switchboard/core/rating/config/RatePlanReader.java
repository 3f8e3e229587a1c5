package org.switchboard.core.rating.config;

import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;
import org.switchboard.billing.money.Money;
import org.switchboard.billing.tariff.Band;
import org.switchboard.billing.tariff.RatePlan;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One rate plan of a tariff file ({@code plans.ID}): its blocks, prices and time-of-day bands. */
final class RatePlanReader {

    private static final Set<String> PLAN_KEYS = Set.of("initial-block-seconds", "initial-block-price",
            "next-block-seconds", "next-block-price", "minimum-charge", "grace-seconds", "connection-fee", "bands");

    private RatePlanReader() {
    }

    static RatePlan plan(YamlNodes y, String id, Node node, Currency currency) {
        String path = "plans." + id;
        if (!(node instanceof MappingNode pn)) {
            y.error(node, path, "expected the plan's blocks and prices");
            return null;
        }
        Map<String, Node> p = y.entries(pn, path, PLAN_KEYS);
        int first = y.intInRange(p, "initial-block-seconds", path, pn, 60, 1, 86_400);
        Money firstPrice = y.value(p, "initial-block-price", path, pn, null, "an amount like 0.50", s -> money(s, currency));
        int next = y.intInRange(p, "next-block-seconds", path, pn, first, 1, 86_400);
        Money nextPrice = y.value(p, "next-block-price", path, pn, null, "an amount like 0.50", s -> money(s, currency));
        Money minimum = y.value(p, "minimum-charge", path, pn, "0", "an amount like 0.50", s -> money(s, currency));
        int grace = y.intInRange(p, "grace-seconds", path, pn, 0, 0, 3600);
        Money connection = y.value(p, "connection-fee", path, pn, "0", "an amount like 0.50", s -> money(s, currency));
        List<Band> bands = new ArrayList<>();
        for (YamlNodes.Item item : y.mappings(p, "bands", path, pn, "name, days, from, to, percent",
                Set.of("name", "days", "from", "to", "percent"))) {
            String bpath = item.path();
            MappingNode bn = item.node();
            Map<String, Node> b = item.fields();
            String name = y.text(b, "name", bpath, bn, null);
            LocalTime from = y.value(b, "from", bpath, bn, "00:00", "a time like 21:00", RatePlanReader::time);
            LocalTime to = y.value(b, "to", bpath, bn, "00:00", "a time like 07:00 (24:00 = midnight)", RatePlanReader::time);
            int percent = y.intInRange(b, "percent", bpath, bn, 100, 0, 1000);
            Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
            if (b.get("days") instanceof SequenceNode sn) {
                days = EnumSet.noneOf(DayOfWeek.class);
                for (Node dnode : sn.getValue()) {
                    DayOfWeek d = dnode instanceof ScalarNode s ? day(s.getValue()) : null;
                    if (d == null) {
                        y.error(dnode, bpath + ".days", "expected mon, tue, wed, thu, fri, sat or sun");
                    } else {
                        days.add(d);
                    }
                }
            } else if (b.containsKey("days")) {
                y.error(b.get("days"), bpath + ".days", "expected a list like [sat, sun]");
            }
            if (name != null && from != null && to != null && !days.isEmpty()) {
                bands.add(new Band(name, days, from, to, percent));
            }
        }
        if (firstPrice == null || nextPrice == null || minimum == null || connection == null) {
            return null;
        }
        return new RatePlan(id, first, firstPrice, next, nextPrice, minimum, grace, connection, bands);
    }

    static Money money(String s, Currency currency) {
        BigDecimal v = new BigDecimal(s);
        return v.signum() < 0 ? null : new Money(v, currency);
    }


    private static LocalTime time(String s) {
        return s.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(s.length() == 4 ? "0" + s : s);
    }

    private static DayOfWeek day(String s) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).startsWith(s.trim().toLowerCase(Locale.ROOT)) && s.trim().length() >= 3) {
                return d;
            }
        }
        return null;
    }
}
