package org.switchboard.core.rating.config;

import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;
import org.switchboard.billing.tariff.Category;
import org.switchboard.billing.tariff.RatePlan;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The {@code categories} section of a tariff file: every priced category has a plan, and the must-be-free ones a free one. */
final class TariffCategories {

    private TariffCategories() {
    }

    static Map<Category, RatePlan> read(YamlNodes y, MappingNode cn, MappingNode pn, Map<String, RatePlan> plans) {
        Map<Category, RatePlan> byCategory = new EnumMap<>(Category.class);
        if (cn != null) {
            for (NodeTuple t : cn.getValue()) {
                String name = ((ScalarNode) t.getKeyNode()).getValue();
                Category c = category(name);
                String key = "categories." + name;
                if (c == null || c == Category.BLOCKED) {
                    y.error(t.getKeyNode(), key, "not a priced category (one of " + pricedCategories() + ")");
                    continue;
                }
                String planId = t.getValueNode() instanceof ScalarNode s ? s.getValue() : null;
                if (planId == null || !plans.containsKey(planId)) {
                    if (pn != null && (planId == null || !hasKey(pn, planId))) {
                        y.error(t.getValueNode(), key, "'" + planId + "' is not a plan defined under plans");
                    }
                    continue;
                }
                byCategory.put(c, plans.get(planId));
            }
            for (Category c : Category.values()) {
                if (c != Category.BLOCKED && !byCategory.containsKey(c) && !hasKey(cn, name(c))) {
                    y.error(cn, "categories." + name(c), "missing: every category needs a plan (a free one is fine)");
                }
            }
            for (Map.Entry<Category, RatePlan> e : byCategory.entrySet()) {
                if (e.getKey().mustBeFree() && !e.getValue().isFree()) {
                    y.error(valueNode(cn, name(e.getKey())), "categories." + name(e.getKey()),
                            "must be a free plan, but '" + e.getValue().id() + "' charges");
                }
            }
        }
        return byCategory;
    }

    private static boolean hasKey(MappingNode m, String key) {
        return valueNode(m, key) != m;
    }

    private static Node valueNode(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return m;
    }

    private static String name(Category c) {
        return c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Category category(String s) {
        try {
            return Category.valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String all() {
        return String.join(", ", Stream.of(Category.values()).map(TariffCategories::name).toList());
    }

    private static String pricedCategories() {
        return String.join(", ", Stream.of(Category.values()).filter(c -> c != Category.BLOCKED)
                .map(TariffCategories::name).toList());
    }
}
