package org.switchboard.core.cli;

import org.switchboard.core.config.ConfigLoader;
import org.switchboard.core.config.SwitchboardConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --config-dir}, shared by every command; relative paths in the config resolve against the home. */
public final class ConfigOptions {

    @Option(names = "--config-dir", paramLabel = "DIR", description = "configuration directory (default: ${DEFAULT-VALUE})",
            defaultValue = "${env:SWITCHBOARD_HOME:-.}/config")
    public Path configDir;

    /**
     * The installation's home: system property {@code switchboard.home}, else {@code SWITCHBOARD_HOME}
     * (set by scripts/switchboard), else the working directory.
     */
    public static Path home() {
        String h = System.getProperty("switchboard.home", System.getenv("SWITCHBOARD_HOME"));
        return Path.of(h == null || h.isBlank() ? "." : h).toAbsolutePath().normalize();
    }

    public SwitchboardConfig load() {
        return ConfigLoader.load(configDir, home());
    }
}
