package net.outageherald.app;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The shared {@code --config FILE} option. */
final class ConfigOption {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "YAML config file (default: $HERALD_CONFIG, else config/herald.yaml if present, else "
                    + "built-in defaults)")
    Path file;

    HeraldConfig load(Map<String, String> env) {
        return file != null ? HeraldConfig.load(file, env) : HeraldConfig.loadDefault(env);
    }

    /** Loads the config, or prints every problem (prefixed) and returns null. */
    HeraldConfig loadOrReport(Map<String, String> env, java.io.PrintWriter err, String prefix) {
        try {
            return load(env);
        } catch (net.outageherald.config.ConfigException e) {
            err.println(prefix + e.getMessage());
            return null;
        }
    }
}
