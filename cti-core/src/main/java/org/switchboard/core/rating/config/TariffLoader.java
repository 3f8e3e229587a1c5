package org.switchboard.core.rating.config;

import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import org.switchboard.billing.money.Money;
import org.switchboard.billing.rating.TariffBook;
import org.switchboard.billing.tariff.Band;
import org.switchboard.billing.tariff.Category;
import org.switchboard.billing.tariff.DiallingRules;
import org.switchboard.billing.tariff.PrefixRule;
import org.switchboard.billing.tariff.PrefixTable;
import org.switchboard.billing.tariff.RatePlan;
import org.switchboard.billing.tariff.Tariff;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads the PBX administrator's tariff files ({@code tariff*.yaml}, one version each) into a
 * {@link TariffBook}. Every mistake is reported as {@code file:line: key: message}; a tariff that
 * leaves a category unpriced, or charges for emergency, toll-free or internal calls, is refused here.
 */
public final class TariffLoader {

    private static final Set<String> TOP = Set.of("version", "effective-from", "currency", "rounding",
            "service-fee-percent", "surcharge", "tax-percent", "dialling", "trunk-dialling", "plans", "categories",
            "prefixes");
    private static final Set<String> PLAN_KEYS = Set.of("initial-block-seconds", "initial-block-price",
            "next-block-seconds", "next-block-price", "minimum-charge", "grace-seconds", "connection-fee", "bands");

    private TariffLoader() {
    }

