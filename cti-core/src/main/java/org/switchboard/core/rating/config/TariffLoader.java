package org.switchboard.core.rating.config;

import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import org.switchboard.billing.money.Money;
import org.switchboard.billing.rating.TariffBook;
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

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
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
                : y.value(top, "surcharge", "", root, "0", "an amount in " + currency + " like 1.00", s -> RatePlanReader.money(s, currency));

        DiallingRules dialling = null;
        MappingNode dn = y.mapping(top, "dialling", "", root, true);
        if (dn != null) {
            dialling = dialling(y, dn, "dialling");
        }
        Map<String, DiallingRules> trunkDialling = trunkDialling(y, top, root);
        MappingNode pn = y.mapping(top, "plans", "", root, true);
        Map<String, RatePlan> plans = plans(y, pn, currency);
        Map<Category, RatePlan> byCategory = TariffCategories.read(y, y.mapping(top, "categories", "", root, true), pn, plans);
        PrefixTable table = prefixes(y, top, root);
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

    private static Map<String, DiallingRules> trunkDialling(YamlNodes y, Map<String, Node> top, MappingNode root) {
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
        return trunkDialling;
    }

    private static Map<String, RatePlan> plans(YamlNodes y, MappingNode pn, Currency currency) {
        Map<String, RatePlan> plans = new HashMap<>();
        if (pn != null && currency != null) {
            for (NodeTuple t : pn.getValue()) {
                String id = ((ScalarNode) t.getKeyNode()).getValue();
                RatePlan plan = RatePlanReader.plan(y, id, t.getValueNode(), currency);
                if (plan != null) {
                    plans.put(id, plan);
                }
            }
        }
        return plans;
    }

    private static PrefixTable prefixes(YamlNodes y, Map<String, Node> top, MappingNode root) {
        List<PrefixRule> rules = new ArrayList<>();
        Map<String, Integer> prefixLines = new HashMap<>();
        for (YamlNodes.Item item : y.mappings(top, "prefixes", "", root, "prefix, area and category",
                Set.of("prefix", "area", "category"))) {
            String path = item.path();
            MappingNode rn = item.node();
            Map<String, Node> r = item.fields();
            String prefix = y.value(r, "prefix", path, rn, null, "digits", TariffLoader::digits);
            String area = y.text(r, "area", path, rn, null);
            Category c = y.value(r, "category", path, rn, null, "one of " + TariffCategories.all(), TariffCategories::category);
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
        return table;
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

    private static String digits(String s) {
        return s.matches("[0-9]+") ? s : null;
    }

    private static BigDecimal percent(String s) {
        BigDecimal p = new BigDecimal(s);
        return p.signum() < 0 || p.compareTo(BigDecimal.valueOf(1000)) > 0 ? null : p;
    }
}
