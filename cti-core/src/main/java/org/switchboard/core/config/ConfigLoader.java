package org.switchboard.core.config;

import org.switchboard.core.folio.config.*;
import org.switchboard.core.metrics.config.*;
import org.switchboard.core.rating.config.*;
import org.switchboard.core.wakeup.config.*;
import org.switchboard.core.api.HttpConfig;
import org.switchboard.core.calls.config.PbxConfig;
import org.switchboard.core.directory.config.ExtensionsFile;
import org.switchboard.core.directory.config.TrunksConfig;
import org.switchboard.core.storage.DatabaseConfig;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.metrics.model.MetricsSettings;
import org.switchboard.pbx.ami.AmiSettings;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads {@code switchboard.yaml} (hotel, PBX link, trunks, database, capture) and
 * {@code extensions.yaml} (departments, staff phones, rooms) from a configuration directory, and
 * reports every mistake at once, each as {@code file:line: key: message}.
 */
public final class ConfigLoader {

    public static final String MAIN_FILE = "switchboard.yaml";
    public static final String EXTENSIONS_FILE = ExtensionsFile.FILE;

    private ConfigLoader() {
    }

    /** The configuration, or a {@link ConfigException} listing every error found. */
    public static SwitchboardConfig load(Path dir, Path home) {
        List<ConfigError> errors = new ArrayList<>();
        String mainName = dir.resolve(MAIN_FILE).toString();
        YamlNodes y = new YamlNodes(mainName, errors);
        MappingNode root = y.load(dir.resolve(MAIN_FILE));
        YamlNodes extensionsFile = new YamlNodes(dir.resolve(EXTENSIONS_FILE).toString(), errors);
        Map<String, Node> callTypeNodes = new HashMap<>();
        Directory directory = ExtensionsFile.load(dir, extensionsFile, callTypeNodes);
        if (root == null) {
            throw new ConfigException(errors);
        }
        Map<String, Node> top = y.entries(root, "", Set.of("hotel", "pbx", "trunks", "database", "capture", "http",
                "metrics", "wakeup", "folio", "cdr-store"));

        MappingNode hotelNode = y.mapping(top, "hotel", "", root, true);
        String hotelName = null;
        ZoneId zone = null;
        if (hotelNode != null) {
            Map<String, Node> h = y.entries(hotelNode, "hotel", Set.of("name", "timezone"));
            hotelName = y.text(h, "name", "hotel", hotelNode, null);
            zone = y.value(h, "timezone", "hotel", hotelNode, null, "a time zone such as Asia/Shanghai", ZoneId::of);
        }

        AmiSettings ami = PbxConfig.read(y, top, root, zone);
        TrunksConfig.Trunks trunks = TrunksConfig.read(y, top, root);
        SwitchboardConfig.DatabaseSettings database = DatabaseConfig.read(y, top, root, home);
        Duration grace = PbxConfig.cdrGrace(y, top, root);
        SwitchboardConfig.HttpSettings http = HttpConfig.read(y, top, root, home);
        MetricsSettings metrics = MetricsConfig.read(y, top, root);
        MetricsConfig.checkCallTypes(extensionsFile, directory.departments(), callTypeNodes, metrics);
        org.switchboard.core.wakeup.model.WakeupSettings wakeup = WakeupConfig.read(y, top, root, directory);
        org.switchboard.core.folio.model.FolioSettings folio = FolioConfig.read(y, top, root);
        org.switchboard.core.calls.config.CdrStoreSettings cdrStore =
                org.switchboard.core.calls.config.CdrStoreConfig.read(y, top, root, home, mainName);
        org.switchboard.billing.rating.TariffBook tariffs = null;
        try {
            tariffs = TariffLoader.loadAll(dir);
        } catch (ConfigException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        Directory withTrunks = new Directory(directory.extensions(), directory.departments(), trunks.trunks());
        return new SwitchboardConfig(hotelName, zone, ami, database, grace, trunks.did(), withTrunks, tariffs, http,
                metrics, wakeup, folio, cdrStore);
    }
}