    /** Every {@code tariff*.yaml} in the directory (none is allowed: then nothing can be rated). */
    public static TariffBook loadAll(Path configDir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(configDir)) {
            files = s.filter(p -> p.getFileName().toString().matches("tariff.*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            return new TariffBook(List.of());
        }
        List<ConfigError> errors = new ArrayList<>();
        List<Tariff> tariffs = new ArrayList<>();
        for (Path f : files) {
            Tariff t = load(f, errors);
            if (t != null) {
                tariffs.add(t);
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        try {
            return new TariffBook(tariffs);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(List.of(new ConfigError(configDir.toString(), 0, "effective-from", e.getMessage())));
        }
    }

    /** One tariff file; throws {@link ConfigException} listing every error in it. */
    public static Tariff loadFile(Path file) {
        List<ConfigError> errors = new ArrayList<>();
        Tariff t = load(file, errors);
        if (!errors.isEmpty() || t == null) {
            throw new ConfigException(errors);
        }
        return t;
    }

    private static Tariff load(Path file, List<ConfigError> errors) {
        YamlNodes y = new YamlNodes(file.toString(), errors);
        MappingNode root = y.load(file);
        if (root == null) {
            return null;
        }
        int before = errors.size();
        Map<String, Node> top = y.entries(root, "", TOP);
        String version = y.text(top, "version", "", root, null);
        LocalDate from = y.value(top, "effective-from", "", root, null, "a date like 2026-11-01", LocalDate::parse);
        Currency currency = y.value(top, "currency", "", root, null, "an ISO currency code such as CNY",
                s -> Currency.getInstance(s.toUpperCase(Locale.ROOT)));
        RoundingMode rounding = y.value(top, "rounding", "", root, "half-up",
                "one of half-up, half-even, half-down, up, down, ceiling, floor",
                s -> RoundingMode.valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_')));
        BigDecimal feePercent = y.value(top, "service-fee-percent", "", root, "0", "a percentage like 15", TariffLoader::percent);
        BigDecimal taxPercent = y.value(top, "tax-percent", "", root, "0", "a percentage like 6", TariffLoader::percent);
        Money surcharge = currency == null ? null
                : y.value(top, "surcharge", "", root, "0", "an amount in " + currency + " like 1.00", s -> money(s, currency));

        DiallingRules dialling = null;
        MappingNode dn = y.mapping(top, "dialling", "", root, true);
        if (dn != null) {
            dialling = dialling(y, dn, "dialling");
        }
        Map<String, DiallingRules> trunkDialling = new HashMap<>();
        MappingNode tdn = y.mapping(top, "trunk-dialling", "", root, false);
        if (tdn != null) {
            for (NodeTuple t : tdn.getValue()) {
                String trunk = ((ScalarNode) t.getKeyNode()).getValue();
                if (t.getValueNode() instanceof MappingNode m) {
                    DiallingRules r = dialling(y, m, "trunk-dialling." + trunk);
                    if (r != null) {
                        trunkDialling.put(trunk, r);
                    }
                } else {
                    y.error(t.getValueNode(), "trunk-dialling." + trunk, "expected the trunk's dialling rules");
                }
            }
        }

        Map<String, RatePlan> plans = new HashMap<>();
        MappingNode pn = y.mapping(top, "plans", "", root, true);
        if (pn != null && currency != null) {
            for (NodeTuple t : pn.getValue()) {
                String id = ((ScalarNode) t.getKeyNode()).getValue();
                RatePlan plan = plan(y, id, t.getValueNode(), currency);
                if (plan != null) {
                    plans.put(id, plan);
                }
            }
        }

        Map<Category, RatePlan> byCategory = new EnumMap<>(Category.class);
        MappingNode cn = y.mapping(top, "categories", "", root, true);
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

        List<PrefixRule> rules = new ArrayList<>();
        Map<String, Integer> prefixLines = new HashMap<>();
        List<Node> prefixes = y.sequence(top, "prefixes", "", root);
        for (int i = 0; i < prefixes.size(); i++) {
            String path = "prefixes[" + i + "]";
            if (!(prefixes.get(i) instanceof MappingNode rn)) {
                y.error(prefixes.get(i), path, "expected prefix, area and category");
                continue;
            }
            Map<String, Node> r = y.entries(rn, path, Set.of("prefix", "area", "category"));
            String prefix = y.value(r, "prefix", path, rn, null, "digits", TariffLoader::digits);
            String area = y.text(r, "area", path, rn, null);
            Category c = y.value(r, "category", path, rn, null, "one of " + allCategories(), TariffLoader::category);
            Integer earlier = prefix == null ? null : prefixLines.putIfAbsent(prefix, YamlNodes.line(rn));
            if (earlier != null) {
                y.error(rn, path + ".prefix", "prefix " + prefix + " is already defined on line " + earlier);
            } else if (prefix != null && area != null && c != null) {
                rules.add(new PrefixRule(prefix, area, c, YamlNodes.line(rn)));
            }
        }
        PrefixTable table = null;
        try {
            table = new PrefixTable(rules);
        } catch (IllegalArgumentException e) {
            y.error(root, "prefixes", e.getMessage());
        }
        if (errors.size() > before || version == null || from == null || currency == null || dialling == null
                || table == null) {
            return null;
        }
        try {
            return new Tariff(version, from, currency, rounding, feePercent, surcharge, taxPercent, dialling,
                    trunkDialling, byCategory, table);
        } catch (IllegalArgumentException e) {
            y.error(root, "(tariff)", e.getMessage());
            return null;
        }
    }

    private static DiallingRules dialling(YamlNodes y, MappingNode dn, String path) {
        Map<String, Node> d = y.entries(dn, path, Set.of("outside-line", "international-prefix", "national-prefix",
                "local-area-code", "local-number-length"));
        String outside = y.value(d, "outside-line", path, dn, null, "digits", TariffLoader::digits);
        String intl = y.value(d, "international-prefix", path, dn, null, "digits", TariffLoader::digits);
        String national = y.value(d, "national-prefix", path, dn, "", "digits", s -> s.isEmpty() ? s : digits(s));
        String area = y.value(d, "local-area-code", path, dn, "", "digits", s -> s.isEmpty() ? s : digits(s));
        int localLength = y.intInRange(d, "local-number-length", path, dn, 0, 0, 15);
        return outside == null || intl == null || national == null || area == null ? null
                : new DiallingRules(outside, intl, national, area, localLength);
    }

    private static RatePlan plan(YamlNodes y, String id, Node node, Currency currency) {
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
        List<Node> bandNodes = y.sequence(p, "bands", path, pn);
        for (int i = 0; i < bandNodes.size(); i++) {
            String bpath = path + ".bands[" + i + "]";
            if (!(bandNodes.get(i) instanceof MappingNode bn)) {
                y.error(bandNodes.get(i), bpath, "expected name, days, from, to, percent");
                continue;
            }
            Map<String, Node> b = y.entries(bn, bpath, Set.of("name", "days", "from", "to", "percent"));
            String name = y.text(b, "name", bpath, bn, null);
            LocalTime from = y.value(b, "from", bpath, bn, "00:00", "a time like 21:00", TariffLoader::time);
            LocalTime to = y.value(b, "to", bpath, bn, "00:00", "a time like 07:00 (24:00 = midnight)", TariffLoader::time);
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

    private static Category category(String s) {
        try {
            return Category.valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String allCategories() {
        return String.join(", ", Stream.of(Category.values()).map(TariffLoader::name).toList());
    }

    private static String pricedCategories() {
        return String.join(", ", Stream.of(Category.values()).filter(c -> c != Category.BLOCKED)
                .map(TariffLoader::name).toList());
    }

    private static BigDecimal percent(String s) {
        BigDecimal p = new BigDecimal(s);
        return p.signum() < 0 || p.compareTo(BigDecimal.valueOf(1000)) > 0 ? null : p;
    }

    private static Money money(String s, Currency currency) {
        BigDecimal v = new BigDecimal(s);
        return v.signum() < 0 ? null : new Money(v, currency);
    }

    private static String digits(String s) {
        return s.matches("[0-9]+") ? s : null;
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
