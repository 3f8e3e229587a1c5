package org.switchboard.core.config;

/** One problem in a configuration file: where (file, 1-based line), which key, and what is wrong. */
public record ConfigError(String file, int line, String key, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + key + ": " + message;
    }
}
